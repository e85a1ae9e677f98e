package dev.switchboard.http.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One real server per property class, seeded with a little of everything (two users, two groups, a
 * template, two sites, a calling package, a phone number) so bad input has something to collide
 * with, and a {@link #snapshot} of every table to prove that a refused request changed nothing.
 * Used from one test thread at a time.
 */
final class SeededServer implements AutoCloseable {
  static final String ALICE = "alice@example.com";
  static final String BOB = "bob@example.com";
  static final String SALES = "Sales";
  static final String SUPPORT = "Support";
  static final String TEMPLATE = "sales-agents";
  static final String OTHER_TEMPLATE = "support-agents";
  static final String MAIN_SITE = "Main";
  static final String BRANCH_SITE = "Branch";
  static final String PACKAGE = "Basic";
  static final String OTHER_PACKAGE = "Premium";
  static final String NUMBER = "+15550100001";
  static final String OTHER_NUMBER = "+15550100002";

  /** The ids the seed got, by resource: what targets and references point at. */
  record Ids(
      String alice,
      String bob,
      String sales,
      String support,
      String template,
      String mainSite,
      String callingPackage,
      String number) {}

  private final TestServer server;
  private final Wire wire;
  private final Ids ids;

  private SeededServer(TestServer server) {
    this.server = server;
    this.wire = new Wire(server.base());
    String mainSite =
        create(
            "/Sites",
            "{\"name\":\""
                + MAIN_SITE
                + "\",\"extensionRanges\":[{\"from\":\"2000\",\"to\":\"2999\"}]}");
    create(
        "/Sites",
        "{\"name\":\""
            + BRANCH_SITE
            + "\",\"extensionRanges\":[{\"from\":\"3000\",\"to\":\"3999\"}]}");
    String callingPackage = create("/CallingPackages", "{\"name\":\"" + PACKAGE + "\",\"rank\":1}");
    create("/CallingPackages", "{\"name\":\"" + OTHER_PACKAGE + "\",\"rank\":2}");
    String number =
        create("/PhoneNumbers", "{\"number\":\"" + NUMBER + "\",\"site\":\"" + MAIN_SITE + "\"}");
    create("/PhoneNumbers", "{\"number\":\"" + OTHER_NUMBER + "\"}");
    String alice =
        create(
            "/Users",
            "{\"userName\":\""
                + ALICE
                + "\",\"name\":{\"givenName\":\"Alice\"},\"emails\":[{\"value\":\""
                + ALICE
                + "\",\"primary\":true}],\""
                + Urns.CONTACT_CENTER
                + "\":{\"license\":\"standard\",\"queues\":[\"Sales\"]}}");
    String bob =
        create(
            "/Users",
            "{\"userName\":\""
                + BOB
                + "\",\"active\":true,\""
                + Urns.PHONE
                + "\":{\"licensed\":true,\"callingPackage\":\""
                + PACKAGE
                + "\",\"site\":\""
                + MAIN_SITE
                + "\"}}");
    String sales =
        create(
            "/Groups",
            "{\"displayName\":\"" + SALES + "\",\"members\":[{\"value\":\"" + alice + "\"}]}");
    String support = create("/Groups", "{\"displayName\":\"" + SUPPORT + "\"}");
    String template =
        create(
            "/LicenseTemplates",
            "{\"name\":\""
                + TEMPLATE
                + "\",\"group\":{\"display\":\""
                + SALES
                + "\"},\"contactCenter\":\"premium\"}");
    create(
        "/LicenseTemplates",
        "{\"name\":\"" + OTHER_TEMPLATE + "\",\"group\":{\"value\":\"" + support + "\"}}");
    this.ids = new Ids(alice, bob, sales, support, template, mainSite, callingPackage, number);
  }

  static SeededServer start() {
    return new SeededServer(TestServer.start());
  }

  Ids ids() {
    return ids;
  }

  Wire wire() {
    return wire;
  }

  /** Every row of every table (Flyway's own aside), sorted: equal snapshots, equal stores. */
  Map<String, List<String>> snapshot() {
    Set<String> names = server.database().tableNames();
    return server
        .database()
        .read(
            handle -> {
              Map<String, List<String>> tables = new TreeMap<>();
              for (String name : names) {
                List<String> rows = new ArrayList<>();
                handle
                    .createQuery("SELECT * FROM \"" + name + "\"")
                    .mapToMap()
                    .forEach(row -> rows.add(new TreeMap<>(row).toString()));
                rows.sort(null);
                tables.put(name, rows);
              }
              return tables;
            });
  }

  private String create(String path, String body) {
    Wire.Answer answer = wire.send(Probe.of("POST", path, body));
    JsonNode id = answer.body() == null ? null : answer.body().get("id");
    if (answer.status() != 201 || id == null) {
      throw new IllegalStateException("seeding " + path + " failed: " + answer.text());
    }
    return id.asText();
  }

  @Override
  public void close() {
    server.close();
  }
}

package dev.switchboard.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ScimClient;
import dev.switchboard.TestServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Whatever must be unique stays unique when many clients ask for it at once: a userName (in any
 * case), an explicit extension, a direct number, the lowest-free extensions of a small range, and
 * the agentIds and extensions of many agents created at once.
 */
public final class UniquenessRace {
  private static final int CLIENTS = 12;
  private static final int AGENTS_EACH = 10;

  private UniquenessRace() {}

  public static void oneUserNameCreatedByManyClientsExistsOnce(RaceTarget target) throws Exception {
    List<TestServer.Reply> replies =
        Race.times(
            CLIENTS,
            n ->
                target
                    .client(n)
                    .post(
                        "/Users",
                        Wire.user(n % 2 == 0 ? "Race@Example.com" : "race@example.COM", "")));
    assertOneWins(replies);
    assertEquals(1, target.client(0).get("/Users?count=0").body().path("totalResults").asInt());
  }

  public static void oneExplicitExtensionGoesToOneUser(RaceTarget target) throws Exception {
    site(target.client(0), "100", "199");
    assertOneWins(phoneUsers(target, "ext-", "{\"licensed\":true,\"extensionNumber\":\"150\"}"));
  }

  public static void oneDirectNumberGoesToOneUser(RaceTarget target) throws Exception {
    ScimClient admin = target.client(0);
    site(admin, "100", "199");
    admin.post("/CallingPackages", "{\"name\":\"national\",\"rank\":20}");
    admin.post("/PhoneNumbers", "{\"number\":\"+4687001234\"}");
    assertOneWins(
        phoneUsers(
            target,
            "did-",
            "{\"licensed\":true,\"callingPackage\":\"national\","
                + "\"directNumbers\":[\"+4687001234\"]}"));
  }

  public static void aSmallRangeIsSharedOutWithoutDuplicates(RaceTarget target) throws Exception {
    site(target.client(0), "100", "104");
    List<TestServer.Reply> replies = phoneUsers(target, "range-", "{\"licensed\":true}");
    assertEquals(CLIENTS, count(replies, 201), "provisioning never fails for lack of numbers");
    List<String> extensions = new ArrayList<>();
    int pending = 0;
    for (TestServer.Reply reply : replies) {
      String extension = reply.body().path(Wire.PHONE).path("extensionNumber").asText(null);
      if (extension != null) {
        extensions.add(extension);
      } else {
        pending++;
        assertEquals("pending", reply.body().path(Wire.PHONE).path("licenseState").asText());
      }
    }
    Collections.sort(extensions);
    assertEquals(List.of("100", "101", "102", "103", "104"), extensions);
    assertEquals(CLIENTS - 5, pending);
  }

  /**
   * Every client creates {@value #AGENTS_EACH} agents with a phone: each gets the lowest free
   * agentId and extension at its commit, so together they hold exactly the lowest ones, once each.
   */
  public static void agentsCreatedAtOnceHoldTheLowestAgentIdsAndExtensionsOnceEach(
      RaceTarget target) throws Exception {
    site(target.client(0), "100", "999");
    List<List<TestServer.Reply>> repliesOf =
        Race.times(
            CLIENTS,
            client -> {
              List<TestServer.Reply> replies = new ArrayList<>();
              for (int n = 0; n < AGENTS_EACH; n++) {
                replies.add(
                    target
                        .client(client)
                        .post(
                            "/Users",
                            Wire.user(
                                "agent-" + client + "-" + n,
                                "\""
                                    + Wire.CC
                                    + "\":{\"license\":\"standard\"},\""
                                    + Wire.PHONE
                                    + "\":{\"licensed\":true}")));
              }
              return replies;
            });
    List<Long> agentIds = new ArrayList<>();
    List<Long> extensions = new ArrayList<>();
    for (List<TestServer.Reply> replies : repliesOf) {
      for (TestServer.Reply reply : replies) {
        assertEquals(201, reply.status(), reply.raw().body());
        JsonNode user = reply.body();
        agentIds.add(user.path(Wire.CC).path("agentId").asLong());
        extensions.add(user.path(Wire.PHONE).path("extensionNumber").asLong());
      }
    }
    Collections.sort(agentIds);
    Collections.sort(extensions);
    int agents = CLIENTS * AGENTS_EACH;
    assertEquals(
        LongStream.range(1000, 1000 + agents).boxed().collect(Collectors.toList()), agentIds);
    assertEquals(
        LongStream.range(100, 100 + agents).boxed().collect(Collectors.toList()), extensions);
  }

  private static void site(ScimClient admin, String from, String to) {
    assertEquals(
        201,
        admin
            .post(
                "/Sites",
                "{\"name\":\"Main\",\"extensionRanges\":[{\"from\":\""
                    + from
                    + "\",\"to\":\""
                    + to
                    + "\"}]}")
            .status());
  }

  /** {@value #CLIENTS} clients create a user each ({@code prefix}n) with this phone extension. */
  private static List<TestServer.Reply> phoneUsers(RaceTarget target, String prefix, String phone)
      throws Exception {
    return Race.times(
        CLIENTS,
        n ->
            target
                .client(n)
                .post("/Users", Wire.user(prefix + n, "\"" + Wire.PHONE + "\":" + phone)));
  }

  /** Exactly one request won; every other was refused as a 409 {@code uniqueness}. */
  private static void assertOneWins(List<TestServer.Reply> replies) {
    assertEquals(1, count(replies, 201), "exactly one wins");
    for (TestServer.Reply reply : replies) {
      if (reply.status() != 201) {
        assertEquals(409, reply.status(), reply.raw().body());
        assertEquals("uniqueness", reply.body().path("scimType").asText(), reply.raw().body());
      }
    }
  }

  private static long count(List<TestServer.Reply> replies, int status) {
    return replies.stream().filter(reply -> reply.status() == status).count();
  }
}

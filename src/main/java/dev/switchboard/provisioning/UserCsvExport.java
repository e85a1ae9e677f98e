package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.batch.CsvColumn;
import dev.switchboard.batch.CsvFile;
import dev.switchboard.scim.Representation;
import dev.switchboard.scim.ScimUrns;
import dev.switchboard.store.CaselessKey;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.SiteDao;
import dev.switchboard.store.SiteRow;
import dev.switchboard.store.UserDao;
import dev.switchboard.store.UserRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code GET /admin/exports/users.csv}: every user in userName order, a page of {@link #PAGE} at a
 * time (each page its own read snapshot), so a million users stream in constant memory. The columns
 * are the import's plus the effective values; the file imports back unchanged. Thread-safe.
 */
public final class UserCsvExport {
  static final int PAGE = 1000;
  private final Database database;

  UserCsvExport(Database database) {
    this.database = database;
  }

  public void write(OutputStream out) throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    CSVPrinter csv = new CSVPrinter(writer, CsvFile.FORMAT);
    csv.printRecord(CsvColumn.EXPORTED.stream().map(CsvColumn::header).toList());
    String after = "";
    while (true) {
      String from = after;
      List<List<String>> page =
          database.read(
              handle -> {
                Map<String, String> siteNames = new HashMap<>();
                List<List<String>> records = new ArrayList<>();
                for (UserRow user : Daos.attach(handle, UserDao.class).pageByUserName(from, PAGE)) {
                  records.add(
                      record(
                          user,
                          user.phoneLicensed()
                              ? siteName(
                                  Daos.attach(handle, SiteDao.class), user.phoneSite(), siteNames)
                              : ""));
                }
                return records;
              });
      for (List<String> record : page) {
        csv.printRecord(record);
      }
      if (page.size() < PAGE) {
        break;
      }
      after = CaselessKey.of(page.get(page.size() - 1).get(0));
    }
    csv.flush();
  }

  private static List<String> record(UserRow user, String effectiveSite) {
    ObjectNode body = Representation.parseBody(user.body());
    JsonNode cc = body.path(ScimUrns.CONTACT_CENTER_USER);
    JsonNode phone = body.path(ScimUrns.PHONE_USER);
    Map<CsvColumn, String> values = new EnumMap<>(CsvColumn.class);
    values.put(CsvColumn.USER_NAME, user.userName());
    values.put(CsvColumn.DISPLAY_NAME, user.displayName());
    values.put(CsvColumn.ACTIVE, String.valueOf(user.active()));
    values.put(CsvColumn.LICENSE, cc.path("license").asText(""));
    values.put(CsvColumn.ROLE, cc.path("role").asText(""));
    values.put(CsvColumn.QUEUES, joined(cc.path("queues")));
    values.put(CsvColumn.PHONE_LICENSED, phone.path("licensed").asText(""));
    values.put(CsvColumn.CALLING_PACKAGE, phone.path("callingPackage").asText(""));
    values.put(CsvColumn.SITE, phone.path("site").asText(""));
    values.put(
        CsvColumn.EXTENSION_NUMBER,
        user.extension() != null ? user.extension() : phone.path("extensionNumber").asText(""));
    values.put(CsvColumn.DIRECT_NUMBERS, joined(phone.path("directNumbers")));
    values.put(CsvColumn.EFFECTIVE_LICENSE, user.ccEffective());
    values.put(CsvColumn.LICENSE_STATE, user.ccState());
    values.put(CsvColumn.AGENT_ID, user.agentId() == null ? "" : user.agentId().toString());
    values.put(CsvColumn.EFFECTIVE_PHONE_LICENSED, String.valueOf(user.phoneLicensed()));
    values.put(CsvColumn.EFFECTIVE_CALLING_PACKAGE, user.phonePackage());
    values.put(CsvColumn.EFFECTIVE_SITE, effectiveSite);
    values.put(CsvColumn.PHONE_LICENSE_STATE, user.phoneState());
    return CsvColumn.EXPORTED.stream()
        .map(c -> values.get(c) == null ? "" : values.get(c))
        .toList();
  }

  private static String siteName(SiteDao sites, String siteId, Map<String, String> names) {
    if (siteId == null) {
      return "";
    }
    return names.computeIfAbsent(siteId, id -> sites.columns(id).map(SiteRow::name).orElse(""));
  }

  private static String joined(JsonNode values) {
    StringJoiner joined = new StringJoiner(";");
    values.forEach(v -> joined.add(v.asText()));
    return joined.toString();
  }
}

package dev.switchboard.scim.quirks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UnquotedFilterValuesTest extends QuirkTestBase {
  @Test
  void quotesBareValuesAndLeavesJsonLiteralsAlone() {
    assertEquals("externalId eq \"jyoung\"", UnquotedFilterValues.quote("externalId eq jyoung"));
    assertEquals("userName sw \"O\"", UnquotedFilterValues.quote("userName sw O"));
    assertEquals(
        "meta.Created gt \"2015-10-10T14:38:21.8617979-07:00\"",
        UnquotedFilterValues.quote("meta.Created gt 2015-10-10T14:38:21.8617979-07:00"));
    assertEquals(
        "name.FamilyName eq \"Employee\" and (emails.Value co \"example.com\" or"
            + " emails.Value co \"example.org\")",
        UnquotedFilterValues.quote(
            "name.FamilyName eq Employee and (emails.Value co example.com"
                + " or emails.Value co example.org)"));
    String alreadyValid = "userName eq \"a b\" and active eq true and x.y gt 42";
    assertEquals(alreadyValid, UnquotedFilterValues.quote(alreadyValid));
  }

  @Test
  void microsoftsUnquotedFiltersFindTheirUsers() {
    String userName = unique("Omalley");
    server.post(
        "/Users",
        "{\"userName\":\""
            + userName
            + "\",\"externalId\":\"ext-"
            + userName
            + "\",\"name\":{\"familyName\":\"Employee\"},\"emails\":[{\"value\":\"o@example.org\"}]}");
    assertEquals(1, count("externalId eq ext-" + userName));
    assertEquals(
        1,
        count(
            "userName sw "
                + userName.substring(0, 10)
                + " and name.FamilyName eq"
                + " Employee and (emails.Value co example.com or emails.Value co example.org)"));
    assertEquals(
        1,
        count(
            "userName eq " + userName + " and meta.Created gt 2015-10-10T14:38:21.8617979-07:00"));
  }

  private static int count(String filter) {
    return server
        .get("/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8))
        .body()
        .get("totalResults")
        .asInt();
  }
}

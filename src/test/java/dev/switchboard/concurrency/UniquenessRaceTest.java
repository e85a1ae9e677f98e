package dev.switchboard.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.TestServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whatever must be unique stays unique when many clients ask for it at once: a userName (in any
 * case), an explicit extension, a direct number, and the lowest-free extensions of a small range.
 */
class UniquenessRaceTest {
  private static final int CLIENTS = 12;

  @Test
  void oneUserNameCreatedByManyClientsExistsOnce() throws Exception {
    try (TestServer server = TestServer.start()) {
      List<TestServer.Reply> replies =
          Race.times(
              CLIENTS,
              n ->
                  server.post(
                      "/Users",
                      Wire.user(n % 2 == 0 ? "Race@Example.com" : "race@example.COM", "")));
      assertOneWins(replies);
      assertEquals(1, server.get("/Users?count=0").body().path("totalResults").asInt());
    }
  }

  @Test
  void oneExplicitExtensionGoesToOneUser() throws Exception {
    try (TestServer server = TestServer.start()) {
      site(server, "100", "199");
      assertOneWins(phoneUsers(server, "ext-", "{\"licensed\":true,\"extensionNumber\":\"150\"}"));
    }
  }

  @Test
  void oneDirectNumberGoesToOneUser() throws Exception {
    try (TestServer server = TestServer.start()) {
      site(server, "100", "199");
      server.post("/CallingPackages", "{\"name\":\"national\",\"rank\":20}");
      server.post("/PhoneNumbers", "{\"number\":\"+4687001234\"}");
      assertOneWins(
          phoneUsers(
              server,
              "did-",
              "{\"licensed\":true,\"callingPackage\":\"national\","
                  + "\"directNumbers\":[\"+4687001234\"]}"));
    }
  }

  @Test
  void aSmallRangeIsSharedOutWithoutDuplicates() throws Exception {
    try (TestServer server = TestServer.start()) {
      site(server, "100", "104");
      List<TestServer.Reply> replies = phoneUsers(server, "range-", "{\"licensed\":true}");
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
  }

  private static void site(TestServer server, String from, String to) {
    assertEquals(
        201,
        server
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
  private static List<TestServer.Reply> phoneUsers(TestServer server, String prefix, String phone)
      throws Exception {
    return Race.times(
        CLIENTS,
        n -> server.post("/Users", Wire.user(prefix + n, "\"" + Wire.PHONE + "\":" + phone)));
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

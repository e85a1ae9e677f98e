package dev.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The algorithmic promise of the membership relation, checked by counting JDBC work rather than by
 * timing: adding or removing one member reads and writes the same few rows whether the group has
 * ten members or twenty thousand.
 */
class MembershipWorkTest {
  private static final int BIG = 20_000;
  private static final RowCounter counter = new RowCounter();
  private static TestServer server;
  private static String smallGroup;
  private static String bigGroup;
  private static String smallLicensedGroup;
  private static String bigLicensedGroup;

  @BeforeAll
  static void seed() {
    server = TestServer.start(counter::wrap);
    smallGroup = server.createGroup("small");
    bigGroup = server.createGroup("big");
    smallLicensedGroup = server.createGroup("small licensed");
    bigLicensedGroup = server.createGroup("big licensed");
    List<String> ids = insertUsers(BIG);
    server
        .database()
        .write(
            handle -> {
              MembershipDao members = handle.attach(MembershipDao.class);
              for (String id : ids) {
                members.addIfAbsent(bigGroup, id, null);
              }
              for (String id : ids.subList(0, 10)) {
                members.addIfAbsent(smallGroup, id, null);
                members.addIfAbsent(smallLicensedGroup, id, null);
              }
              for (String id : ids) {
                members.addIfAbsent(bigLicensedGroup, id, null);
              }
              return null;
            });
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void addingOneMemberDoesNotReadTheGroup() {
    String newcomer = server.createUser("newcomer-" + UUID.randomUUID());
    String other = server.createUser("other-" + UUID.randomUUID());
    Work small = measure(() -> addMember(smallGroup, newcomer));
    Work big = measure(() -> addMember(bigGroup, other));
    assertEquals(small, big, "adding to a " + BIG + "-member group costs what adding to 10 does");
    assertTrue(big.rowsRead() < 20, "rows read: " + big.rowsRead());
  }

  @Test
  void addingOneMemberToALicensedGroupResolvesOnlyThatUser() {
    for (String group : List.of(smallLicensedGroup, bigLicensedGroup)) {
      assertEquals(
          201,
          server
              .post(
                  "/LicenseTemplates",
                  "{\"name\":\"t-"
                      + group
                      + "\",\"group\":{\"value\":\""
                      + group
                      + "\"},\"contactCenter\":\"standard\"}")
              .status());
    }
    String newcomer = server.createUser("licensed-newcomer-" + UUID.randomUUID());
    String other = server.createUser("licensed-other-" + UUID.randomUUID());
    Work small = measure(() -> addMember(smallLicensedGroup, newcomer));
    Work big = measure(() -> addMember(bigLicensedGroup, other));
    assertEquals(small, big, "resolving one new member costs the same in either group");
    assertTrue(big.rowsRead() < 40, "rows read: " + big.rowsRead());
    assertEquals(
        "standard",
        server
            .get("/Users/" + other)
            .body()
            .at(
                "/urn:switchboard:params:scim:schemas:extension:contactcenter:1.0:User/effectiveLicense")
            .asText());
  }

  @Test
  void removingOneMemberDoesNotReadTheGroup() {
    String leaver = server.createUser("leaver-" + UUID.randomUUID());
    addMember(bigGroup, leaver);
    Work remove =
        measure(
            () ->
                assertEquals(
                    204,
                    server
                        .patch(
                            "/Groups/" + bigGroup,
                            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                                + "[{\"op\":\"remove\",\"path\":\"members[value eq \\\""
                                + leaver
                                + "\\\"]\"}]}")
                        .status()));
    assertTrue(remove.rowsRead() < 20, "rows read: " + remove.rowsRead());
  }

  private record Work(long rowsRead, long statements) {}

  private static Work measure(Runnable request) {
    counter.reset();
    request.run();
    return new Work(counter.rowsRead(), counter.statements());
  }

  private static void addMember(String groupId, String userId) {
    assertEquals(
        204,
        server
            .patch(
                "/Groups/" + groupId,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                    + "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                    + userId
                    + "\"}]}]}")
            .status());
  }

  private static List<String> insertUsers(int count) {
    List<String> ids = new ArrayList<>(count);
    server
        .database()
        .write(
            handle -> {
              UserDao users = handle.attach(UserDao.class);
              for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                users.insert(
                    UserRow.unresolved(
                        id,
                        "member-" + i,
                        null,
                        null,
                        true,
                        1L,
                        1L,
                        1L,
                        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"member-"
                            + i
                            + "\",\"active\":true}"));
                ids.add(id);
              }
              return null;
            });
    return ids;
  }
}

package dev.switchboard.scim.quirks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.Fixtures;
import dev.switchboard.scim.MembershipChange.Member;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberValuesTest extends QuirkTestBase {
  @Test
  void readsEveryShapeIdPsSend() throws Exception {
    JsonNode value =
        JsonUtils.getObjectReader()
            .readTree(
                "[\"a\", {\"$ref\": null,"
                    + " \"value\": \"b\"}, {\"displayName\": \"new User\", \"value\": \"c\"},"
                    + " {\"value\": \"d\", \"type\": \"Group\"}]");
    assertEquals(
        List.of(new Member("a", null), new Member("b", null), new Member("c", "new User")),
        MemberValues.parse(value));
  }

  @Test
  void entraAddSkipsUnknownIdsAndKeepsTheRest() {
    String groupId = server.createGroup(unique("Support"));
    String first = server.createUser(unique("first"));
    String second = server.createUser(unique("second"));
    assertEquals(
        204,
        server
            .patch(
                "/Groups/" + groupId,
                Fixtures.load(
                    Fixtures.ENTRA_ADD_MEMBERS,
                    "first",
                    first,
                    "second",
                    second,
                    "unknown",
                    "no-such-user"))
            .status());
    assertEquals(Set.of(first, second), members(groupId));
  }

  @Test
  void removeMembersWithValueRemovesOnlyThoseMembers() {
    String groupId = server.createGroup(unique("Billing"));
    String stays = server.createUser(unique("stays"));
    String leaves = server.createUser(unique("leaves"));
    server.patch(
        "/Groups/" + groupId,
        Fixtures.load(
            Fixtures.ENTRA_ADD_MEMBERS, "first", stays, "second", leaves, "unknown", "x"));
    assertEquals(
        204,
        server
            .patch(
                "/Groups/" + groupId,
                Fixtures.load(Fixtures.ENTRA_REMOVE_MEMBERS, "userId", leaves))
            .status());
    assertEquals(Set.of(stays), members(groupId));
  }

  @Test
  void filteredRemoveRemovesOneAndPathRemoveRemovesAll() {
    String groupId = server.createGroup(unique("Ops"));
    String a = server.createUser(unique("a"));
    String b = server.createUser(unique("b"));
    server.patch(
        "/Groups/" + groupId,
        Fixtures.load(Fixtures.ENTRA_ADD_MEMBERS, "first", a, "second", b, "unknown", "x"));
    server.patch(
        "/Groups/" + groupId, Fixtures.load(Fixtures.RFC_REMOVE_MEMBER_FILTER, "userId", a));
    assertEquals(Set.of(b), members(groupId));
    server.patch("/Groups/" + groupId, Fixtures.load(Fixtures.RFC_REMOVE_ALL_MEMBERS));
    assertEquals(Set.of(), members(groupId));
  }

  @Test
  void replaceMembersSetsExactlyTheGivenSet() {
    String groupId = server.createGroup(unique("Night"));
    String old = server.createUser(unique("old"));
    String only = server.createUser(unique("only"));
    server.patch(
        "/Groups/" + groupId,
        Fixtures.load(Fixtures.ENTRA_ADD_MEMBERS, "first", old, "second", old, "unknown", "x"));
    server.patch(
        "/Groups/" + groupId, Fixtures.load(Fixtures.OKTA_REPLACE_MEMBERS, "userId", only));
    assertEquals(Set.of(only), members(groupId));
  }

  @Test
  void bareStringAndDisplayNameMembersFromMicrosoftsCollection() {
    String groupId = server.createGroup(unique("Bare"));
    String bare = server.createUser(unique("bare"));
    String named = server.createUser(unique("named"));
    assertEquals(
        204,
        server
            .patch(
                "/Groups/" + groupId,
                Fixtures.load(
                    Fixtures.MS_ADD_MEMBER_BARE_STRING, "groupId", groupId, "userId", bare))
            .status());
    assertEquals(
        204,
        server
            .patch(
                "/Groups/" + groupId,
                Fixtures.load(Fixtures.MS_ADD_MEMBER_DISPLAY_NAME, "userId", named))
            .status());
    JsonNode group = server.get("/Groups/" + groupId).body();
    assertEquals(Set.of(bare, named), members(groupId));
    assertTrue(group.toString().contains("new User"));
  }

  @Test
  void aGroupPatchAnswersWithoutTheMemberList() {
    String groupId = server.createGroup(unique("Quiet"));
    String a = server.createUser(unique("q"));
    var reply =
        server.patch(
            "/Groups/" + groupId + "?attributes=displayName",
            Fixtures.load(Fixtures.ENTRA_ADD_MEMBERS, "first", a, "second", a, "unknown", "x"));
    assertEquals(200, reply.status());
    assertFalse(reply.body().has("members"));
  }

  private static Set<String> members(String groupId) {
    Set<String> ids = new HashSet<>();
    server
        .get("/Groups/" + groupId)
        .body()
        .path("members")
        .forEach(m -> ids.add(m.get("value").asText()));
    return ids;
  }
}

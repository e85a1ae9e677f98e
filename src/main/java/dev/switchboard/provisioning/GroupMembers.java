package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.scim.ResourceLocation;
import dev.switchboard.store.Daos;
import dev.switchboard.store.MemberRow;
import dev.switchboard.store.MembershipDao;
import org.jdbi.v3.core.Handle;

/** Renders a group's {@code members} attribute from the relation. Stateless. */
final class GroupMembers {
  private GroupMembers() {}

  /** What a member shows as: the display the IdP sent, else the user's displayName or userName. */
  static String display(MemberRow member) {
    if (member.display() != null) {
      return member.display();
    }
    return member.userDisplayName() != null ? member.userDisplayName() : member.userName();
  }

  static void render(Handle handle, String groupId, ObjectNode group, ResourceLocation location) {
    var rows = Daos.attach(handle, MembershipDao.class).members(groupId);
    if (rows.isEmpty()) {
      return;
    }
    ArrayNode members = group.putArray("members");
    for (MemberRow member : rows) {
      ObjectNode m = members.addObject();
      m.put("value", member.userId());
      m.put("$ref", location.of("/Users/" + member.userId()));
      m.put("display", display(member));
      m.put("type", "User");
    }
  }
}

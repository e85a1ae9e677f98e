package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.scim.MembershipChange;
import dev.switchboard.scim.MembershipChange.Member;
import dev.switchboard.scim.ResourceFilterEvaluator;
import dev.switchboard.store.Daos;
import dev.switchboard.store.MemberRow;
import dev.switchboard.store.MembershipDao;
import dev.switchboard.store.UserDao;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies membership changes to the relation, touching only the members named. Ids that are no user
 * here are skipped and logged, not rejected: a 400 would lose the IdP's whole push (Okta does not
 * retry it). Used inside the caller's transaction; stateless.
 */
final class MembershipWriter {
  private static final Logger log = LoggerFactory.getLogger(MembershipWriter.class);

  /** Stays well under every engine's limit on bound parameters per statement. */
  private static final int ID_CHUNK = 500;

  private final ResourceFilterEvaluator memberFilter;

  MembershipWriter(ResourceFilterEvaluator memberFilter) {
    this.memberFilter = memberFilter;
  }

  /** Applies {@code change} and says which users joined or left. */
  MembershipDelta apply(Handle handle, String groupId, MembershipChange change)
      throws BadRequestException {
    MembershipDao members = Daos.attach(handle, MembershipDao.class);
    if (change instanceof MembershipChange.Add add) {
      return add(handle, groupId, add.members());
    }
    if (change instanceof MembershipChange.Replace replace) {
      return removeAll(members, groupId).then(add(handle, groupId, replace.members()));
    }
    if (change instanceof MembershipChange.Remove remove) {
      return remove(members, groupId, remove.ids());
    }
    if (change instanceof MembershipChange.RemoveAll) {
      return removeAll(members, groupId);
    }
    MembershipChange.RemoveMatching matching = (MembershipChange.RemoveMatching) change;
    List<String> matched = new ArrayList<>();
    for (MemberRow member : members.members(groupId)) {
      if (memberFilter.matches(matching.filter(), asJson(member))) {
        matched.add(member.userId());
      }
    }
    return remove(members, groupId, matched);
  }

  private static MembershipDelta remove(
      MembershipDao members, String groupId, Collection<String> ids) {
    MembershipDelta delta = MembershipDelta.empty();
    for (String id : ids) {
      if (members.remove(groupId, id) > 0) {
        delta.removed().add(id);
      }
    }
    return delta;
  }

  private static MembershipDelta removeAll(MembershipDao members, String groupId) {
    MembershipDelta delta = MembershipDelta.empty();
    delta.removed().addAll(members.memberIds(groupId));
    members.removeAll(groupId);
    return delta;
  }

  private MembershipDelta add(Handle handle, String groupId, List<Member> wanted) {
    Map<String, Member> byId = new LinkedHashMap<>();
    wanted.forEach(m -> byId.merge(m.id(), m, (a, b) -> b.display() != null ? b : a));
    Set<String> known = existingUsers(handle, byId.keySet());
    MembershipDao members = Daos.attach(handle, MembershipDao.class);
    MembershipDelta delta = MembershipDelta.empty();
    int displays = 0;
    for (Member member : byId.values()) {
      if (!known.contains(member.id())) {
        log.warn("group {}: skipping member {}, which is no user here", groupId, member.id());
      } else if (members.addIfAbsent(groupId, member.id(), member.display()) > 0) {
        delta.added().add(member.id());
      } else if (member.display() != null) {
        displays += members.updateDisplay(groupId, member.id(), member.display());
      }
    }
    return new MembershipDelta(delta.added(), delta.removed(), displays);
  }

  private static Set<String> existingUsers(Handle handle, Set<String> ids) {
    Set<String> known = new HashSet<>();
    List<String> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += ID_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + ID_CHUNK));
      known.addAll(Daos.attach(handle, UserDao.class).existingIds(chunk));
    }
    return known;
  }

  private static ObjectNode asJson(MemberRow member) {
    ObjectNode node = JsonUtils.getJsonNodeFactory().objectNode();
    node.put("value", member.userId());
    node.put("display", GroupMembers.display(member));
    node.put("type", "User");
    return node;
  }
}

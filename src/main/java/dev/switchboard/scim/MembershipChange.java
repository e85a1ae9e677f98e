package dev.switchboard.scim;

import com.unboundid.scim2.common.filters.Filter;
import java.util.List;
import java.util.Set;

/** One change to a group's member relation, read from a PATCH or PUT. Immutable. */
public sealed interface MembershipChange {
  /** A member as a client names it: the user id and an optional display text. */
  record Member(String id, String display) {}

  record Add(List<Member> members) implements MembershipChange {}

  record Replace(List<Member> members) implements MembershipChange {}

  record Remove(Set<String> ids) implements MembershipChange {}

  record RemoveAll() implements MembershipChange {}

  /** Remove the members a filter other than {@code value eq …} selects (rare; reads members). */
  record RemoveMatching(Filter filter) implements MembershipChange {}
}

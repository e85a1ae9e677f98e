package dev.switchboard.provisioning;

import java.util.LinkedHashSet;
import java.util.Set;

/** What membership changes did: users who joined, users who left, displays that changed. */
record MembershipDelta(Set<String> added, Set<String> removed, int displaysChanged) {
  static MembershipDelta empty() {
    return new MembershipDelta(new LinkedHashSet<>(), new LinkedHashSet<>(), 0);
  }

  /** This delta followed by {@code next}: a user who left and came back is in neither set. */
  MembershipDelta then(MembershipDelta next) {
    Set<String> added = new LinkedHashSet<>(this.added);
    Set<String> removed = new LinkedHashSet<>(this.removed);
    for (String id : next.removed) {
      if (!added.remove(id)) {
        removed.add(id);
      }
    }
    for (String id : next.added) {
      if (!removed.remove(id)) {
        added.add(id);
      }
    }
    return new MembershipDelta(added, removed, displaysChanged + next.displaysChanged);
  }

  boolean changed() {
    return !added.isEmpty() || !removed.isEmpty() || displaysChanged > 0;
  }
}

package dev.switchboard.licensing;

import java.util.Objects;

/**
 * One demand for a contact-center tier and where it comes from. {@code groupId}, {@code groupName}
 * and {@code templateName} are set (non-null) for a {@link SourceType#GROUP} demand and null for
 * the others. A demand for {@link Tier#NONE} is allowed: it resolves to nothing and is not listed
 * as a source. Immutable and thread-safe.
 *
 * @param type where the demand comes from
 * @param tier the tier demanded
 * @param groupId the id of the group whose template demands the tier (GROUP only)
 * @param groupName the group's displayName, as shown in {@code licenseSources.display} (GROUP only)
 * @param templateName the name of the license template attached to the group (GROUP only)
 */
public record Demand(
    SourceType type, Tier tier, String groupId, String groupName, String templateName) {

  public Demand {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(tier, "tier");
    if (type == SourceType.GROUP) {
      Objects.requireNonNull(groupId, "groupId of a group demand");
      Objects.requireNonNull(groupName, "groupName of a group demand");
      Objects.requireNonNull(templateName, "templateName of a group demand");
    } else if (groupId != null || groupName != null || templateName != null) {
      throw new IllegalArgumentException(
          "only a group demand names a group or template, not a " + type.wireName() + " demand");
    }
  }

  /** The user's own {@code license} attribute. */
  public static Demand direct(Tier tier) {
    return new Demand(SourceType.DIRECT, tier, null, null, null);
  }

  /** The user's role; its tier is {@link Role#demandedTier()} (none for an agent). */
  public static Demand role(Role role) {
    return new Demand(SourceType.ROLE, role.demandedTier(), null, null, null);
  }

  /** The template {@code templateName} attached to a group the user belongs to. */
  public static Demand group(String groupId, String groupName, String templateName, Tier tier) {
    return new Demand(SourceType.GROUP, tier, groupId, groupName, templateName);
  }
}

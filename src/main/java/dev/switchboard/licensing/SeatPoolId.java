package dev.switchboard.licensing;

import java.util.Arrays;
import java.util.Optional;

/**
 * The seat pools of api.md ({@code /SeatPools}): one per paid contact-center tier and one for phone
 * licenses. Immutable and thread-safe (an enum).
 */
public enum SeatPoolId {
  CONTACT_CENTER_STANDARD("contactCenter.standard", Tier.STANDARD),
  CONTACT_CENTER_PREMIUM("contactCenter.premium", Tier.PREMIUM),
  PHONE_LICENSED("phone.licensed", null);

  private final String wireName;
  private final Tier tier;

  SeatPoolId(String wireName, Tier tier) {
    this.wireName = wireName;
    this.tier = tier;
  }

  /** The pool's SCIM id, e.g. {@code contactCenter.premium}. */
  public String wireName() {
    return wireName;
  }

  /** The pool whose id is {@code id}, ignoring case; empty for anything else, null included. */
  public static Optional<SeatPoolId> parse(String id) {
    return Arrays.stream(values()).filter(pool -> pool.wireName.equalsIgnoreCase(id)).findFirst();
  }

  /** The pool that seats {@code tier}; empty for {@link Tier#NONE}, which needs no seat. */
  public static Optional<SeatPoolId> forTier(Tier tier) {
    return switch (tier) {
      case NONE -> Optional.empty();
      case STANDARD -> Optional.of(CONTACT_CENTER_STANDARD);
      case PREMIUM -> Optional.of(CONTACT_CENTER_PREMIUM);
    };
  }

  /** The contact-center tier this pool seats; empty for the phone pool. */
  public Optional<Tier> tier() {
    return Optional.ofNullable(tier);
  }
}

package dev.switchboard.licensing;

/**
 * What one source asks of a user's phone: a license, a calling package, a site. Direct demands come
 * from the user's own values; group demands from a template (with its precedence and name, which
 * order site choices). Immutable and thread-safe.
 *
 * @param type DIRECT or GROUP
 * @param licensed whether the source demands a phone license
 * @param callingPackage the package demanded, or null
 * @param site the site demanded, or null
 * @param groupId the group of a GROUP demand, else null
 * @param groupName the group's displayName of a GROUP demand, else null
 * @param templateName the template of a GROUP demand, else null
 * @param precedence the template's precedence (lower first); 0 for direct demands
 */
public record PhoneDemand(
    SourceType type,
    boolean licensed,
    String callingPackage,
    String site,
    String groupId,
    String groupName,
    String templateName,
    long precedence) {

  public static PhoneDemand direct(boolean licensed, String callingPackage, String site) {
    return new PhoneDemand(SourceType.DIRECT, licensed, callingPackage, site, null, null, null, 0);
  }

  public static PhoneDemand group(
      String groupId,
      String groupName,
      String templateName,
      long precedence,
      boolean licensed,
      String callingPackage,
      String site) {
    return new PhoneDemand(
        SourceType.GROUP,
        licensed,
        callingPackage,
        site,
        groupId,
        groupName,
        templateName,
        precedence);
  }
}

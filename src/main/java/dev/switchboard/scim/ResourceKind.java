package dev.switchboard.scim;

import com.unboundid.scim2.common.types.SchemaResource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One SCIM resource type (User, Group): its endpoint, core schema and schema extensions. Immutable
 * and thread-safe.
 */
public record ResourceKind(
    String name,
    String endpoint,
    String description,
    SchemaResource core,
    List<SchemaResource> extensions) {

  /** The extension schema whose URN equals {@code urn} ignoring case. */
  public Optional<SchemaResource> extension(String urn) {
    return extensions.stream().filter(s -> s.getId().equalsIgnoreCase(urn)).findFirst();
  }

  /**
   * The extension schema that {@code key} names or prefixes: {@code "urn:…:User"} itself or {@code
   * "urn:…:User:attribute"}. Empty for core attribute names.
   */
  public Optional<SchemaResource> extensionOf(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return extensions.stream()
        .filter(
            s -> {
              String urn = s.getId().toLowerCase(Locale.ROOT);
              return lower.equals(urn) || lower.startsWith(urn + ":");
            })
        .findFirst();
  }

  /** All schemas of this kind, core first. */
  public List<SchemaResource> schemas() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(core), extensions.stream())
        .toList();
  }
}

package dev.switchboard.scim;

import static com.unboundid.scim2.common.types.AttributeDefinition.Mutability.READ_ONLY;
import static com.unboundid.scim2.common.types.AttributeDefinition.Mutability.READ_WRITE;
import static com.unboundid.scim2.common.types.AttributeDefinition.Type.DATETIME;
import static com.unboundid.scim2.common.types.AttributeDefinition.Type.STRING;

import com.unboundid.scim2.common.types.AttributeDefinition;
import java.util.List;

/**
 * RFC 7643 §3.1 attributes every resource has but no schema lists: {@code id}, {@code externalId},
 * {@code meta}. Known here so filters, sorting and projection resolve them.
 */
final class CommonAttributes {
  static final AttributeDefinition ID = string("id", true, READ_ONLY);
  static final AttributeDefinition EXTERNAL_ID = string("externalId", true, READ_WRITE);
  static final AttributeDefinition META =
      new AttributeDefinition.Builder()
          .setName("meta")
          .setType(AttributeDefinition.Type.COMPLEX)
          .setMutability(READ_ONLY)
          .addSubAttributes(
              string("resourceType", true, READ_ONLY),
              dateTime("created"),
              dateTime("lastModified"),
              string("location", true, READ_ONLY),
              string("version", true, READ_ONLY))
          .build();
  static final List<AttributeDefinition> ALL = List.of(ID, EXTERNAL_ID, META);

  private static AttributeDefinition string(
      String name, boolean caseExact, AttributeDefinition.Mutability mutability) {
    return new AttributeDefinition.Builder()
        .setName(name)
        .setType(STRING)
        .setCaseExact(caseExact)
        .setMutability(mutability)
        .build();
  }

  private static AttributeDefinition dateTime(String name) {
    return new AttributeDefinition.Builder()
        .setName(name)
        .setType(DATETIME)
        .setMutability(READ_ONLY)
        .build();
  }

  private CommonAttributes() {}
}

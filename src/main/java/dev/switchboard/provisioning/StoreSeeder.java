package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.scim.Projection;
import dev.switchboard.scim.Representation;
import dev.switchboard.scim.ResourceConformer;
import dev.switchboard.scim.ResourceKind;
import dev.switchboard.scim.ResourceLocation;
import dev.switchboard.store.CaselessKey;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.SeedDao;
import dev.switchboard.store.UserRow;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * Loads many users and large groups straight into the store, thousands per transaction, for
 * benchmarks and for trying the server at scale. Users get the body a {@code POST /Users} of the
 * same JSON stores (the same conformer), no licenses; groups are created through {@link
 * GroupService} and filled in batches. Not for production data: no audit, no resolution.
 */
public final class StoreSeeder {
  private static final int BATCH = 5_000;
  private final Database database;
  private final ResourceKind users;
  private final GroupService groups;
  private final ResourceConformer conformer = new ResourceConformer();
  private final Clock clock;

  StoreSeeder(Database database, ResourceKind users, GroupService groups, Clock clock) {
    this.database = database;
    this.users = users;
    this.groups = groups;
    this.clock = clock;
  }

  /** Adds {@code count} users {@code <prefix><n>@seed.example}, n from 0; reports progress. */
  public void seedUsers(String prefix, long count, LongConsumer progress) throws ScimException {
    for (long first = 0; first < count; first += BATCH) {
      List<UserRow> rows = new ArrayList<>(BATCH);
      List<String> ids = new ArrayList<>(BATCH);
      List<String> emails = new ArrayList<>(BATCH);
      long now = clock.millis();
      for (long n = first; n < Math.min(count, first + BATCH); n++) {
        String userName = String.format("%s%07d@seed.example", prefix, n);
        ObjectNode input = JsonUtils.getJsonNodeFactory().objectNode();
        input.put("userName", userName);
        input.put("displayName", "Seed User " + n);
        input.put("active", true);
        input
            .putArray("emails")
            .addObject()
            .put("value", userName)
            .put("type", "work")
            .put("primary", true);
        ObjectNode body = conformer.conform(users, input);
        String id = UUID.randomUUID().toString();
        rows.add(
            UserRow.unresolved(
                id,
                userName,
                null,
                "Seed User " + n,
                true,
                now,
                now,
                1,
                Representation.bodyText(body)));
        ids.add(id);
        emails.add(CaselessKey.of(userName));
      }
      database.write(
          handle -> {
            SeedDao seed = Daos.attach(handle, SeedDao.class);
            seed.insertUsers(rows);
            seed.insertEmails(ids, emails);
            return null;
          });
      progress.accept(first + rows.size());
    }
  }

  /**
   * Creates the group {@code displayName} (through the normal use case) and makes the first {@code
   * members} users in userName order its members; returns its id.
   */
  public String seedGroup(String displayName, long members, Caller caller) throws ScimException {
    ObjectNode input = JsonUtils.getJsonNodeFactory().objectNode();
    input.put("displayName", displayName);
    String groupId =
        groups
            .create(
                input, Projection.MINIMAL, new ResourceLocation(URI.create("http://seed/")), caller)
            .resource()
            .get("id")
            .asText();
    String after = "";
    for (long added = 0; added < members; ) {
      int take = (int) Math.min(BATCH, members - added);
      String from = after;
      List<String> ids = database.read(h -> Daos.attach(h, SeedDao.class).idsAfter(from, take));
      if (ids.isEmpty()) {
        break;
      }
      database.write(
          handle -> {
            Daos.attach(handle, SeedDao.class).addMembers(groupId, ids);
            return null;
          });
      added += ids.size();
      String last = ids.get(ids.size() - 1);
      after = database.read(h -> Daos.attach(h, SeedDao.class).userNameKey(last));
    }
    return groupId;
  }
}

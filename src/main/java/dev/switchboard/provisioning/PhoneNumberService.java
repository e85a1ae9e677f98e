package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import dev.switchboard.scim.Representation;
import dev.switchboard.scim.ResourceConformer;
import dev.switchboard.scim.ResourceKind;
import dev.switchboard.store.AdminRow;
import dev.switchboard.store.CaselessKey;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.PhoneNumberDao;
import dev.switchboard.store.ResourceTable;
import dev.switchboard.store.SiteDao;
import dev.switchboard.store.UserDao;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** /PhoneNumbers: the direct-number inventory; state and holder are computed, never written. */
public final class PhoneNumberService extends CatalogueService {
  PhoneNumberService(
      Database database,
      ResourceKind kind,
      ResourceConformer conformer,
      Clock clock,
      ContactCenterLicensing licensing) {
    super(database, kind, ResourceTable.PHONE_NUMBERS, conformer, clock, licensing);
  }

  @Override
  protected ObjectNode canonical(ObjectNode input) throws ScimException {
    ObjectNode body = conformer.conform(kind, input);
    String number = body.get("number").asText().trim();
    if (number.matches("[1-9][0-9]{7,14}")) {
      throw BadRequestException.invalidValue(
          "number "
              + number
              + " lacks its leading '+' (spreadsheets drop it); write it in E.164 as +"
              + number);
    }
    if (!number.matches("\\+[1-9][0-9]{7,14}")) {
      throw BadRequestException.invalidValue(
          "number must be E.164: '+' and 8 to 15 digits, not '" + number + "'");
    }
    body.put("number", number);
    return body;
  }

  @Override
  protected void save(Handle handle, String id, AdminRow current, ObjectNode body, Caller caller)
      throws ScimException {
    PhoneNumberDao numbers = Daos.attach(handle, PhoneNumberDao.class);
    String number = body.get("number").asText();
    Optional<PhoneNumberDao.NumberState> holder = numbers.byNumber(number);
    if (holder.isPresent() && !holder.get().id().equals(id)) {
      throw UniqueConstraint.conflict("number " + number + " is already in the inventory");
    }
    String siteKey = null;
    if (body.hasNonNull("site")) {
      siteKey = CaselessKey.of(body.get("site").asText());
      if (Daos.attach(handle, SiteDao.class).byNameKey(siteKey).isEmpty()) {
        throw BadRequestException.invalidValue(
            "site '" + body.get("site").asText() + "' is not in /Sites");
      }
    }
    long now = clock.millis();
    if (current == null) {
      numbers.insert(id, number, siteKey, now, Representation.bodyText(body));
    } else {
      PhoneNumberDao.NumberState state = numbers.stateOf(id).orElseThrow();
      if (!state.number().equals(number) && state.userId() != null) {
        throw new ResourceConflictException(
            "number " + state.number() + " is held by a user; it cannot be renumbered");
      }
      numbers.update(id, number, siteKey, now, Representation.bodyText(body));
    }
  }

  @Override
  protected void renderComputed(Handle handle, AdminRow row, ObjectNode resource) {
    Daos.attach(handle, PhoneNumberDao.class)
        .stateOf(row.id())
        .ifPresent(
            state -> {
              resource.put("state", state.state());
              if (state.userId() != null) {
                ObjectNode assigned = resource.putObject("assignedTo");
                assigned.put("value", state.userId());
                UserDao.find(handle, state.userId())
                    .ifPresent(user -> assigned.put("display", user.userName()));
              }
            });
  }

  @Override
  protected Runnable prepareDelete(Handle handle, AdminRow row, Caller caller)
      throws ScimException {
    PhoneNumberDao.NumberState state =
        Daos.attach(handle, PhoneNumberDao.class).stateOf(row.id()).orElseThrow();
    if (state.userId() != null) {
      throw new ResourceConflictException(
          "number " + state.number() + " is held by a user; release it first");
    }
    return () -> {};
  }

  @Override
  protected Optional<AdminRow> findRow(Handle handle, String id) {
    return Daos.attach(handle, PhoneNumberDao.class).find(id);
  }

  @Override
  protected void deleteRow(Handle handle, String id) {
    Daos.attach(handle, PhoneNumberDao.class).delete(id);
  }

  @Override
  protected String name(ObjectNode body) {
    return body.path("number").asText(null);
  }

  @Override
  protected String conflictDetail() {
    return "that number is already in the inventory";
  }
}

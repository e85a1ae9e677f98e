package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.batch.CsvColumn;
import dev.switchboard.batch.DirectValueEdit;
import dev.switchboard.batch.ImportMode;
import dev.switchboard.batch.ImportRow;
import dev.switchboard.scim.Representation;
import dev.switchboard.scim.ScimUrns;
import dev.switchboard.store.CallingPackageDao;
import dev.switchboard.store.CaselessKey;
import dev.switchboard.store.Daos;
import dev.switchboard.store.ImportError;
import dev.switchboard.store.UserDao;
import dev.switchboard.store.UserRow;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Applies one import row to the user it names, inside the caller's transaction and its own
 * savepoint: a row that fails leaves no trace but its error line. Each phone value is checked on
 * its own first, so an error names the column at fault. Immutable and thread-safe.
 */
final class ImportRowApplier {
  private static final String SAVEPOINT = "import_row";

  private final UserService users;
  private final ImportMode mode;
  private final Caller caller;

  ImportRowApplier(UserService users, ImportMode mode, Caller caller) {
    this.users = users;
    this.mode = mode;
    this.caller = caller;
  }

  /** Applies {@code row}; the error line when it cannot be. */
  Optional<ImportError> apply(Handle handle, ImportRow row) {
    Optional<String> id =
        Daos.attach(handle, UserDao.class).idByUserNameKey(CaselessKey.of(row.userName()));
    if (id.isEmpty()) {
      return error(
          row,
          CsvColumn.USER_NAME,
          "there is no user '"
              + row.userName()
              + "'; an import never creates users (your identity provider does)");
    }
    // Plain SQL (the same on SQLite and PostgreSQL): ROLLBACK TO keeps the savepoint, RELEASE
    // then drops it, so a chunk of failing rows never stacks savepoints up.
    handle.execute("SAVEPOINT " + SAVEPOINT);
    Optional<ImportError> error;
    try {
      error = applyTo(handle, id.get(), row);
    } catch (RuntimeException e) {
      undo(handle);
      if (UniqueConstraint.violated(e)) {
        return error(row, null, "another write took a value this row sets; import it again");
      }
      throw e;
    }
    if (error.isPresent()) {
      undo(handle);
    } else {
      handle.execute("RELEASE SAVEPOINT " + SAVEPOINT);
    }
    return error;
  }

  private static void undo(Handle handle) {
    handle.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
    handle.execute("RELEASE SAVEPOINT " + SAVEPOINT);
  }

  private Optional<ImportError> applyTo(Handle handle, String userId, ImportRow row) {
    for (Map.Entry<CsvColumn, ObjectNode> value : phoneValues(row).entrySet()) {
      try {
        PhoneInput.validate(handle, userId, value.getValue());
      } catch (ScimException e) {
        return error(row, value.getKey(), e.getMessage());
      }
    }
    UserRow before;
    UserRow after;
    try {
      before = users.find(handle, userId);
      Map<String, Long> ranks =
          row.callingPackage() == null ? Map.of() : packageRanks(handle); // rare: only then
      after =
          users.edit(
              handle,
              before,
              body ->
                  DirectValueEdit.apply(
                      mode,
                      row,
                      body,
                      before.extension(),
                      name -> ranks.getOrDefault(CaselessKey.of(name), Long.MIN_VALUE)),
              caller);
    } catch (ScimException e) {
      return error(row, null, e.getMessage());
    }
    if (after != before) {
      try {
        PhoneInput.requirePackageForNewDirectNumbers(
            Representation.parseBody(before.body()),
            Representation.parseBody(after.body()),
            after.phonePackage());
      } catch (ScimException e) {
        return error(row, CsvColumn.DIRECT_NUMBERS, e.getMessage());
      }
    }
    return Optional.empty();
  }

  /** Each phone value of the row alone, as a body {@link PhoneInput#validate} checks. */
  private static Map<CsvColumn, ObjectNode> phoneValues(ImportRow row) {
    Map<CsvColumn, ObjectNode> values = new LinkedHashMap<>();
    if (row.callingPackage() != null && !row.callingPackage().isEmpty()) {
      phone(values, CsvColumn.CALLING_PACKAGE).put("callingPackage", row.callingPackage());
    }
    if (row.site() != null && !row.site().isEmpty()) {
      phone(values, CsvColumn.SITE).put("site", row.site());
    }
    if (row.extensionNumber() != null && !row.extensionNumber().isEmpty()) {
      phone(values, CsvColumn.EXTENSION_NUMBER).put("extensionNumber", row.extensionNumber());
    }
    if (row.directNumbers() != null && !row.directNumbers().isEmpty()) {
      ArrayNode numbers = phone(values, CsvColumn.DIRECT_NUMBERS).putArray("directNumbers");
      row.directNumbers().forEach(numbers::add);
    }
    return values;
  }

  private static ObjectNode phone(Map<CsvColumn, ObjectNode> values, CsvColumn column) {
    ObjectNode body =
        values.computeIfAbsent(column, c -> JsonUtils.getJsonNodeFactory().objectNode());
    return body.has(ScimUrns.PHONE_USER)
        ? (ObjectNode) body.get(ScimUrns.PHONE_USER)
        : body.putObject(ScimUrns.PHONE_USER);
  }

  private static Map<String, Long> packageRanks(Handle handle) {
    return Daos.attach(handle, CallingPackageDao.class).all().stream()
        .collect(
            Collectors.toMap(
                p -> CaselessKey.of(p.name()), CallingPackageDao.Ranked::rank, (a, b) -> a));
  }

  private static Optional<ImportError> error(ImportRow row, CsvColumn column, String detail) {
    return Optional.of(
        new ImportError(row.line(), column == null ? null : column.header(), detail));
  }
}

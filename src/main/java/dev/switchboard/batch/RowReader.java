package dev.switchboard.batch;

import dev.switchboard.licensing.InvalidLicenseValueException;
import dev.switchboard.licensing.Role;
import dev.switchboard.licensing.Tier;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the cells of one data row into the values it sets, checking each against its column: a
 * license or role Switchboard knows, booleans, digit extensions, E.164 numbers. Blank cells are
 * unchanged values; {@code -} clears a value in sync mode. A userName a file already named is an
 * error on the later line, before its values are read. Not thread-safe: one per file.
 */
public final class RowReader {
  /** The cell that clears a value in sync mode. */
  public static final String CLEAR = "-";

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
  private static final Pattern PLUS_DROPPED = Pattern.compile("[1-9][0-9]{6,14}");
  private static final Pattern SCIENTIFIC = Pattern.compile("[0-9.,]+E\\+?[0-9]+");
  private static final Pattern NUMBER_PUNCTUATION = Pattern.compile("[\\s().\\-]");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

  private final CsvHeader header;
  private final ImportMode mode;

  /** userName, ignoring case → the line it first appeared on. */
  private final Map<String, Long> seen = new HashMap<>();

  public RowReader(CsvHeader header, ImportMode mode) {
    this.header = header;
    this.mode = mode;
  }

  public ImportRow read(long line, List<String> cells) throws CsvFormatException {
    for (int i = header.width(); i < cells.size(); i++) {
      if (!cells.get(i).isBlank()) {
        throw new CsvFormatException(
            line,
            null,
            "the row has " + cells.size() + " cells; the header names " + header.width());
      }
    }
    String userName = header.cell(cells, CsvColumn.USER_NAME).map(String::strip).orElse("");
    if (userName.isEmpty()) {
      throw new CsvFormatException(
          line, CsvColumn.USER_NAME.header(), "is empty; every row names the user it sets");
    }
    Long first = seen.putIfAbsent(userName.toLowerCase(Locale.ROOT), line);
    if (first != null) {
      throw new CsvFormatException(
          line,
          CsvColumn.USER_NAME.header(),
          "'" + userName + "' is already on line " + first + "; a file sets each user once");
    }
    Cells row = new Cells(line, cells);
    return new ImportRow(
        line,
        userName,
        license(row),
        row.role(),
        row.list(CsvColumn.QUEUES, false),
        row.bool(CsvColumn.PHONE_LICENSED),
        row.clearable(CsvColumn.CALLING_PACKAGE),
        row.clearable(CsvColumn.SITE),
        row.extension(),
        row.list(CsvColumn.DIRECT_NUMBERS, true));
  }

  private String license(Cells row) throws CsvFormatException {
    String license = row.text(CsvColumn.LICENSE);
    if (license != null) {
      try {
        return Tier.parse(license).wireName();
      } catch (InvalidLicenseValueException e) {
        throw row.error(CsvColumn.LICENSE, e.getMessage());
      }
    }
    Boolean standard = row.bool(CsvColumn.WEBEX_STANDARD);
    Boolean premium = row.bool(CsvColumn.WEBEX_PREMIUM);
    if (Boolean.TRUE.equals(premium)) {
      return Tier.PREMIUM.wireName();
    }
    if (Boolean.TRUE.equals(standard)) {
      return Tier.STANDARD.wireName();
    }
    if (Boolean.FALSE.equals(standard) && Boolean.FALSE.equals(premium)) {
      return Tier.NONE.wireName(); // Webex: both false = license removed
    }
    return null;
  }

  /** The cells of one row, read column by column. */
  private final class Cells {
    private final long line;
    private final List<String> cells;

    Cells(long line, List<String> cells) {
      this.line = line;
      this.cells = cells;
    }

    CsvFormatException error(CsvColumn column, String reason) {
      return new CsvFormatException(line, column.header(), reason);
    }

    /** The stripped cell, or null when blank or absent. */
    String text(CsvColumn column) {
      return header.cell(cells, column).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    }

    /** As {@link #text}, with {@code -} read as "clear" (an empty string). */
    String clearable(CsvColumn column) throws CsvFormatException {
      String text = text(column);
      if (!CLEAR.equals(text)) {
        return text;
      }
      if (mode == ImportMode.ADD) {
        throw error(column, "'-' removes the value; mode=add never removes, use mode=sync");
      }
      return "";
    }

    String role() throws CsvFormatException {
      String role = text(CsvColumn.ROLE);
      try {
        return role == null ? null : Role.parse(role).wireName();
      } catch (InvalidLicenseValueException e) {
        throw error(CsvColumn.ROLE, e.getMessage());
      }
    }

    Boolean bool(CsvColumn column) throws CsvFormatException {
      String text = text(column);
      if (text == null) {
        return null;
      }
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "true", "yes", "1" -> true;
        case "false", "no", "0" -> false;
        default -> throw error(column, "must be true or false, not '" + text + "'");
      };
    }

    String extension() throws CsvFormatException {
      String extension = clearable(CsvColumn.EXTENSION_NUMBER);
      if (extension != null && !extension.isEmpty() && !DIGITS.matcher(extension).matches()) {
        throw error(
            CsvColumn.EXTENSION_NUMBER,
            "must be digits (or 0 to assign one automatically), not '" + extension + "'");
      }
      return extension;
    }

    List<String> list(CsvColumn column, boolean phoneNumbers) throws CsvFormatException {
      String text = clearable(column);
      if (text == null || text.isEmpty()) {
        return text == null ? null : List.of();
      }
      Set<String> values = new LinkedHashSet<>();
      for (String part : text.split(";")) {
        String value = part.strip();
        if (!value.isEmpty()) {
          values.add(phoneNumbers ? e164(column, value) : value);
        }
      }
      return List.copyOf(values);
    }

    private String e164(CsvColumn column, String text) throws CsvFormatException {
      String number = NUMBER_PUNCTUATION.matcher(text).replaceAll("");
      if (E164.matcher(number).matches()) {
        return number;
      }
      if (PLUS_DROPPED.matcher(number).matches()) {
        throw error(
            column,
            "'"
                + text
                + "' has no leading '+': spreadsheet editors drop it from numbers. Write +"
                + number
                + " if that is the number meant (format the column as text); Switchboard does not"
                + " guess");
      }
      if (SCIENTIFIC.matcher(text.toUpperCase(Locale.ROOT)).matches()) {
        throw error(
            column,
            "'"
                + text
                + "' is a number a spreadsheet wrote in scientific notation; format the column as"
                + " text and write the number as +<country code><number>");
      }
      throw error(column, "'" + text + "' is not an E.164 number (+, then up to 15 digits)");
    }
  }
}

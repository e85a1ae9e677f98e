package dev.switchboard.batch;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The header row of an import: which column sits where. Rejects a header an import cannot trust
 * (unknown or repeated names, no userName, both license spellings) before any row is applied.
 * Immutable.
 */
public final class CsvHeader {
  private final Map<CsvColumn, Integer> positions;
  private final int width;

  private CsvHeader(Map<CsvColumn, Integer> positions, int width) {
    this.positions = positions;
    this.width = width;
  }

  /** Reads the header cells of line 1; a UTF-8 byte order mark before the first is ignored. */
  public static CsvHeader read(List<String> cells) throws CsvFormatException {
    if (cells.isEmpty() || cells.stream().allMatch(String::isBlank)) {
      throw new CsvFormatException(
          1, null, "the first line must name the columns, e.g. userName,license,queues");
    }
    Map<CsvColumn, Integer> positions = new EnumMap<>(CsvColumn.class);
    for (int i = 0; i < cells.size(); i++) {
      String name = i == 0 ? cells.get(i).replace("\uFEFF", "") : cells.get(i);
      if (name.isBlank() && i == cells.size() - 1) {
        continue; // a trailing comma some spreadsheets write
      }
      CsvColumn column =
          CsvColumn.named(name)
              .orElseThrow(
                  () ->
                      new CsvFormatException(
                          1, null, "unknown column '" + name + "'; the columns are " + known()));
      if (positions.put(column, i) != null) {
        throw new CsvFormatException(1, column.header(), "the column appears twice");
      }
    }
    if (!positions.containsKey(CsvColumn.USER_NAME)) {
      throw new CsvFormatException(
          1, null, "there is no userName column; every row needs one to find its user");
    }
    boolean webex =
        positions.containsKey(CsvColumn.WEBEX_STANDARD)
            || positions.containsKey(CsvColumn.WEBEX_PREMIUM);
    if (webex && positions.containsKey(CsvColumn.LICENSE)) {
      throw new CsvFormatException(
          1, null, "give either the license column or the Webex Contact Center columns, not both");
    }
    return new CsvHeader(positions, cells.size());
  }

  /**
   * The cell of {@code column} in {@code cells}, if the file has the column and the row the cell.
   */
  public Optional<String> cell(List<String> cells, CsvColumn column) {
    Integer position = positions.get(column);
    return position == null || position >= cells.size()
        ? Optional.empty()
        : Optional.of(cells.get(position));
  }

  /** True when the file has this column. */
  public boolean has(CsvColumn column) {
    return positions.containsKey(column);
  }

  /** How many cells the header has: a row may have fewer (blank), never more that hold text. */
  public int width() {
    return width;
  }

  private static String known() {
    return Arrays.stream(CsvColumn.values())
        .map(CsvColumn::header)
        .collect(Collectors.joining(", "));
  }
}

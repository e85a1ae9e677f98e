package dev.switchboard.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A users CSV read one row at a time (never the whole file): strict UTF-8 (a byte order mark is
 * fine), RFC 4180 quoting with commas and line breaks inside quotes, CRLF or LF, blank lines
 * skipped. Each row carries the line it starts on, so errors point where a spreadsheet shows them.
 * Not thread-safe.
 */
public final class CsvFile implements AutoCloseable {
  /** How Switchboard reads and writes CSV (blank lines are kept here so lines can be counted). */
  public static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final CsvHeader header;
  private long lastLine;

  /** A data row and the line it starts on. */
  public record Row(long line, List<String> cells) {}

  private CsvFile(CSVParser parser) throws CsvFormatException {
    this.parser = parser;
    this.records = parser.iterator();
    this.header = CsvHeader.read(nextCells().orElse(List.of()));
  }

  /** Opens {@code file} and reads its header. */
  public static CsvFile open(Path file) throws IOException, CsvFormatException {
    BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                Files.newInputStream(file),
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)));
    try {
      return new CsvFile(FORMAT.parse(reader));
    } catch (CsvFormatException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  public CsvHeader header() {
    return header;
  }

  /** The next row with any text in it, or empty at the end of the file. */
  public Optional<Row> next() throws CsvFormatException {
    while (true) {
      long line = lastLine + 1;
      Optional<List<String>> cells = nextCells();
      if (cells.isEmpty()) {
        return Optional.empty();
      }
      if (cells.get().stream().anyMatch(cell -> !cell.isBlank())) {
        return Optional.of(new Row(line, cells.get()));
      }
    }
  }

  /** The line after the last row read: where the next row starts, blank lines aside. */
  public long nextLine() {
    return lastLine + 1;
  }

  /** Counts the remaining rows with any text in them: checks the whole file's syntax. */
  public long countRows() throws CsvFormatException {
    long rows = 0;
    while (next().isPresent()) {
      rows++;
    }
    return rows;
  }

  private Optional<List<String>> nextCells() throws CsvFormatException {
    try {
      if (!records.hasNext()) {
        return Optional.empty();
      }
      List<String> cells = records.next().toList();
      lastLine = parser.getCurrentLineNumber();
      return Optional.of(cells);
    } catch (UncheckedIOException e) {
      throw unreadable(e.getCause());
    }
  }

  private CsvFormatException unreadable(IOException cause) {
    long line = lastLine + 1;
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof CharacterCodingException) {
        return new CsvFormatException(
            line, null, "the file is not UTF-8 text; save it as \"CSV UTF-8\" and send it again");
      }
    }
    String reason = String.valueOf(cause.getMessage()).replaceFirst("^\\(startline \\d+\\) ", "");
    return new CsvFormatException(line, null, "not valid CSV: " + reason);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}

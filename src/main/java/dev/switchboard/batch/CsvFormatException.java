package dev.switchboard.batch;

/** A CSV file or row that cannot be imported; the message names the line and the column. */
public final class CsvFormatException extends Exception {
  private final long line;
  private final String column;

  public CsvFormatException(long line, String column, String reason) {
    super(describe(line, column, reason));
    this.line = line;
    this.column = column;
  }

  /** The 1-based line of the file the problem starts on (the header is line 1). */
  public long line() {
    return line;
  }

  /** The header name of the column at fault, or null when the whole line is. */
  public String column() {
    return column;
  }

  private static String describe(long line, String column, String reason) {
    return "line " + line + (column == null ? "" : ", column " + column) + ": " + reason;
  }
}

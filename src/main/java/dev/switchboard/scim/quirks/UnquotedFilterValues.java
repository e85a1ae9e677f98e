package dev.switchboard.scim.quirks;

import java.util.Locale;
import java.util.Set;

/**
 * Microsoft's SCIM validator and older clients send filter literals without quotes:
 *
 * <pre>
 * GET /Users?filter=externalId eq jyoung
 * GET /Users?filter=userName sw O
 * GET /Users?filter=meta.Created gt 2015-10-10T14:38:21.8617979-07:00
 * GET /Users?filter=name.FamilyName eq Employee and (emails.Value co example.com or emails.Value co example.org)
 * </pre>
 *
 * A comparison value that is not a JSON literal (string, number, true, false, null) is quoted as a
 * string; everything else is passed through untouched, quoted strings included.
 */
public final class UnquotedFilterValues {
  private static final Set<String> COMPARISONS =
      Set.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le");

  /** The filter text with bare comparison values quoted. */
  public static String quote(String filter) {
    StringBuilder out = new StringBuilder(filter.length() + 8);
    boolean expectValue = false;
    int i = 0;
    while (i < filter.length()) {
      char c = filter.charAt(i);
      if (c == '"') {
        int end = endOfString(filter, i);
        out.append(filter, i, end);
        i = end;
        expectValue = false;
      } else if (isDelimiter(c)) {
        out.append(c);
        i++;
        if (c != ' ' && c != '\t') {
          expectValue = false;
        }
      } else {
        int end = i;
        while (end < filter.length()
            && !isDelimiter(filter.charAt(end))
            && filter.charAt(end) != '"') {
          end++;
        }
        String word = filter.substring(i, end);
        if (expectValue) {
          out.append(isJsonLiteral(word) ? word : jsonString(word));
          expectValue = false;
        } else {
          out.append(word);
          expectValue = COMPARISONS.contains(word.toLowerCase(Locale.ROOT));
        }
        i = end;
      }
    }
    return out.toString();
  }

  private static int endOfString(String s, int start) {
    int i = start + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"') {
        return i + 1;
      } else {
        i++;
      }
    }
    return s.length();
  }

  private static boolean isDelimiter(char c) {
    return c == ' ' || c == '\t' || c == '(' || c == ')' || c == '[' || c == ']';
  }

  private static boolean isJsonLiteral(String word) {
    return word.equals("true")
        || word.equals("false")
        || word.equals("null")
        || word.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  }

  private static String jsonString(String word) {
    return '"' + word.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private UnquotedFilterValues() {}
}

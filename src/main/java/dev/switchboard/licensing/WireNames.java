package dev.switchboard.licensing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Lookup of a closed vocabulary by its wire name, shared by the enums of this package. */
final class WireNames {
  private WireNames() {}

  /** The lower-case wire name of an enum constant: {@code PREMIUM} → {@code premium}. */
  static String of(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  /** The constant whose wire name equals {@code text} ignoring case and surrounding blanks. */
  static <E extends Enum<E>> Optional<E> find(
      E[] values, Function<E, String> wireName, String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.strip();
    return Arrays.stream(values)
        .filter(v -> wireName.apply(v).equalsIgnoreCase(wanted))
        .findFirst();
  }

  /** The same as {@link #find}, but unknown text is an error naming the allowed values. */
  static <E extends Enum<E>> E parse(
      String attribute, E[] values, Function<E, String> wireName, String text) {
    return find(values, wireName, text)
        .orElseThrow(
            () ->
                new InvalidLicenseValueException(
                    attribute
                        + " must be one of "
                        + Arrays.stream(values).map(wireName).collect(Collectors.joining(", "))
                        + "; got "
                        + (text == null ? "no value" : "'" + text + "'")));
  }
}

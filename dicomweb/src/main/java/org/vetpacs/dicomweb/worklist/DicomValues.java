package org.vetpacs.dicomweb.worklist;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * Checks and normalizes single attribute values against their Value Representation (PS3.5 Table
 * 6.2-1): maximum lengths, the characters allowed, date and time syntax. Every refusal names the
 * keyword and says what was expected, because it is answered to the client as is.
 */
final class DicomValues {

  private static final DateTimeFormatter DA =
      DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

  private DicomValues() {}

  /**
   * A single LO/SH/LT-style text value: trimmed, {@code null} if empty; no backslash (the value
   * delimiter, PS3.5 6.4) and no control characters.
   */
  static String text(String keyword, String value, int maxLength) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    if (v.isEmpty()) {
      return null;
    }
    checkCharacters(keyword, v);
    if (v.length() > maxLength) {
      throw WorklistException.invalid(
          keyword + " is longer than " + maxLength + " characters (PS3.5 Table 6.2-1)");
    }
    return v;
  }

  /** Short String (SH), at most 16 characters. */
  static String sh(String keyword, String value) {
    return text(keyword, value, 16);
  }

  /** Long String (LO), at most 64 characters. */
  static String lo(String keyword, String value) {
    return text(keyword, value, 64);
  }

  /**
   * Person Name (PN): at most five {@code ^}-separated components, each component group (split at
   * {@code =}) at most 64 characters (PS3.5 6.2.1).
   */
  static String pn(String keyword, String value) {
    String v = text(keyword, value, 64 * 3 + 2);
    if (v == null) {
      return null;
    }
    for (String group : v.split("=", -1)) {
      if (group.length() > 64) {
        throw WorklistException.invalid(
            keyword + " has a component group longer than 64 characters (PS3.5 6.2.1)");
      }
      if (group.split("\\^", -1).length > 5) {
        throw WorklistException.invalid(
            keyword + " has more than five ^-separated components (PS3.5 6.2.1)");
      }
    }
    return v;
  }

  /** Code String (CS): upper case letters, digits, space and underscore, at most 16 characters. */
  static String cs(String keyword, String value) {
    String v = text(keyword, value, 16);
    if (v == null) {
      return null;
    }
    v = v.toUpperCase(Locale.ROOT);
    if (!v.matches("[A-Z0-9 _]+")) {
      throw WorklistException.invalid(
          keyword + " may hold only letters, digits, space and underscore (CS): " + value);
    }
    return v;
  }

  /** Application Entity title (AE): at most 16 characters, no backslash or control character. */
  static String ae(String keyword, String value) {
    return text(keyword, value, 16);
  }

  /** Date (DA) as YYYYMMDD, a real calendar date. */
  static String da(String keyword, String value) {
    String v = text(keyword, value, 64); // the format check below gives the better reason
    if (v == null) {
      return null;
    }
    if (!isDate(v)) {
      throw WorklistException.invalid(keyword + " must be a date YYYYMMDD (DA): " + value);
    }
    return v;
  }

  /** Time (TM) as HHMMSS. */
  static String tm(String keyword, String value) {
    String v = text(keyword, value, 64); // the format check below gives the better reason
    if (v == null) {
      return null;
    }
    if (!v.matches("([01][0-9]|2[0-3])[0-5][0-9][0-5][0-9]")) {
      throw WorklistException.invalid(keyword + " must be a time HHMMSS (TM): " + value);
    }
    return v;
  }

  /** Unique Identifier (UI): dot-separated numbers without leading zeros, at most 64 characters. */
  static String ui(String keyword, String value) {
    String v = text(keyword, value, 64);
    if (v == null) {
      return null;
    }
    if (!isUid(v)) {
      throw WorklistException.invalid(keyword + " is not a valid UID (PS3.5 9.1): " + value);
    }
    return v;
  }

  static boolean isDate(String v) {
    if (!v.matches("\\d{8}")) {
      return false;
    }
    try {
      LocalDate.parse(v, DA);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  static boolean isUid(String v) {
    return v.length() <= 64 && v.matches("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))+");
  }

  private static void checkCharacters(String keyword, String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\\') {
        throw WorklistException.invalid(
            keyword + " must be a single value: a backslash separates values (PS3.5 6.4)");
      }
      if (Character.isISOControl(c)) {
        throw WorklistException.invalid(keyword + " contains a control character");
      }
    }
  }
}

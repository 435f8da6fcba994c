package org.vetpacs.server.infrastructure;

import de.bwaldvogel.mongo.backend.Missing;

/**
 * Order-preserving string encoding of index values, so that an index map sorted by {@link
 * String#compareTo} lists its entries in the order MongoDB sorts the values (BSON comparison order:
 * null and missing first, then numbers by value, then strings by UTF-16 code unit).
 *
 * <p>Each value becomes a self-delimiting component: a type rank, the value, a terminator. A
 * descending key is the complement of every character of its ascending component, so one forward
 * walk of the map gives mixed ascending and descending orders. Values of other types (booleans,
 * dates, object ids, embedded documents) are kept under one rank above strings, ordered only by
 * their text: {@link #isExact} tells the index that its order is no longer MongoDB's.
 */
final class OrderedKeys {

  private static final char TERMINATOR = '\u0000';
  private static final char ESCAPE = '\u0001';
  private static final char RANK_NULL = '\u0010';
  private static final char RANK_NUMBER = '\u0020';
  private static final char RANK_STRING = '\u0030';
  private static final char RANK_OTHER = '\u0040';

  private OrderedKeys() {}

  /** The component of {@code value} in the given direction. */
  static String component(Object value, boolean ascending) {
    StringBuilder out = new StringBuilder();
    if (value == null || value instanceof Missing) {
      out.append(RANK_NULL);
    } else if (value instanceof Number n && isPlainNumber(n)) {
      out.append(RANK_NUMBER).append(sortableHex(n.doubleValue()));
    } else if (value instanceof String s) {
      out.append(RANK_STRING);
      escape(s, out);
    } else {
      out.append(RANK_OTHER);
      escape(String.valueOf(value), out);
    }
    out.append(TERMINATOR);
    return ascending ? out.toString() : complement(out);
  }

  /**
   * The index just past the component that starts at {@code start} in an encoded key (a key is a
   * sequence of components). The terminator of an ascending component is the only {@code \0} in
   * it, that of a descending one the only {@code \uffff}: content characters are escaped.
   */
  static int componentEnd(String key, int start, boolean ascending) {
    int end = key.indexOf(ascending ? TERMINATOR : (char) (0xffff - TERMINATOR), start);
    if (end < 0) {
      throw new IllegalArgumentException("Not an encoded key component at " + start);
    }
    return end + 1;
  }

  /** The key prefix shared by every string value beginning with {@code prefix}. */
  static String stringPrefix(String prefix, boolean ascending) {
    StringBuilder out = new StringBuilder().append(RANK_STRING);
    escape(prefix, out);
    return ascending ? out.toString() : complement(out);
  }

  /**
   * Whether the encoding orders {@code value} exactly as MongoDB does (null, missing, numbers that
   * a double holds exactly, strings).
   */
  static boolean isExact(Object value) {
    if (value == null || value instanceof Missing || value instanceof String) {
      return true;
    }
    if (value instanceof Number n && isPlainNumber(n)) {
      return !(n instanceof Long l)
          || (double) l.longValue() == l.doubleValue() && Math.abs(l) < (1L << 53);
    }
    return false;
  }

  /** Whether a query bound of this value can be encoded (a string or a number). */
  static boolean isBound(Object value) {
    return value instanceof String || value instanceof Number n && isPlainNumber(n);
  }

  /**
   * The smallest string greater than every string that begins with {@code prefix}, or null when
   * there is none (the range is open-ended).
   */
  static String successor(String prefix) {
    int end = prefix.length();
    while (end > 0 && prefix.charAt(end - 1) == '\uffff') {
      end--;
    }
    if (end == 0) {
      return null;
    }
    return prefix.substring(0, end - 1) + (char) (prefix.charAt(end - 1) + 1);
  }

  private static boolean isPlainNumber(Number n) {
    return n instanceof Integer
        || n instanceof Long
        || n instanceof Double
        || n instanceof Float
        || n instanceof Short
        || n instanceof Byte;
  }

  /** 16 hex digits whose text order is the numeric order of {@code d} (NaN first, as MongoDB). */
  private static String sortableHex(double d) {
    if (Double.isNaN(d)) {
      return "0000000000000000";
    }
    long bits = Double.doubleToLongBits(d == 0.0 ? 0.0 : d); // -0.0 equals 0.0
    bits = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
    String hex = Long.toHexString(bits);
    return "0".repeat(16 - hex.length()) + hex;
  }

  /** Keeps the terminator below every content character: \0 -> \1\1, \1 -> \1\2. */
  private static void escape(String s, StringBuilder out) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == TERMINATOR || c == ESCAPE) {
        out.append(ESCAPE).append((char) (c + 1));
      } else {
        out.append(c);
      }
    }
  }

  private static String complement(CharSequence s) {
    char[] chars = new char[s.length()];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = (char) (0xffff - s.charAt(i));
    }
    return new String(chars);
  }
}

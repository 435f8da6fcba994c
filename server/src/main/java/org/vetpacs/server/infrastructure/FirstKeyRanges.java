package org.vetpacs.server.infrastructure;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What a query says about one field, as ranges of encoded index keys: a superset of the keys of the
 * documents the query can match (the whole query is applied to every candidate afterwards).
 *
 * <p>Understood: equality, {@code $eq}, {@code $in}, {@code $gt}/{@code $gte}/{@code $lt}/{@code
 * $lte} on strings and numbers, and regular expressions anchored with {@code ^} that begin with
 * literal text (also with the {@code i} option: every case variant of the first characters),
 * whether on the top level of the query or inside a top-level {@code $and}. Ranges are not
 * bracketed by type, so they hold whatever type order the matcher applies.
 */
final class FirstKeyRanges {

  /** Most case variants of a prefix that an {@code i} regular expression is expanded to. */
  private static final int MAX_VARIANTS = 64;

  private static final Map<Character, String> CASE_VARIANTS = new ConcurrentHashMap<>();

  private FirstKeyRanges() {}

  /**
   * The key ranges for {@code field}: one list per constraint of the query on it, or a single list
   * (their intersection) when {@code intersect}; empty when the query does not constrain it. Each
   * list alone holds every document the query can match. Constraints on an array field may be met
   * by different elements, so the ranges of a multikey index are not intersected (as in MongoDB).
   */
  static List<List<KeyRange>> of(
      Document query, String field, boolean ascending, boolean intersect) {
    List<List<KeyRange>> constraints = new ArrayList<>();
    collect(query, field, ascending, intersect, constraints);
    if (!intersect || constraints.size() < 2) {
      return constraints;
    }
    List<KeyRange> result = constraints.get(0);
    for (int i = 1; i < constraints.size(); i++) {
      result = KeyRange.intersect(result, constraints.get(i));
    }
    return List.of(result);
  }

  private static void collect(
      Document query,
      String field,
      boolean ascending,
      boolean intersect,
      List<List<KeyRange>> out) {
    for (Map.Entry<String, Object> e : query.entrySet()) {
      if (e.getKey().equals("$and") && e.getValue() instanceof Collection<?> parts) {
        for (Object part : parts) {
          if (part instanceof Document d) {
            collect(d, field, ascending, intersect, out);
          }
        }
      } else if (e.getKey().equals(field)) {
        forValue(e.getValue(), ascending, out);
      }
      // anything else ($or, other fields) only narrows the result further: ignoring it keeps a
      // superset
    }
  }

  private static void forValue(Object value, boolean ascending, List<List<KeyRange>> out) {
    List<KeyRange> ranges = null;
    if (value instanceof BsonRegularExpression regex) {
      ranges = forRegex(regex.getPattern(), regex.getOptions(), ascending);
    } else if (value instanceof Document d && d.containsKey("$regex")) {
      Object regex = d.get("$regex");
      String options = d.get("$options") instanceof String o ? o : "";
      if (regex instanceof BsonRegularExpression r) {
        ranges = forRegex(r.getPattern(), options + r.getOptions(), ascending);
      } else if (regex instanceof String p) {
        ranges = forRegex(p, options, ascending);
      }
    } else if (value instanceof Document d) {
      forOperators(d, ascending, out);
    } else if (OrderedKeys.isBound(value)) {
      ranges = List.of(point(value, ascending));
    }
    if (ranges != null) {
      out.add(KeyRange.normalize(ranges));
    }
  }

  private static void forOperators(
      Document operators, boolean ascending, List<List<KeyRange>> out) {
    for (Map.Entry<String, Object> op : operators.entrySet()) {
      Object v = op.getValue();
      List<KeyRange> ranges =
          switch (op.getKey()) {
            case "$eq" -> OrderedKeys.isBound(v) ? List.of(point(v, ascending)) : null;
            case "$in" -> in(v, ascending);
            case "$gt" -> bound(v, true, false, ascending);
            case "$gte" -> bound(v, true, true, ascending);
            case "$lt" -> bound(v, false, false, ascending);
            case "$lte" -> bound(v, false, true, ascending);
            default -> null; // not understood: narrows further, ignored
          };
      if (ranges != null) {
        out.add(KeyRange.normalize(ranges));
      }
    }
  }

  private static List<KeyRange> in(Object values, boolean ascending) {
    if (!(values instanceof Collection<?> list)) {
      return null;
    }
    List<KeyRange> ranges = new ArrayList<>();
    for (Object v : list) {
      if (!OrderedKeys.isBound(v)) {
        return null; // null, arrays, regular expressions in $in: not indexed here
      }
      ranges.add(point(v, ascending));
    }
    return ranges;
  }

  private static KeyRange point(Object value, boolean ascending) {
    return KeyRange.prefix(OrderedKeys.component(value, ascending));
  }

  /** A lower ({@code lower}) or upper bound on the value, as a key range. */
  private static List<KeyRange> bound(
      Object value, boolean lower, boolean inclusive, boolean ascending) {
    if (!OrderedKeys.isBound(value)) {
      return null;
    }
    String c = OrderedKeys.component(value, ascending);
    String after = OrderedKeys.successor(c);
    // in a descending key a lower bound on the value is an upper bound on the key
    if (lower == ascending) {
      String from = inclusive ? c : after;
      return from == null ? List.of() : List.of(new KeyRange(from, null));
    }
    return List.of(new KeyRange("", inclusive ? after : c));
  }

  private static List<KeyRange> forRegex(String pattern, String options, boolean ascending) {
    if (options.contains("m") || options.contains("x") || !pattern.startsWith("^")) {
      return null;
    }
    if (pattern.indexOf('|') >= 0) {
      return null; // an alternative may not be anchored
    }
    String prefix = literalPrefix(pattern);
    if (prefix.isEmpty()) {
      return null;
    }
    if (!options.contains("i")) {
      return List.of(KeyRange.prefix(OrderedKeys.stringPrefix(prefix, ascending)));
    }
    List<String> variants = List.of("");
    for (int i = 0; i < prefix.length(); i++) {
      String chars = caseVariants(prefix.charAt(i));
      if (variants.size() * chars.length() > MAX_VARIANTS) {
        break;
      }
      List<String> longer = new ArrayList<>();
      for (String v : variants) {
        for (char c : chars.toCharArray()) {
          longer.add(v + c);
        }
      }
      variants = longer;
    }
    if (variants.get(0).isEmpty()) {
      return null;
    }
    List<KeyRange> ranges = new ArrayList<>();
    for (String v : variants) {
      ranges.add(KeyRange.prefix(OrderedKeys.stringPrefix(v, ascending)));
    }
    return ranges;
  }

  /**
   * The literal text every match begins with, after the anchor: {@code \Q...\E} quotes, escaped
   * punctuation and plain letters and digits, up to the first other construct; a character made
   * optional by a following quantifier is left out.
   */
  static String literalPrefix(String pattern) {
    StringBuilder prefix = new StringBuilder();
    int i = 1;
    while (i < pattern.length()) {
      if (pattern.startsWith("\\Q", i)) {
        int end = pattern.indexOf("\\E", i + 2);
        prefix.append(end < 0 ? pattern.substring(i + 2) : pattern.substring(i + 2, end));
        if (end < 0) {
          return prefix.toString();
        }
        i = end + 2;
      } else {
        char c = pattern.charAt(i);
        if (c == '\\' && i + 1 < pattern.length() && isEscapedLiteral(pattern.charAt(i + 1))) {
          prefix.append(pattern.charAt(i + 1));
          i += 2;
        } else if (Character.isLetterOrDigit(c) && !Character.isSurrogate(c)
            || c == ' '
            || c == '_'
            || c == '-'
            || c == ','
            || c == ':'
            || c == '/'
            || c == '='
            || c == '@') {
          prefix.append(c);
          i++;
        } else {
          return prefix.toString(); // any other construct ends the literal text
        }
      }
      if (i < pattern.length() && "*?{".indexOf(pattern.charAt(i)) >= 0 && prefix.length() > 0) {
        prefix.setLength(prefix.length() - 1); // the last character is optional
        return prefix.toString();
      }
      if (i < pattern.length() && pattern.charAt(i) == '+') {
        return prefix.toString();
      }
    }
    return prefix.toString();
  }

  private static boolean isEscapedLiteral(char c) {
    return "\\.^$|?*+()[]{}/-".indexOf(c) >= 0;
  }

  /** Every character that matches {@code c} without regard to case (Unicode case rules). */
  private static String caseVariants(char c) {
    return CASE_VARIANTS.computeIfAbsent(
        c,
        ch -> {
          Pattern p =
              Pattern.compile(
                  Pattern.quote(String.valueOf(ch)),
                  Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
          StringBuilder out = new StringBuilder();
          for (int x = 0; x <= 0xffff; x++) {
            if (!Character.isSurrogate((char) x) && p.matcher(String.valueOf((char) x)).matches()) {
              out.append((char) x);
            }
          }
          return out.toString();
        });
  }
}

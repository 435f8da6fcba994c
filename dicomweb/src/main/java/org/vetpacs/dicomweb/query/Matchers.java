package org.vetpacs.dicomweb.query;

import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.conversions.Bson;

/** PS3.4 C.2.2.2 matching of one key, as a MongoDB filter on the key's index field. */
final class Matchers {

  private Matchers() {}

  /** The filter for {@code value} on {@code key}, or null for universal matching. */
  static Bson filter(QueryKey key, String value, boolean fuzzy) {
    if (value == null || value.isEmpty() || value.equals("*")) {
      return null; // C.2.2.2.3 universal matching
    }
    String field = key.field();
    return switch (key.matching()) {
      case UID -> {
        List<String> uids =
            Arrays.stream(value.split("[,\\\\]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        yield uids.size() == 1 ? Filters.eq(field, uids.get(0)) : Filters.in(field, uids);
      }
      case TEXT -> text(field, value, false);
      case TEXT_IGNORE_CASE -> text(field, value, true);
      case ANY_VALUE -> anyOf(field, value);
      case PERSON_NAME -> personName(value, fuzzy);
      case DATE -> range(field, value, false);
      case TIME -> range(field, value.replace(":", ""), true);
      case NUMBER -> number(field, value);
    };
  }

  private static Bson anyOf(String field, String value) {
    List<String> values = Arrays.stream(value.split("[,\\\\]")).map(String::trim).toList();
    return values.size() == 1 ? text(field, values.get(0), false) : Filters.in(field, values);
  }

  private static Bson number(String field, String value) {
    try {
      return Filters.eq(field, Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      throw new QueryException("Not an integer (IS) value: " + value);
    }
  }

  /**
   * Person names: without regard to case and accents (PS3.4 C.2.2.2.1 allows it for PN). With
   * fuzzy matching, every word of the value must begin a word of the name, in any order, so
   * {@code bailey}, {@code Smith Bailey} and {@code BAI^SMI} all find {@code BAILEY^SMITH}.
   */
  private static Bson personName(String value, boolean fuzzy) {
    if (fuzzy) {
      List<Bson> words = new ArrayList<>();
      for (String token : NameNormalizer.tokens(value.replace("*", " ").replace("?", " "))) {
        words.add(Filters.regex("patientNameTokens", "^" + Pattern.quote(token)));
      }
      return words.isEmpty() ? null : Filters.and(words);
    }
    return text("patientNameKey", NameNormalizer.key(value), false);
  }

  private static Bson text(String field, String value, boolean ignoreCase) {
    boolean wildcard = value.indexOf('*') >= 0 || value.indexOf('?') >= 0;
    if (!wildcard && !ignoreCase) {
      return Filters.eq(field, value);
    }
    StringBuilder regex = new StringBuilder("^");
    StringBuilder literal = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    regex.append('$');
    return ignoreCase ? Filters.regex(field, regex.toString(), "i") : Filters.regex(field, regex.toString());
  }

  /** Single value or range {@code a-b}, {@code -b}, {@code a-} (C.2.2.2.5). */
  private static Bson range(String field, String value, boolean time) {
    String format = time ? "\\d{2,6}(\\.\\d{1,6})?" : "\\d{8}";
    String description = time ? "HHMMSS (PS3.5 TM)" : "YYYYMMDD (PS3.5 DA)";
    String[] parts = value.split("-", -1);
    if (parts.length == 1) {
      return Filters.eq(field, require(parts[0], format, description));
    }
    if (parts.length != 2 || (parts[0].isEmpty() && parts[1].isEmpty())) {
      throw new QueryException("Malformed range: " + value);
    }
    List<Bson> bounds = new ArrayList<>();
    if (!parts[0].isEmpty()) {
      bounds.add(Filters.gte(field, require(parts[0], format, description)));
    }
    if (!parts[1].isEmpty()) {
      // an upper time bound includes the whole unit it names (C.2.2.2.5: 1200 includes 1200xx)
      String upper = require(parts[1], format, description);
      bounds.add(Filters.lte(field, time ? upper + "\uffff" : upper));
    }
    return bounds.size() == 1 ? bounds.get(0) : Filters.and(bounds);
  }

  private static String require(String value, String format, String description) {
    if (!value.matches(format)) {
      throw new QueryException("Values must be " + description + ": " + value);
    }
    return value;
  }
}

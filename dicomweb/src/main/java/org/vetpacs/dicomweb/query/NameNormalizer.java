package org.vetpacs.dicomweb.query;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The normalized forms of a person name (PN) used for matching: upper case without accents, so
 * that {@code Bailey^Smith}, {@code BAILEY^SMITH} and {@code BAÏLEY^SMITH} match alike, and the
 * name's words for fuzzy matching. PS3.4 C.2.2.2.1 allows PN matching insensitive to case and
 * accents.
 */
public final class NameNormalizer {

  private NameNormalizer() {}

  /** Upper case, accents removed, component groups kept. */
  public static String key(String name) {
    if (name == null) {
      return "";
    }
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
    return decomposed.replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT).trim();
  }

  /** The words of a name (split on component and group delimiters, spaces and commas). */
  public static List<String> tokens(String name) {
    List<String> tokens = new ArrayList<>();
    for (String token : key(name).split("[\\^=\\s,()]+")) {
      if (!token.isEmpty()) {
        tokens.add(token);
      }
    }
    return tokens;
  }
}

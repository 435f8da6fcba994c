package org.vetpacs.fhir.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.vetpacs.model.identity.ClinicName;

/**
 * The search keys a resource is indexed under, as strings {@code param=value} in one array field,
 * so that one MongoDB multikey index serves every token, reference and string parameter:
 *
 * <ul>
 *   <li>token: {@code p=system|code}, {@code p:code=code} (any system), {@code p:system=system};
 *   <li>reference: {@code p=Type/id} (relative, without version);
 *   <li>string: {@code p=FOLDED TEXT} for each part and for the whole (prefix-matched: FHIR
 *       string search is "starts with", case- and accent-insensitive).
 * </ul>
 *
 * Dates are kept apart, as fixed-width UTC instants ({@link #instant}) that sort as text.
 */
public final class SearchKeys {

  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Set<String> keys = new LinkedHashSet<>();

  /**
   * The keys collected.
   *
   * @return the keys
   */
  public Set<String> keys() {
    return keys;
  }

  /**
   * Adds a token.
   *
   * @param param the parameter
   * @param system the system or {@code null}
   * @param code the code or value; nothing is added when blank
   * @return this
   */
  public SearchKeys token(String param, String system, String code) {
    if (code == null || code.isBlank()) {
      return this;
    }
    keys.add(tokenKey(param, system, code));
    keys.add(param + ":code=" + code);
    if (system != null && !system.isBlank()) {
      keys.add(param + ":system=" + system);
    }
    return this;
  }

  /**
   * Adds an identifier as a token.
   *
   * @param param the parameter
   * @param identifier the identifier
   * @return this
   */
  public SearchKeys identifier(String param, Identifier identifier) {
    return token(param, identifier.getSystem(), identifier.getValue());
  }

  /**
   * Adds every coding of a concept.
   *
   * @param param the parameter
   * @param concept the concept, may be {@code null}
   * @return this
   */
  public SearchKeys concept(String param, CodeableConcept concept) {
    if (concept != null) {
      for (Coding c : concept.getCoding()) {
        token(param, c.getSystem(), c.getCode());
      }
    }
    return this;
  }

  /**
   * Adds a reference.
   *
   * @param param the parameter
   * @param reference the reference, may be {@code null} or logical (then nothing is added)
   * @return this
   */
  public SearchKeys reference(String param, Reference reference) {
    if (reference != null && reference.hasReference()) {
      String r = relative(reference.getReference());
      if (r != null) {
        keys.add(param + "=" + r);
      }
    }
    return this;
  }

  /**
   * Adds a string, whole and word by word.
   *
   * @param param the parameter
   * @param text the text, may be {@code null}
   * @return this
   */
  public SearchKeys string(String param, String text) {
    String folded = ClinicName.fold(text);
    if (!folded.isEmpty()) {
      keys.add(param + "=" + folded);
      for (String word : folded.split(" ")) {
        keys.add(param + "=" + word);
      }
    }
    return this;
  }

  /**
   * The key of a token.
   *
   * @param param the parameter
   * @param system the system, {@code null} or empty for none
   * @param code the code
   * @return {@code param=system|code}
   */
  public static String tokenKey(String param, String system, String code) {
    return param + "=" + (system == null ? "" : system) + "|" + code;
  }

  /**
   * A reference as {@code Type/id}: absolute URLs and versions are cut, {@code #contained} and
   * URNs give {@code null}.
   *
   * @param reference the reference text
   * @return the relative reference or {@code null}
   */
  public static String relative(String reference) {
    if (reference == null || reference.startsWith("#") || reference.startsWith("urn:")) {
      return null;
    }
    String r = reference;
    int history = r.indexOf("/_history/");
    if (history >= 0) {
      r = r.substring(0, history);
    }
    String[] parts = r.split("/");
    if (parts.length < 2) {
      return null;
    }
    return parts[parts.length - 2] + "/" + parts[parts.length - 1];
  }

  /**
   * A date as fixed-width UTC text.
   *
   * @param date the date or {@code null}
   * @return the text or {@code null}
   */
  public static String instant(Date date) {
    return date == null ? null : INSTANT.format(date.toInstant());
  }

  /**
   * An instant as fixed-width UTC text.
   *
   * @param instant the instant
   * @return the text
   */
  public static String instant(Instant instant) {
    return INSTANT.format(instant);
  }
}

package org.vetpacs.dicomweb.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vetpacs.dicomweb.dicom.Keywords;

/**
 * One query, from either face: QIDO-RS ({@link #fromQido}) or C-FIND ({@link #of}).
 *
 * @param level what is searched for
 * @param matches matching keys: tag to the DICOM matching value (empty = universal matching,
 *     which only asks for the attribute to be returned)
 * @param include extra attributes to return (tags)
 * @param includeAll {@code includefield=all}
 * @param fuzzy fuzzy matching of person names (PS3.18 8.3.4.6)
 * @param offset results to skip
 * @param limit most results to return
 * @param retrieveRoot the DICOMweb root for RetrieveURL attributes, or null to leave them out
 * @param ignoredKeys valid keywords the archive cannot match on (reported in a Warning)
 */
public record QueryRequest(
    QueryLevel level,
    Map<Integer, String> matches,
    Set<Integer> include,
    boolean includeAll,
    boolean fuzzy,
    int offset,
    int limit,
    String retrieveRoot,
    List<String> ignoredKeys) {

  /** Most results one QIDO-RS query returns. */
  public static final int MAX_LIMIT = 1000;

  /**
   * A query given by DICOM keywords, as a C-FIND SCP builds it from an identifier.
   *
   * @param matchKeys keyword to matching value ("" = return only)
   * @param returnKeys further keywords to return
   */
  public static QueryRequest of(
      QueryLevel level,
      Map<String, String> matchKeys,
      Set<String> returnKeys,
      boolean fuzzy,
      int offset,
      int limit) {
    Map<Integer, String> matches = new LinkedHashMap<>();
    List<String> ignored = new ArrayList<>();
    for (Map.Entry<String, String> key : matchKeys.entrySet()) {
      Integer tag = Keywords.tagOf(key.getKey());
      if (tag == null) {
        throw new QueryException("Unknown attribute: " + key.getKey());
      }
      matches.put(tag, key.getValue() == null ? "" : key.getValue());
    }
    Set<Integer> include = new LinkedHashSet<>();
    for (String keyword : returnKeys) {
      Integer tag = Keywords.tagOf(keyword);
      if (tag == null) {
        throw new QueryException("Unknown attribute: " + keyword);
      }
      include.add(tag);
    }
    return new QueryRequest(level, matches, include, false, fuzzy, offset, limit, null, ignored);
  }

  /**
   * Parses QIDO-RS query parameters (PS3.18 8.3.4, 10.6.1.2).
   *
   * @param studyUid the study in the path, or null
   * @param seriesUid the series in the path, or null
   * @throws QueryException for an unknown attribute or a malformed value (answered with 400)
   */
  public static QueryRequest fromQido(
      QueryLevel level,
      Map<String, List<String>> parameters,
      String studyUid,
      String seriesUid,
      String retrieveRoot) {
    Map<Integer, String> matches = new LinkedHashMap<>();
    Set<Integer> include = new LinkedHashSet<>();
    List<String> ignored = new ArrayList<>();
    boolean includeAll = false;
    boolean fuzzy = false;
    int offset = 0;
    int limit = MAX_LIMIT;
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      String name = parameter.getKey();
      for (String raw : parameter.getValue()) {
        String value = raw == null ? "" : raw;
        switch (name) {
          case "limit" -> {
            limit = nonNegative(name, value);
            if (limit == 0 || limit > MAX_LIMIT) {
              limit = MAX_LIMIT;
            }
          }
          case "offset" -> offset = nonNegative(name, value);
          case "fuzzymatching" -> fuzzy = bool(name, value);
          case "includefield" -> {
            for (String field : value.split(",")) {
              String f = field.trim();
              if (f.isEmpty()) {
                continue;
              }
              if (f.equals("all")) {
                includeAll = true;
              } else {
                include.add(requireTag(f, "includefield"));
              }
            }
          }
          default -> {
            // PS3.18 8.3.4.1: {attributeID}={value}; a sequence path (a.b) is not supported
            int tag = requireTag(name, "query key");
            QueryKey key = QueryKeys.byTag(tag);
            if (key == null) {
              ignored.add(name);
              include.add(tag);
            } else {
              matches.put(tag, value);
            }
          }
        }
      }
    }
    if (studyUid != null) {
      matches.put(0x0020000D, studyUid);
    }
    if (seriesUid != null) {
      matches.put(0x0020000E, seriesUid);
    }
    return new QueryRequest(
        level, matches, include, includeAll, fuzzy, offset, limit, retrieveRoot, ignored);
  }

  private static int requireTag(String keywordOrTag, String what) {
    Integer tag = Keywords.tagOf(keywordOrTag);
    if (tag == null) {
      throw new QueryException("Unknown attribute in " + what + ": " + keywordOrTag);
    }
    return tag;
  }

  private static int nonNegative(String name, String value) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new QueryException(name + " must be a non-negative integer: " + value);
    }
  }

  private static boolean bool(String name, String value) {
    if (value.equals("true")) {
      return true;
    }
    if (value.equals("false")) {
      return false;
    }
    throw new QueryException(name + " must be true or false: " + value);
  }
}

package org.vetpacs.dicomweb.query;

import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.conversions.Bson;

/**
 * A study-level query (QIDO-RS {@code /studies}, PS3.18 10.6; matching rules of PS3.4 C.2.2.2),
 * turned into a MongoDB filter on the {@code studies} collection.
 *
 * <p>Matching supported: single value; wildcard {@code *} and {@code ?} (PS3.4 C.2.2.2.4); UID list
 * (comma or backslash separated, C.2.2.2.2); date range {@code a-b}, {@code -b}, {@code a-}
 * (C.2.2.2.5). Patient's Name (PN) is matched without regard to case, which PS3.4 C.2.2.2.1
 * allows for PN. An empty value matches everything (universal matching, C.2.2.2.3).
 */
public final class StudyQuery {

  /** Query keys accepted at study level, by keyword and by tag, mapped to index fields. */
  private static final Map<String, String> KEYS =
      Map.ofEntries(
          Map.entry("StudyInstanceUID", "_id"),
          Map.entry("0020000D", "_id"),
          Map.entry("PatientName", "patientNameKey"),
          Map.entry("00100010", "patientNameKey"),
          Map.entry("PatientID", "patientId"),
          Map.entry("00100020", "patientId"),
          Map.entry("AccessionNumber", "accessionNumber"),
          Map.entry("00080050", "accessionNumber"),
          Map.entry("StudyDate", "studyDate"),
          Map.entry("00080020", "studyDate"),
          Map.entry("StudyID", "studyId"),
          Map.entry("00200010", "studyId"),
          Map.entry("ModalitiesInStudy", "modalitiesInStudy"),
          Map.entry("00080061", "modalitiesInStudy"),
          Map.entry("PatientSpeciesDescription", "patientSpeciesDescription"),
          Map.entry("00102201", "patientSpeciesDescription"),
          Map.entry("PatientBreedDescription", "patientBreedDescription"),
          Map.entry("00102292", "patientBreedDescription"),
          Map.entry("ResponsiblePerson", "responsiblePerson"),
          Map.entry("00102297", "responsiblePerson"));

  /** Study-level attributes that may be named in {@code includefield} (PS3.18 10.6.1.2.2). */
  private static final List<String> INCLUDABLE =
      List.of(
          "StudyDescription", "00081030", "PatientBirthDate", "00100030", "PatientSex", "00100040",
          "StudyTime", "00080030", "ReferringPhysicianName", "00080090",
          "ResponsibleOrganization", "00102299", "NumberOfStudyRelatedSeries", "00201206",
          "NumberOfStudyRelatedInstances", "00201208");

  /** Most results one query returns when the client does not ask for fewer. */
  public static final int MAX_LIMIT = 1000;

  private final List<Bson> filters = new ArrayList<>();
  private int limit = MAX_LIMIT;
  private int offset = 0;
  private boolean limited;

  private StudyQuery() {}

  /**
   * Parses QIDO-RS query parameters.
   *
   * @throws QueryException for an unknown key or a malformed value (answered with 400)
   */
  public static StudyQuery parse(Map<String, List<String>> parameters) {
    StudyQuery query = new StudyQuery();
    for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
      String name = entry.getKey();
      for (String value : entry.getValue()) {
        query.add(name, value == null ? "" : value);
      }
    }
    return query;
  }

  private void add(String name, String value) {
    switch (name) {
      case "limit" -> {
        limit = parseNonNegative(name, value);
        limited = true;
        if (limit == 0 || limit > MAX_LIMIT) {
          limit = MAX_LIMIT;
        }
      }
      case "offset" -> offset = parseNonNegative(name, value);
      case "fuzzymatching" -> {
        if (!value.equals("true") && !value.equals("false")) {
          throw new QueryException("fuzzymatching must be true or false");
        }
      }
      case "includefield" -> {
        for (String field : value.split(",")) {
          String f = field.trim();
          if (!f.equals("all") && !KEYS.containsKey(f) && !INCLUDABLE.contains(f)) {
            throw new QueryException("Unknown attribute in includefield: " + f);
          }
        }
      }
      default -> addMatch(name, value);
    }
  }

  private void addMatch(String key, String value) {
    String field = KEYS.get(key);
    if (field == null) {
      throw new QueryException("Unknown or unsupported query key at study level: " + key);
    }
    if (value.isEmpty() || value.equals("*")) {
      return; // universal matching
    }
    switch (field) {
      case "_id" -> {
        List<String> uids = Arrays.stream(value.split("[,\\\\]")).map(String::trim).toList();
        filters.add(uids.size() == 1 ? Filters.eq(field, uids.get(0)) : Filters.in(field, uids));
      }
      case "studyDate" -> filters.add(dateRange(field, value));
      case "patientNameKey" -> filters.add(textMatch(field, value.toUpperCase(Locale.ROOT), false));
      case "patientSpeciesDescription", "patientBreedDescription", "responsiblePerson" ->
          filters.add(textMatch(field, value, true));
      default -> filters.add(textMatch(field, value, false));
    }
  }

  private static Bson textMatch(String field, String value, boolean ignoreCase) {
    if (value.indexOf('*') < 0 && value.indexOf('?') < 0 && !ignoreCase) {
      return Filters.eq(field, value);
    }
    StringBuilder regex = new StringBuilder("^");
    for (char c : value.toCharArray()) {
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    regex.append('$');
    return ignoreCase
        ? Filters.regex(field, regex.toString(), "i")
        : Filters.regex(field, regex.toString());
  }

  private static Bson dateRange(String field, String value) {
    String[] parts = value.split("-", -1);
    if (parts.length == 1) {
      return Filters.eq(field, requireDate(parts[0]));
    }
    if (parts.length != 2 || (parts[0].isEmpty() && parts[1].isEmpty())) {
      throw new QueryException("Malformed date range: " + value);
    }
    List<Bson> bounds = new ArrayList<>();
    if (!parts[0].isEmpty()) {
      bounds.add(Filters.gte(field, requireDate(parts[0])));
    }
    if (!parts[1].isEmpty()) {
      bounds.add(Filters.lte(field, requireDate(parts[1])));
    }
    return bounds.size() == 1 ? bounds.get(0) : Filters.and(bounds);
  }

  private static String requireDate(String value) {
    if (!value.matches("\\d{8}")) {
      throw new QueryException("Dates must be YYYYMMDD (PS3.5 DA): " + value);
    }
    return value;
  }

  private static int parseNonNegative(String name, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new QueryException(name + " must be a non-negative integer: " + value);
    }
  }

  /** The MongoDB filter for the {@code studies} collection. */
  public Bson filter() {
    return filters.isEmpty() ? Filters.empty() : Filters.and(filters);
  }

  public int limit() {
    return limit;
  }

  public int offset() {
    return offset;
  }

  /** Whether the client set {@code limit} itself. */
  public boolean limited() {
    return limited;
  }
}

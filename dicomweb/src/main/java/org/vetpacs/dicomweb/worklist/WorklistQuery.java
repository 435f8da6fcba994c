package org.vetpacs.dicomweb.worklist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The matching keys of one Modality Worklist query (PS3.4 K.6.1.2, the matching keys of Table
 * K.6-1) and the matching rules of PS3.4 C.2.2.2, as a predicate on {@link WorklistItem}.
 *
 * <p>Keys are DICOM keywords (or the tag as 8 hex digits), the attributes of Scheduled Procedure
 * Step Sequence (0040,0100) flattened to the top level. Rules:
 *
 * <ul>
 *   <li>an empty value, or {@code *} alone, matches everything (universal matching, C.2.2.2.3);
 *   <li>a value with {@code *} or {@code ?} is a wildcard match (C.2.2.2.4); otherwise single value
 *       matching (C.2.2.2.1), case-sensitive except for PN keys, which ignore case as C.2.2.2.1
 *       allows, and the species and breed descriptions, which ignore case as QIDO-RS does here;
 *   <li>Study Instance UID takes a list of UIDs separated by backslashes (C.2.2.2.2);
 *   <li>Scheduled Procedure Step Start Date takes a date or a range {@code a-b}, {@code -b}, {@code
 *       a-}; Start Time likewise, with partial times ({@code HH}, {@code HHMM}) covering their
 *       whole hour or minute (C.2.2.2.5). Date and time are matched independently: combined
 *       date-time matching needs extended negotiation, which is not offered;
 *   <li>without a Scheduled Procedure Step Status key, or with an empty one, only steps waiting to
 *       be done match ({@link ProcedureStepStatus#WAITING}): a modality's worklist never shows
 *       completed or discontinued steps unless it asks for them. {@code *} asks for all.
 * </ul>
 *
 * <p>Keys this archive does not match on are ignored: a C-FIND identifier carries every return key,
 * usually empty, and an SCP treats an unsupported matching key as a return key. {@link
 * #isMatchingKey} tells callers that want to refuse them (the HTTP face does).
 *
 * <p>{@link #indexConditions()} gives the exact-value, list and range conditions in a form a
 * repository can push to the database; they select a superset of the matches, and {@link #matches}
 * remains the one definition of the rules.
 */
public final class WorklistQuery {

  /** How the value of a key is matched. */
  private enum Kind {
    /** Case-sensitive single value or wildcard (AE, CS, LO, SH). */
    TEXT,
    /** Case-insensitive single value or wildcard (PN; species and breed descriptions). */
    TEXT_IGNORE_CASE,
    /** List of UIDs. */
    UID,
    /** Date or date range. */
    DATE,
    /** Time or time range. */
    TIME,
    /** Scheduled Procedure Step Status: text matching, and the default of waiting steps. */
    STATUS
  }

  /** A supported matching key: keyword, tag, entity field and how it matches. */
  private enum Key {
    PATIENT_NAME(
        "PatientName",
        "00100010",
        "patientName",
        Kind.TEXT_IGNORE_CASE,
        WorklistItem::getPatientName),
    PATIENT_ID("PatientID", "00100020", "patientId", Kind.TEXT, WorklistItem::getPatientId),
    ACCESSION_NUMBER(
        "AccessionNumber",
        "00080050",
        "accessionNumber",
        Kind.TEXT,
        WorklistItem::getAccessionNumber),
    REFERRING_PHYSICIAN(
        "ReferringPhysicianName",
        "00080090",
        "referringPhysicianName",
        Kind.TEXT_IGNORE_CASE,
        WorklistItem::getReferringPhysicianName),
    STUDY_INSTANCE_UID(
        "StudyInstanceUID",
        "0020000D",
        "studyInstanceUid",
        Kind.UID,
        WorklistItem::getStudyInstanceUid),
    REQUESTED_PROCEDURE_ID(
        "RequestedProcedureID",
        "00401001",
        "requestedProcedureId",
        Kind.TEXT,
        WorklistItem::getRequestedProcedureId),
    MODALITY("Modality", "00080060", "modality", Kind.TEXT, WorklistItem::getModality),
    STATION_AE(
        "ScheduledStationAETitle",
        "00400001",
        "scheduledStationAeTitle",
        Kind.TEXT,
        WorklistItem::getScheduledStationAeTitle),
    START_DATE(
        "ScheduledProcedureStepStartDate",
        "00400002",
        "scheduledProcedureStepStartDate",
        Kind.DATE,
        WorklistItem::getScheduledProcedureStepStartDate),
    START_TIME(
        "ScheduledProcedureStepStartTime",
        "00400003",
        "scheduledProcedureStepStartTime",
        Kind.TIME,
        WorklistItem::getScheduledProcedureStepStartTime),
    PERFORMING_PHYSICIAN(
        "ScheduledPerformingPhysicianName",
        "00400006",
        "scheduledPerformingPhysicianName",
        Kind.TEXT_IGNORE_CASE,
        WorklistItem::getScheduledPerformingPhysicianName),
    STEP_ID(
        "ScheduledProcedureStepID",
        "00400009",
        "scheduledProcedureStepId",
        Kind.TEXT,
        WorklistItem::getScheduledProcedureStepId),
    STATUS(
        "ScheduledProcedureStepStatus",
        "00400020",
        "scheduledProcedureStepStatus",
        Kind.STATUS,
        WorklistItem::getScheduledProcedureStepStatus),
    SPECIES(
        "PatientSpeciesDescription",
        "00102201",
        "patientSpeciesDescription",
        Kind.TEXT_IGNORE_CASE,
        WorklistItem::getPatientSpeciesDescription),
    BREED(
        "PatientBreedDescription",
        "00102292",
        "patientBreedDescription",
        Kind.TEXT_IGNORE_CASE,
        WorklistItem::getPatientBreedDescription),
    RESPONSIBLE_PERSON(
        "ResponsiblePerson",
        "00102297",
        "responsiblePerson",
        Kind.TEXT_IGNORE_CASE,
        WorklistItem::getResponsiblePerson);

    final String keyword;
    final String tag;
    final String field;
    final Kind kind;
    final Function<WorklistItem, String> value;

    Key(String keyword, String tag, String field, Kind kind, Function<WorklistItem, String> value) {
      this.keyword = keyword;
      this.tag = tag;
      this.field = field;
      this.kind = kind;
      this.value = value;
    }
  }

  private static final Map<String, Key> BY_NAME = new HashMap<>();

  static {
    for (Key key : Key.values()) {
      BY_NAME.put(key.keyword, key);
      BY_NAME.put(key.tag, key);
    }
  }

  /** A condition on one stored field a database can evaluate; see {@link #indexConditions()}. */
  public sealed interface IndexCondition permits Equals, OneOf, Between {
    /** The entity field (MongoDB document field) the condition is on. */
    String field();
  }

  /** The field equals the value. */
  public record Equals(String field, String value) implements IndexCondition {}

  /** The field equals one of the values. */
  public record OneOf(String field, List<String> values) implements IndexCondition {}

  /** {@code from <= field <= to} in string order; a {@code null} bound is open. */
  public record Between(String field, String from, String to) implements IndexCondition {}

  private final List<Predicate<WorklistItem>> predicates = new ArrayList<>();
  private final List<IndexCondition> conditions = new ArrayList<>();

  private WorklistQuery() {}

  /** The keywords of the supported matching keys, in Table K.6-1 order. */
  public static Set<String> matchingKeywords() {
    Set<String> keywords = new LinkedHashSet<>();
    for (Key key : Key.values()) {
      keywords.add(key.keyword);
    }
    return Collections.unmodifiableSet(keywords);
  }

  /** Whether {@code keywordOrTag} is a supported matching key (keyword, or tag as 8 hex digits). */
  public static boolean isMatchingKey(String keywordOrTag) {
    return keywordOrTag != null && BY_NAME.containsKey(normalizeName(keywordOrTag));
  }

  /**
   * Parses matching keys.
   *
   * @param matchKeys values by keyword or tag; unsupported keys are ignored (see class comment)
   * @throws WorklistException of kind INVALID for a malformed value (a bad date or range, a
   *     wildcard in a UID or date, several values where one is expected)
   */
  public static WorklistQuery parse(Map<String, String> matchKeys) {
    WorklistQuery query = new WorklistQuery();
    boolean statusAsked = false;
    for (Map.Entry<String, String> entry : matchKeys.entrySet()) {
      Key key = entry.getKey() == null ? null : BY_NAME.get(normalizeName(entry.getKey()));
      if (key == null) {
        continue;
      }
      String value = entry.getValue() == null ? "" : entry.getValue().strip();
      if (key.kind == Kind.STATUS && !value.isEmpty()) {
        statusAsked = true;
      }
      query.add(key, value);
    }
    if (!statusAsked) {
      List<String> waiting = ProcedureStepStatus.WAITING.stream().map(Enum::name).toList();
      query.predicates.add(item -> waiting.contains(item.getScheduledProcedureStepStatus()));
      query.conditions.add(new OneOf(Key.STATUS.field, waiting));
    }
    return query;
  }

  /** Whether the item matches every key of the query. */
  public boolean matches(WorklistItem item) {
    for (Predicate<WorklistItem> p : predicates) {
      if (!p.test(item)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Conditions that every matching item satisfies, for the database to narrow the candidates with
   * its indexes. Wildcard and case-insensitive keys are left to {@link #matches}.
   */
  public List<IndexCondition> indexConditions() {
    return Collections.unmodifiableList(conditions);
  }

  private void add(Key key, String value) {
    if (value.isEmpty() || value.equals("*")) {
      return; // universal matching, PS3.4 C.2.2.2.3
    }
    switch (key.kind) {
      case UID -> addUidList(key, value);
      case DATE -> addRange(key, dateRange(key, value));
      case TIME -> addRange(key, timeRange(key, value));
      case TEXT ->
          addText(key, key == Key.MODALITY ? value.toUpperCase(Locale.ROOT) : value, false);
      case STATUS -> {
        // CS values are upper case; a status that is not a wildcard must be one this archive knows
        String status = value.toUpperCase(Locale.ROOT);
        if (status.indexOf('*') < 0 && status.indexOf('?') < 0) {
          ProcedureStepStatus.parse(status);
        }
        addText(key, status, false);
      }
      case TEXT_IGNORE_CASE -> addText(key, value, true);
      default -> throw new IllegalStateException(key.kind.toString());
    }
  }

  private void addText(Key key, String value, boolean ignoreCase) {
    if (value.indexOf('\\') >= 0) {
      throw WorklistException.invalid(
          key.keyword + " takes a single value: a backslash separates values (PS3.5 6.4)");
    }
    boolean wildcard = value.indexOf('*') >= 0 || value.indexOf('?') >= 0;
    if (wildcard) {
      Pattern pattern = wildcardPattern(value, ignoreCase);
      predicates.add(
          item -> {
            String stored = key.value.apply(item);
            return stored != null && pattern.matcher(stored).matches();
          });
    } else if (ignoreCase) {
      predicates.add(item -> value.equalsIgnoreCase(key.value.apply(item)));
    } else {
      predicates.add(item -> value.equals(key.value.apply(item)));
      conditions.add(new Equals(key.field, value));
    }
  }

  private void addUidList(Key key, String value) {
    List<String> uids = Arrays.stream(value.split("\\\\")).map(String::strip).toList();
    for (String uid : uids) {
      if (!DicomValues.isUid(uid)) {
        throw WorklistException.invalid(
            key.keyword
                + " must be a UID or a backslash-separated list of UIDs (PS3.4 C.2.2.2.2): "
                + value);
      }
    }
    predicates.add(item -> uids.contains(key.value.apply(item)));
    conditions.add(
        uids.size() == 1 ? new Equals(key.field, uids.get(0)) : new OneOf(key.field, uids));
  }

  private void addRange(Key key, String[] range) {
    String from = range[0];
    String to = range[1];
    predicates.add(
        item -> {
          String stored = key.value.apply(item);
          return stored != null
              && !stored.isEmpty()
              && (from == null || stored.compareTo(from) >= 0)
              && (to == null || stored.compareTo(to) <= 0);
        });
    conditions.add(new Between(key.field, from, to));
  }

  /** {from, to} of a DA value or range; a bound is {@code null} when open. */
  private static String[] dateRange(Key key, String value) {
    String[] parts = splitRange(key, value);
    for (String part : parts) {
      if (part != null && !DicomValues.isDate(part)) {
        throw WorklistException.invalid(
            key.keyword + " must be YYYYMMDD or a range a-b, -b, a- (PS3.4 C.2.2.2.5): " + value);
      }
    }
    if (parts.length == 1) {
      return new String[] {parts[0], parts[0]};
    }
    return checkOrder(key, value, parts[0], parts[1]);
  }

  /**
   * {from, to} of a TM value or range, as HHMMSS. A partial time covers its whole hour or minute,
   * and a fraction of a second is dropped (times are stored to the second).
   */
  private static String[] timeRange(Key key, String value) {
    String[] parts = splitRange(key, value);
    for (String part : parts) {
      if (part != null
          && !part.matches("([01][0-9]|2[0-3])([0-5][0-9]([0-5][0-9](\\.[0-9]{1,6})?)?)?")) {
        throw WorklistException.invalid(
            key.keyword
                + " must be HH, HHMM or HHMMSS, or a range a-b, -b, a- (PS3.4 C.2.2.2.5): "
                + value);
      }
    }
    if (parts.length == 1) {
      return new String[] {lowerTime(parts[0]), upperTime(parts[0])};
    }
    return checkOrder(
        key,
        value,
        parts[0] == null ? null : lowerTime(parts[0]),
        parts[1] == null ? null : upperTime(parts[1]));
  }

  private static String lowerTime(String t) {
    String s = t.length() > 6 ? t.substring(0, 6) : t;
    return (s + "000000").substring(0, 6);
  }

  private static String upperTime(String t) {
    String s = t.length() > 6 ? t.substring(0, 6) : t;
    return s + "5959".substring(0, 6 - s.length());
  }

  /** One value, or the two bounds of {@code a-b} with an empty bound as {@code null}. */
  private static String[] splitRange(Key key, String value) {
    if (value.indexOf('*') >= 0 || value.indexOf('?') >= 0 || value.indexOf('\\') >= 0) {
      throw WorklistException.invalid(
          key.keyword + " takes no wildcard or value list, only a value or a range: " + value);
    }
    String[] parts = value.split("-", -1);
    if (parts.length == 1) {
      return parts;
    }
    if (parts.length != 2 || (parts[0].isEmpty() && parts[1].isEmpty())) {
      throw WorklistException.invalid(key.keyword + " has a malformed range: " + value);
    }
    return new String[] {
      parts[0].isEmpty() ? null : parts[0].strip(), parts[1].isEmpty() ? null : parts[1].strip()
    };
  }

  private static String[] checkOrder(Key key, String value, String from, String to) {
    if (from != null && to != null && from.compareTo(to) > 0) {
      throw WorklistException.invalid(key.keyword + " range ends before it starts: " + value);
    }
    return new String[] {from, to};
  }

  private static Pattern wildcardPattern(String value, boolean ignoreCase) {
    StringBuilder regex = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    return Pattern.compile(regex.toString(), flags);
  }

  private static String normalizeName(String name) {
    String n = name.strip();
    return n.matches("[0-9a-fA-F]{8}") ? n.toUpperCase(Locale.ROOT) : n;
  }
}

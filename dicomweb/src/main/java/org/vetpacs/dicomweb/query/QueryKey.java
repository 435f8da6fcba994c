package org.vetpacs.dicomweb.query;

/**
 * An attribute the archive can match on: where it lives in the index and which PS3.4 C.2.2.2
 * matching applies.
 *
 * @param keyword the DICOM keyword
 * @param tag the tag
 * @param vr its value representation
 * @param level the level whose records carry it
 * @param field the MongoDB field of that level's collection
 * @param matching how values are matched
 */
public record QueryKey(
    String keyword, int tag, String vr, QueryLevel level, String field, Matching matching) {

  /** Kinds of matching (PS3.4 C.2.2.2). */
  public enum Matching {
    /** UID list matching (C.2.2.2.2) and single value. */
    UID,
    /** Single value and wildcards, case-sensitive (C.2.2.2.1, C.2.2.2.4). */
    TEXT,
    /** Single value and wildcards without regard to case. */
    TEXT_IGNORE_CASE,
    /** Person name: case- and accent-insensitive; fuzzy on request (PS3.18 8.3.4.6). */
    PERSON_NAME,
    /** Date and date range (C.2.2.2.5). */
    DATE,
    /** Time and time range (C.2.2.2.5). */
    TIME,
    /** Integer equality (IS). */
    NUMBER,
    /** A multi-valued CS: matches when any value matches (e.g. Modalities in Study). */
    ANY_VALUE
  }
}

package org.vetpacs.dicomweb.query;

import static org.vetpacs.dicomweb.query.QueryKey.Matching.ANY_VALUE;
import static org.vetpacs.dicomweb.query.QueryKey.Matching.DATE;
import static org.vetpacs.dicomweb.query.QueryKey.Matching.NUMBER;
import static org.vetpacs.dicomweb.query.QueryKey.Matching.PERSON_NAME;
import static org.vetpacs.dicomweb.query.QueryKey.Matching.TEXT;
import static org.vetpacs.dicomweb.query.QueryKey.Matching.TEXT_IGNORE_CASE;
import static org.vetpacs.dicomweb.query.QueryKey.Matching.TIME;
import static org.vetpacs.dicomweb.query.QueryKey.Matching.UID;
import static org.vetpacs.dicomweb.query.QueryLevel.INSTANCE;
import static org.vetpacs.dicomweb.query.QueryLevel.SERIES;
import static org.vetpacs.dicomweb.query.QueryLevel.STUDY;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every attribute the index can match on, by tag. Patient attributes live on the study records
 * (one study belongs to one animal), so they are STUDY-level keys here and serve the PATIENT level
 * of C-FIND too. The PS3.18 Tables 10.6.1-5 required matching keys are all present, plus the
 * veterinary patient attributes (PS3.3 C.7.1.1).
 */
public final class QueryKeys {

  private static final Map<Integer, QueryKey> KEYS = new LinkedHashMap<>();

  static {
    // Patient (on study records)
    add("PatientName", 0x00100010, "PN", STUDY, "patientNameKey", PERSON_NAME);
    add("PatientID", 0x00100020, "LO", STUDY, "patientId", TEXT);
    add("PatientBirthDate", 0x00100030, "DA", STUDY, "patientBirthDate", DATE);
    add("PatientSex", 0x00100040, "CS", STUDY, "patientSex", TEXT);
    add("PatientSpeciesDescription", 0x00102201, "LO", STUDY, "patientSpeciesDescription", TEXT_IGNORE_CASE);
    add("PatientBreedDescription", 0x00102292, "LO", STUDY, "patientBreedDescription", TEXT_IGNORE_CASE);
    add("ResponsiblePerson", 0x00102297, "PN", STUDY, "responsiblePerson", TEXT_IGNORE_CASE);
    add("ResponsibleOrganization", 0x00102299, "LO", STUDY, "responsibleOrganization", TEXT_IGNORE_CASE);
    // Study
    add("StudyInstanceUID", 0x0020000D, "UI", STUDY, "_id", UID);
    add("StudyDate", 0x00080020, "DA", STUDY, "studyDate", DATE);
    add("StudyTime", 0x00080030, "TM", STUDY, "studyTime", TIME);
    add("AccessionNumber", 0x00080050, "SH", STUDY, "accessionNumber", TEXT);
    add("ModalitiesInStudy", 0x00080061, "CS", STUDY, "modalitiesInStudy", ANY_VALUE);
    add("ReferringPhysicianName", 0x00080090, "PN", STUDY, "referringPhysicianName", TEXT_IGNORE_CASE);
    add("StudyDescription", 0x00081030, "LO", STUDY, "studyDescription", TEXT_IGNORE_CASE);
    add("StudyID", 0x00200010, "SH", STUDY, "studyId", TEXT);
    // Series
    add("SeriesInstanceUID", 0x0020000E, "UI", SERIES, "_id", UID);
    add("Modality", 0x00080060, "CS", SERIES, "modality", TEXT);
    add("SeriesNumber", 0x00200011, "IS", SERIES, "seriesNumberValue", NUMBER);
    add("SeriesDescription", 0x0008103E, "LO", SERIES, "seriesDescription", TEXT_IGNORE_CASE);
    add("BodyPartExamined", 0x00180015, "CS", SERIES, "bodyPartExamined", TEXT);
    // Instance
    add("SOPInstanceUID", 0x00080018, "UI", INSTANCE, "_id", UID);
    add("SOPClassUID", 0x00080016, "UI", INSTANCE, "sopClassUid", UID);
    add("InstanceNumber", 0x00200013, "IS", INSTANCE, "instanceNumberValue", NUMBER);
  }

  private QueryKeys() {}

  private static void add(
      String keyword, int tag, String vr, QueryLevel level, String field, QueryKey.Matching m) {
    KEYS.put(tag, new QueryKey(keyword, tag, vr, level, field, m));
  }

  /** The matchable key for a tag, or null. */
  public static QueryKey byTag(int tag) {
    return KEYS.get(tag);
  }

  public static Collection<QueryKey> all() {
    return KEYS.values();
  }
}

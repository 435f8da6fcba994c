package org.vetpacs.dicomweb.worklist;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a caller asks to schedule: attribute values by DICOM keyword, as received and not yet
 * checked. {@link WorklistService#create} validates them, fills in what the server assigns
 * (Accession Number, Study Instance UID, Requested Procedure ID, Scheduled Procedure Step ID, start
 * date and time, status) and maps species and breed to their SNOMED CT codes.
 *
 * <p>The keywords are those of PS3.6 for the attributes of PS3.4 Table K.6-1 this archive keeps, so
 * the JSON of {@code POST /api/worklist}, this class and the matching keys of {@link
 * WorklistService#find} share one vocabulary.
 */
public final class NewWorklistItem {

  /** The attribute keywords a new item may carry (the code of the requested procedure aside). */
  public static final Set<String> KEYWORDS =
      Collections.unmodifiableSet(
          new LinkedHashSet<>(
              List.of(
                  "PatientName",
                  "PatientID",
                  "PatientBirthDate",
                  "PatientSex",
                  "PatientSexNeutered",
                  "PatientSpeciesDescription",
                  "PatientBreedDescription",
                  "ResponsiblePerson",
                  "ResponsiblePersonRole",
                  "ResponsibleOrganization",
                  "AccessionNumber",
                  "RequestedProcedureID",
                  "RequestedProcedureDescription",
                  "StudyInstanceUID",
                  "ReferringPhysicianName",
                  "RequestingPhysician",
                  "ReasonForTheRequestedProcedure",
                  "RequestedProcedurePriority",
                  "Modality",
                  "ScheduledStationAETitle",
                  "ScheduledProcedureStepStartDate",
                  "ScheduledProcedureStepStartTime",
                  "ScheduledPerformingPhysicianName",
                  "ScheduledProcedureStepDescription",
                  "ScheduledProcedureStepID",
                  "ScheduledProcedureStepStatus")));

  private final Map<String, String> values = new LinkedHashMap<>();
  private String codeValue;
  private String codingSchemeDesignator;
  private String codeMeaning;

  /**
   * Sets one attribute by keyword; {@code null} leaves it absent.
   *
   * @throws WorklistException of kind INVALID for a keyword not in {@link #KEYWORDS}
   */
  public NewWorklistItem set(String keyword, String value) {
    if (!KEYWORDS.contains(keyword)) {
      throw WorklistException.invalid(
          "Unknown attribute "
              + keyword
              + "; expected one of "
              + KEYWORDS
              + " or RequestedProcedureCodeSequence");
    }
    if (value == null) {
      values.remove(keyword);
    } else {
      values.put(keyword, value);
    }
    return this;
  }

  /** The value given for a keyword, or {@code null}. */
  public String get(String keyword) {
    return values.get(keyword);
  }

  /**
   * The Requested Procedure Code Sequence (0032,1064) item: all three parts or none (PS3.3 Table
   * 8.8-1: Code Value, Coding Scheme Designator and Code Meaning are Type 1 in a code item).
   */
  public NewWorklistItem requestedProcedureCode(
      String codeValue, String codingSchemeDesignator, String codeMeaning) {
    this.codeValue = codeValue;
    this.codingSchemeDesignator = codingSchemeDesignator;
    this.codeMeaning = codeMeaning;
    return this;
  }

  String codeValue() {
    return codeValue;
  }

  String codingSchemeDesignator() {
    return codingSchemeDesignator;
  }

  String codeMeaning() {
    return codeMeaning;
  }
}

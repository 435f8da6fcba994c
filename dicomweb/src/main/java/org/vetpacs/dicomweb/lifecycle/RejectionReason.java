package org.vetpacs.dicomweb.lifecycle;

import java.util.Optional;

/**
 * The Key Object Selection document titles that make it a rejection note (PS3.16 CID 7010 "Key
 * Object Selection Document Title"; IHE RAD TF-3 IOCM): the instances it references are to be
 * hidden. Other titles (e.g. 113000 "Of Interest") are ordinary key images.
 */
public enum RejectionReason {
  REJECTED_FOR_QUALITY_REASONS("113001", "Rejected for Quality Reasons"),
  REJECTED_FOR_PATIENT_SAFETY_REASONS("113037", "Rejected for Patient Safety Reasons"),
  INCORRECT_MODALITY_WORKLIST_ENTRY("113038", "Incorrect Modality Worklist Entry"),
  DATA_RETENTION_POLICY_EXPIRED("113039", "Data Retention Policy Expired");

  /** Coding Scheme Designator of every rejection code: DICOM (PS3.16 Annex D). */
  public static final String SCHEME = "DCM";

  private final String codeValue;
  private final String codeMeaning;

  RejectionReason(String codeValue, String codeMeaning) {
    this.codeValue = codeValue;
    this.codeMeaning = codeMeaning;
  }

  public String codeValue() {
    return codeValue;
  }

  public String codeMeaning() {
    return codeMeaning;
  }

  /**
   * The rejection reason of a coded title, if it is one. The meaning is not compared (it may be
   * localized, PS3.3 8.3); value and scheme designate the concept.
   */
  public static Optional<RejectionReason> of(String codeValue, String codingSchemeDesignator) {
    if (!SCHEME.equals(trim(codingSchemeDesignator))) {
      return Optional.empty();
    }
    for (RejectionReason reason : values()) {
      if (reason.codeValue.equals(trim(codeValue))) {
        return Optional.of(reason);
      }
    }
    return Optional.empty();
  }

  private static String trim(String value) {
    return value == null ? "" : value.trim();
  }
}

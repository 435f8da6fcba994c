package org.vetpacs.model.animal;

import java.util.Objects;

/**
 * One SNOMED CT concept as DICOM and FHIR carry it: the concept id and the display text.
 *
 * <p>In DICOM the concept becomes a Code Sequence item with Code Value (0008,0100) = {@link #code},
 * Coding Scheme Designator (0008,0102) = {@value #DICOM_CODING_SCHEME} and Code Meaning
 * (0008,0104) = {@link #display} (PS3.3 Table 8.8-1, PS3.16 Section 8 for the designator). In
 * FHIR it becomes a Coding with system {@value #FHIR_SYSTEM}.
 *
 * @param code the SNOMED CT concept id (digits only)
 * @param display the display text used as Code Meaning
 */
public record SnomedConcept(String code, String display) {

  /** Coding Scheme Designator for SNOMED CT in DICOM (PS3.16 Table 8-1). */
  public static final String DICOM_CODING_SCHEME = "SCT";

  /** Code system URI for SNOMED CT in FHIR. */
  public static final String FHIR_SYSTEM = "http://snomed.info/sct";

  /**
   * Creates a concept, checking that the id is a plausible SNOMED CT identifier.
   *
   * @throws IllegalArgumentException if the code is not 6 to 18 digits or the display is blank
   */
  public SnomedConcept {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(display, "display");
    // SNOMED CT identifiers are 6 to 18 digit integers (SNOMED CT Technical Implementation Guide).
    if (!code.matches("[1-9][0-9]{5,17}")) {
      throw new IllegalArgumentException("Not a SNOMED CT concept id: " + code);
    }
    if (display.isBlank()) {
      throw new IllegalArgumentException("Blank display for " + code);
    }
  }

  /**
   * Returns a concept, or {@code null} when the code is {@code null} (an unverified entry).
   *
   * @param code concept id or {@code null}
   * @param display display text, ignored when {@code code} is {@code null}
   * @return the concept or {@code null}
   */
  static SnomedConcept ofNullable(String code, String display) {
    return code == null ? null : new SnomedConcept(code, display);
  }
}

package org.vetpacs.model.animal;

import java.util.Locale;
import java.util.Optional;

/**
 * The animal's sex as written in Patient's Sex (0010,0040), PS3.3 C.7.1.1: the enumerated values
 * are {@code M} (male), {@code F} (female) and {@code O} (other). Neutering is a separate
 * attribute, see {@link NeuterStatus}.
 */
public enum Sex {
  /** Male. */
  M("male"),
  /** Female. */
  F("female"),
  /** Other (unknown, indeterminate, or not applicable). */
  O("other");

  private final String fhirGender;

  Sex(String fhirGender) {
    this.fhirGender = fhirGender;
  }

  /**
   * The DICOM value of Patient's Sex (0010,0040).
   *
   * @return "M", "F" or "O"
   */
  public String dicomValue() {
    return name();
  }

  /**
   * The matching FHIR R4 {@code AdministrativeGender} code.
   *
   * @return "male", "female" or "other"
   */
  public String fhirGender() {
    return fhirGender;
  }

  /**
   * Reads a DICOM Patient's Sex value, also tolerating common words ("male", "female",
   * "intact male", "mare", "stallion"...). An empty value (Type 2, PS3.3 C.7.1.1) yields empty.
   *
   * @param text the attribute value or free text, may be {@code null}
   * @return the sex, or empty if the text is empty or not understood
   */
  public static Optional<Sex> fromText(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "m", "male", "intact male", "neutered male", "castrated male", "mn", "mc", "mi", "stallion",
          "gelding", "colt", "tom", "buck", "boar" -> {
        return Optional.of(M);
      }
      case "f", "female", "intact female", "spayed female", "neutered female", "fs", "fi", "mare",
          "filly", "queen", "doe", "bitch", "jill", "sow" -> {
        return Optional.of(F);
      }
      case "o", "other", "unknown", "u" -> {
        return Optional.of(O);
      }
      default -> {
        return Optional.empty();
      }
    }
  }
}

package org.vetpacs.model.animal;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether the animal has been neutered, as written in Patient's Sex Neutered (0010,2203), PS3.3
 * C.7.1.1: enumerated values {@code ALTERED} (altered/neutered) and {@code UNALTERED}
 * (unaltered/intact). The attribute is Type 2C (required if the patient is an animal), so an
 * unknown status is written as an empty value rather than a third enum constant.
 */
public enum NeuterStatus {
  /** Neutered: spayed or castrated. */
  ALTERED,
  /** Intact. */
  UNALTERED;

  /**
   * The DICOM value of Patient's Sex Neutered (0010,2203).
   *
   * @return "ALTERED" or "UNALTERED"
   */
  public String dicomValue() {
    return name();
  }

  /**
   * Reads a DICOM value or a common word ("neutered", "spayed", "castrated", "intact", "entire").
   *
   * @param text the attribute value or free text, may be {@code null}
   * @return the status, or empty when the text is empty or not understood
   */
  public static Optional<NeuterStatus> fromText(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "altered", "neutered", "spayed", "castrated", "desexed", "fixed", "gelding", "yes", "y" ->
          Optional.of(ALTERED);
      case "unaltered", "intact", "entire", "not neutered", "no", "n" -> Optional.of(UNALTERED);
      default -> Optional.empty();
    };
  }
}

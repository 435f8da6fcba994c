package org.vetpacs.model.fhir;

import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/**
 * The animal's microchip (RFID transponder) number as a FHIR Identifier with system {@value
 * VetFhir#SID_MICROCHIP}.
 *
 * <p>ISO 11784 defines the 64-bit code and ISO 11785 the air interface; the number people read and
 * PIMS store is 15 decimal digits: a 3-digit country code (ISO 3166-1 numeric) or manufacturer code
 * (900-998), then a 12-digit national identification number. Scanners and people add spaces,
 * dots or dashes; {@link #normalize} removes them.
 */
public final class Microchip {

  private Microchip() {}

  /**
   * Removes separators ({@code "985 141 000 123 456"} gives {@code "985141000123456"}).
   *
   * @param number the number as written, may be {@code null}
   * @return the digits and letters only, empty for {@code null}
   */
  public static String normalize(String number) {
    return number == null ? "" : number.replaceAll("[\\s.\\-]", "");
  }

  /**
   * Whether a number is a valid ISO 11784 15-digit code after {@link #normalize}.
   *
   * @param number the number
   * @return true when it is 15 digits
   */
  public static boolean isIso11784(String number) {
    return normalize(number).matches("[0-9]{15}");
  }

  /**
   * The identifier for a microchip number.
   *
   * @param number the number (normalized here)
   * @return the identifier
   * @throws IllegalArgumentException when the number is not 15 digits
   */
  public static Identifier identifier(String number) {
    if (!isIso11784(number)) {
      throw new IllegalArgumentException("Not an ISO 11784 microchip number (15 digits)");
    }
    return new Identifier()
        .setSystem(VetFhir.SID_MICROCHIP)
        .setValue(normalize(number))
        .setType(new CodeableConcept().setText("Microchip (ISO 11784/11785)"));
  }

  /**
   * The patient's microchip number, if any.
   *
   * @param patient the patient
   * @return the number or empty
   */
  public static Optional<String> of(Patient patient) {
    return patient.getIdentifier().stream()
        .filter(i -> VetFhir.SID_MICROCHIP.equals(i.getSystem()) && i.hasValue())
        .map(Identifier::getValue)
        .findFirst();
  }
}

package org.vetpacs.model.identity;

import java.time.LocalDate;
import java.util.Optional;
import org.vetpacs.model.animal.Species;

/**
 * What identifies an animal for matching, taken from a FHIR Patient or a DICOM Patient Module.
 *
 * @param clinicPatientId the clinic's patient ID (DICOM Patient ID (0010,0020)), or {@code null}
 * @param name the name in the clinic convention
 * @param owner the owner: the PIMS client ID when known, else the owner's name (any spelling);
 *     {@code null} when unknown. Only its folded form is compared.
 * @param species the species, or {@code null}
 * @param birthDate the birth date, or {@code null}
 */
public record AnimalIdentity(
    String clinicPatientId, ClinicName name, String owner, Species species, LocalDate birthDate) {

  /** Blank IDs and owners become {@code null}; a {@code null} name becomes an empty one. */
  public AnimalIdentity {
    clinicPatientId =
        clinicPatientId == null || clinicPatientId.isBlank() ? null : clinicPatientId.trim();
    owner = owner == null || owner.isBlank() ? null : owner.trim();
    name = name == null ? new ClinicName("", "") : name;
  }

  /**
   * The owner to compare: the given owner, else the owner family name of the clinic name.
   *
   * @return the folded owner, empty when unknown
   */
  public String ownerKey() {
    return ClinicName.fold(owner != null ? owner : name.ownerFamily());
  }

  /**
   * The matching key: {@code ID|<clinic patient ID>} when there is one, else {@code
   * ANIMAL|<pet>|<owner>|<species>|<birth date>} when all four are known, else empty (such a
   * record can be stored but never matched automatically).
   *
   * @return the key or empty
   */
  public Optional<String> matchKey() {
    if (clinicPatientId != null) {
      return Optional.of("ID|" + clinicPatientId);
    }
    return demographicKey();
  }

  /**
   * The demographic part of the key, ignoring the clinic patient ID.
   *
   * @return {@code ANIMAL|pet|owner|species|birthDate}, or empty when one of them is unknown
   */
  public Optional<String> demographicKey() {
    String pet = ClinicName.fold(name.petName());
    String ownerKey = ownerKey();
    if (pet.isEmpty() || ownerKey.isEmpty() || species == null || birthDate == null) {
      return Optional.empty();
    }
    return Optional.of("ANIMAL|" + pet + "|" + ownerKey + "|" + species.name() + "|" + birthDate);
  }
}

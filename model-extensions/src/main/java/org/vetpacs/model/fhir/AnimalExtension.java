package org.vetpacs.model.fhir;

import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Type;
import org.vetpacs.model.animal.Breed;
import org.vetpacs.model.animal.NeuterStatus;
import org.vetpacs.model.animal.Species;

/**
 * The R4 core extension {@value VetFhir#EXT_PATIENT_ANIMAL} on a Patient: {@code species}
 * (CodeableConcept, 1..1), {@code breed} (0..1) and {@code genderStatus} (0..1, codes of {@value
 * VetFhir#CS_ANIMAL_GENDER_STATUS}: {@code neutered}, {@code intact}, {@code unknown}).
 *
 * <p>A species or breed is written with its SNOMED CT coding when the code was verified (see
 * {@link Species}, {@link Breed}) and always with our own coding ({@value VetFhir#CS_SPECIES},
 * {@value VetFhir#CS_BREED}, code = the enum name), so that bird, reptile and thoroughbred are
 * coded too. {@code text} carries the DICOM description.
 */
public final class AnimalExtension {

  private AnimalExtension() {}

  /**
   * Writes (replacing) the extension.
   *
   * @param patient the patient to change
   * @param species the species, or {@code null} with {@code speciesText} alone
   * @param speciesText the free text (DICOM Patient Species Description); {@code null} gives the
   *     species' DICOM description
   * @param breed the breed, or {@code null}
   * @param breedText the breed free text, or {@code null}
   * @param neuter the neuter status, or {@code null} for none written
   */
  public static void write(
      Patient patient,
      Species species,
      String speciesText,
      Breed breed,
      String breedText,
      NeuterStatus neuter) {
    patient.getExtension().removeIf(e -> VetFhir.EXT_PATIENT_ANIMAL.equals(e.getUrl()));
    Extension animal = patient.addExtension().setUrl(VetFhir.EXT_PATIENT_ANIMAL);
    animal.addExtension("species", speciesConcept(species, speciesText));
    if (breed != null || (breedText != null && !breedText.isBlank())) {
      animal.addExtension("breed", breedConcept(breed, breedText));
    }
    if (neuter != null) {
      animal.addExtension("genderStatus", genderStatus(neuter));
    }
  }

  /**
   * The species concept: SNOMED CT (when verified), our code, and the text.
   *
   * @param species the species or {@code null}
   * @param text the text or {@code null}
   * @return the concept
   */
  public static CodeableConcept speciesConcept(Species species, String text) {
    CodeableConcept concept = new CodeableConcept();
    if (species != null) {
      species
          .snomed()
          .ifPresent(s -> concept.addCoding(new Coding(VetFhir.SNOMED, s.code(), s.display())));
      concept.addCoding(new Coding(VetFhir.CS_SPECIES, species.name(), display(species)));
    }
    String t = text != null && !text.isBlank() ? text.trim() : species == null ? null
        : species.dicomDescription();
    concept.setText(t);
    return concept;
  }

  /**
   * The breed concept: SNOMED CT (when verified), our code, and the text.
   *
   * @param breed the breed or {@code null}
   * @param text the text or {@code null}
   * @return the concept
   */
  public static CodeableConcept breedConcept(Breed breed, String text) {
    CodeableConcept concept = new CodeableConcept();
    if (breed != null) {
      breed
          .snomed()
          .ifPresent(s -> concept.addCoding(new Coding(VetFhir.SNOMED, s.code(), s.display())));
      concept.addCoding(new Coding(VetFhir.CS_BREED, breed.name(), breed.description()));
    }
    String t = text != null && !text.isBlank() ? text.trim() : breed == null ? null
        : breed.description();
    concept.setText(t);
    return concept;
  }

  /**
   * The genderStatus concept for a neuter status.
   *
   * @param neuter the status
   * @return {@code neutered} or {@code intact}
   */
  public static CodeableConcept genderStatus(NeuterStatus neuter) {
    String code = neuter == NeuterStatus.ALTERED ? "neutered" : "intact";
    String display = neuter == NeuterStatus.ALTERED ? "Neutered" : "Intact";
    return new CodeableConcept(new Coding(VetFhir.CS_ANIMAL_GENDER_STATUS, code, display));
  }

  /** The species name for people: "Dog", "Guinea pig". */
  static String display(Species species) {
    String c = species.commonName();
    return c.substring(0, 1).toUpperCase(Locale.ROOT) + c.substring(1);
  }

  /**
   * The extension, if the patient has it.
   *
   * @param patient the patient
   * @return the extension or empty
   */
  public static Optional<Extension> find(Patient patient) {
    return Optional.ofNullable(patient.getExtensionByUrl(VetFhir.EXT_PATIENT_ANIMAL));
  }

  /**
   * The species concept written on the patient.
   *
   * @param patient the patient
   * @return the concept or empty
   */
  public static Optional<CodeableConcept> speciesOf(Patient patient) {
    return part(patient, "species");
  }

  /**
   * The breed concept written on the patient.
   *
   * @param patient the patient
   * @return the concept or empty
   */
  public static Optional<CodeableConcept> breedOf(Patient patient) {
    return part(patient, "breed");
  }

  /**
   * The species, read from a SNOMED CT or VetPACS coding, else from the text.
   *
   * @param patient the patient
   * @return the species or empty
   */
  public static Optional<Species> species(Patient patient) {
    return speciesOf(patient).flatMap(AnimalExtension::species);
  }

  /**
   * The species a concept names: by SNOMED CT code, by our code, by a coding's display or the
   * text.
   *
   * @param concept the concept
   * @return the species or empty
   */
  public static Optional<Species> species(CodeableConcept concept) {
    for (Coding c : concept.getCoding()) {
      if (VetFhir.SNOMED.equals(c.getSystem())) {
        Optional<Species> s = Species.fromSnomedCode(c.getCode());
        if (s.isPresent()) {
          return s;
        }
      }
      if (VetFhir.CS_SPECIES.equals(c.getSystem()) && c.hasCode()) {
        try {
          return Optional.of(Species.valueOf(c.getCode()));
        } catch (IllegalArgumentException e) {
          // not one of ours: try the other codings and the text
        }
      }
    }
    Optional<Species> byText = Species.fromText(concept.getText());
    if (byText.isPresent()) {
      return byText;
    }
    for (Coding c : concept.getCoding()) {
      Optional<Species> byDisplay = Species.fromText(c.getDisplay());
      if (byDisplay.isPresent()) {
        return byDisplay;
      }
    }
    return Optional.empty();
  }

  /**
   * The breed, read from a SNOMED CT or VetPACS coding, else from the text (within the species).
   *
   * @param patient the patient
   * @return the breed or empty
   */
  public static Optional<Breed> breed(Patient patient) {
    Species species = species(patient).orElse(null);
    return breedOf(patient).flatMap(c -> breed(c, species));
  }

  /**
   * The breed a concept names.
   *
   * @param concept the concept
   * @param species the species to search within, or {@code null}
   * @return the breed or empty
   */
  public static Optional<Breed> breed(CodeableConcept concept, Species species) {
    for (Coding c : concept.getCoding()) {
      if (VetFhir.SNOMED.equals(c.getSystem()) && c.hasCode()) {
        for (Breed b : Breed.values()) {
          if (c.getCode().equals(b.snomedCode())) {
            return Optional.of(b);
          }
        }
      }
      if (VetFhir.CS_BREED.equals(c.getSystem()) && c.hasCode()) {
        try {
          return Optional.of(Breed.valueOf(c.getCode()));
        } catch (IllegalArgumentException e) {
          // not one of ours
        }
      }
    }
    return Breed.fromText(concept.getText(), species);
  }

  /**
   * The neuter status from {@code genderStatus}: {@code neutered} is ALTERED, {@code intact}
   * UNALTERED; {@code unknown} or none is empty.
   *
   * @param patient the patient
   * @return the status or empty
   */
  public static Optional<NeuterStatus> neuterStatus(Patient patient) {
    return part(patient, "genderStatus")
        .flatMap(
            c -> {
              for (Coding coding : c.getCoding()) {
                if ("neutered".equals(coding.getCode())) {
                  return Optional.of(NeuterStatus.ALTERED);
                }
                if ("intact".equals(coding.getCode())) {
                  return Optional.of(NeuterStatus.UNALTERED);
                }
              }
              return NeuterStatus.fromText(c.getText());
            });
  }

  private static Optional<CodeableConcept> part(Patient patient, String url) {
    return find(patient)
        .map(e -> e.getExtensionByUrl(url))
        .map(Extension::getValue)
        .filter(CodeableConcept.class::isInstance)
        .map(CodeableConcept.class::cast);
  }

  /** Whether a value is a non-empty CodeableConcept (for validators and tests). */
  static boolean isConcept(Type value) {
    return value instanceof CodeableConcept c && !c.isEmpty();
  }
}

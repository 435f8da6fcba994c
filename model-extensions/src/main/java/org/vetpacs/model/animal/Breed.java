package org.vetpacs.model.animal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Common dog, cat and horse breeds, with the text written in Patient Breed Description (0010,2292)
 * and the SNOMED CT concept written in Patient Breed Code Sequence (0010,2293).
 *
 * <p>Codes and displays are those of DICOM PS3.16 CID 7480 "Breed" and CID 7486 "Mixed Breed"
 * (SNOMED CT organism concepts), checked against two public renderings of those context groups: the
 * FHIR value sets of {@code bvdh/dicom-terminology-in-fhir} ({@code ValueSet-dicom-cid-7480-Breed},
 * {@code ValueSet-dicom-cid-7486-MixedBreed}) and a public viewer's seed table of CID 7480 with
 * SNOMED RT and UMLS cross-references. {@link #THOROUGHBRED} could not be found in either, so its
 * code is {@code null}: the generator then writes the description and an empty code sequence.
 */
public enum Breed {
  // Dogs (CID 7480 / 7486)
  /** Labrador retriever, SCT 62137007. */
  LABRADOR_RETRIEVER(Species.DOG, "Labrador Retriever", "62137007", "Labrador retriever dog breed"),
  /** Golden retriever, SCT 58108001. */
  GOLDEN_RETRIEVER(Species.DOG, "Golden Retriever", "58108001", "Golden retriever dog breed"),
  /** German shepherd, SCT 42252000. */
  GERMAN_SHEPHERD(Species.DOG, "German Shepherd", "42252000", "German shepherd dog"),
  /** Beagle, SCT 44696006. */
  BEAGLE(Species.DOG, "Beagle", "44696006", "Beagle"),
  /** Dachshund (superbreed), SCT 2062007. */
  DACHSHUND(Species.DOG, "Dachshund", "2062007", "Dachshund superbreed of dog"),
  /** Boxer, SCT 42250008. */
  BOXER(Species.DOG, "Boxer", "42250008", "Boxer dog"),
  /** Bulldog, SCT 38184008. */
  BULLDOG(Species.DOG, "Bulldog", "38184008", "Bulldog"),
  /** French bulldog, SCT 59643008. */
  FRENCH_BULLDOG(Species.DOG, "French Bulldog", "59643008", "French bulldog"),
  /** Rottweiler, SCT 14245006. */
  ROTTWEILER(Species.DOG, "Rottweiler", "14245006", "Rottweiler dog"),
  /** Yorkshire terrier, SCT 13284009. */
  YORKSHIRE_TERRIER(Species.DOG, "Yorkshire Terrier", "13284009", "Yorkshire terrier"),
  /** Border collie, SCT 132561000. */
  BORDER_COLLIE(Species.DOG, "Border Collie", "132561000", "Border Collie dog breed"),
  /** Cavalier King Charles spaniel, SCT 66495005. */
  CAVALIER_KING_CHARLES_SPANIEL(
      Species.DOG, "Cavalier King Charles Spaniel", "66495005", "Cavalier King Charles spaniel"),
  /** Poodle (superbreed), SCT 15171008. */
  POODLE(Species.DOG, "Poodle", "15171008", "Poodle superbreed dog breed"),
  /** Siberian husky, SCT 3674001 (display spelled as published). */
  SIBERIAN_HUSKY(Species.DOG, "Siberian Husky", "3674001", "Siberian huskie"),
  /** Greyhound, SCT 112494009. */
  GREYHOUND(Species.DOG, "Greyhound", "112494009", "Greyhound"),
  /** Mixed breed dog, SCT 132619000 (CID 7486). */
  MIXED_BREED_DOG(Species.DOG, "Mixed Breed", "132619000", "Mixed breed dog"),

  // Cats (CID 7480 / 7486)
  /** Domestic shorthair, SCT 15020009. */
  DOMESTIC_SHORTHAIR(Species.CAT, "Domestic Shorthair", "15020009", "Domestic shorthaired cat"),
  /** Domestic longhair, SCT 8419007. */
  DOMESTIC_LONGHAIR(Species.CAT, "Domestic Longhair", "8419007", "Domestic longhaired cat"),
  /** Siamese, SCT 65694005. */
  SIAMESE(Species.CAT, "Siamese", "65694005", "Siamese cat"),
  /** Maine coon, SCT 81866001. */
  MAINE_COON(Species.CAT, "Maine Coon", "81866001", "Maine coon cat"),
  /** Persian, SCT 68086001. */
  PERSIAN(Species.CAT, "Persian", "68086001", "Persian cat"),
  /** British shorthair, SCT 70653001. */
  BRITISH_SHORTHAIR(Species.CAT, "British Shorthair", "70653001", "British shorthaired cat"),
  /** Bengal, SCT 132661006. */
  BENGAL(Species.CAT, "Bengal", "132661006", "Bengal cat breed"),
  /** Ragdoll, SCT 132654007. */
  RAGDOLL(Species.CAT, "Ragdoll", "132654007", "Ragdoll cat breed"),
  /** Mixed breed cat, SCT 132653001 (CID 7486). */
  MIXED_BREED_CAT(Species.CAT, "Mixed Breed", "132653001", "Mixed breed cat"),

  // Horses (CID 7480 / 7486)
  /** Thoroughbred; no code verified, so {@code null}. */
  THOROUGHBRED(Species.HORSE, "Thoroughbred", null, null),
  /** Quarter horse, SCT 76467006. */
  QUARTER_HORSE(Species.HORSE, "Quarter Horse", "76467006", "Quarter horse breed"),
  /** Arabian, SCT 54098002. */
  ARABIAN(Species.HORSE, "Arabian", "54098002", "Arabian horse breed"),
  /** Standardbred, SCT 34200004. */
  STANDARDBRED(Species.HORSE, "Standardbred", "34200004", "Standardbred horse breed"),
  /** Hanoverian, SCT 66168008. */
  HANOVERIAN(Species.HORSE, "Hanoverian", "66168008", "Hanoverian horse breed"),
  /** Warmblood, SCT 407402001. */
  WARMBLOOD(Species.HORSE, "Warmblood", "407402001", "Warmblood horse breed"),
  /** Appaloosa, SCT 55167009. */
  APPALOOSA(Species.HORSE, "Appaloosa", "55167009", "Appaloosa horse breed"),
  /** Friesian, SCT 133111006. */
  FRIESIAN(Species.HORSE, "Friesian", "133111006", "Friesian horse breed"),
  /** Shetland pony, SCT 69067004. */
  SHETLAND_PONY(Species.HORSE, "Shetland Pony", "69067004", "Shetland pony horse breed"),
  /** Mixed breed horse, SCT 406721004 (CID 7486). */
  MIXED_BREED_HORSE(Species.HORSE, "Mixed Breed", "406721004", "Mixed breed horse");

  private final Species species;
  private final String description;
  private final SnomedConcept snomed;

  Breed(Species species, String description, String code, String display) {
    this.species = species;
    this.description = description;
    this.snomed = SnomedConcept.ofNullable(code, display);
  }

  /**
   * The species this breed belongs to.
   *
   * @return the species
   */
  public Species species() {
    return species;
  }

  /**
   * The text for Patient Breed Description (0010,2292), LO (at most 64 characters).
   *
   * @return the description, e.g. "Labrador Retriever"
   */
  public String description() {
    return description;
  }

  /**
   * The SNOMED CT concept, absent when no code could be verified.
   *
   * @return the concept or empty
   */
  public Optional<SnomedConcept> snomed() {
    return Optional.ofNullable(snomed);
  }

  /**
   * The SNOMED CT concept id for Patient Breed Code Sequence (0010,2293).
   *
   * @return the code, or {@code null} when unverified
   */
  public String snomedCode() {
    return snomed == null ? null : snomed.code();
  }

  /**
   * The SNOMED CT display, used as Code Meaning (0008,0104).
   *
   * @return the display, or {@code null} when unverified
   */
  public String snomedDisplay() {
    return snomed == null ? null : snomed.display();
  }

  /**
   * All breeds of a species, in declaration order.
   *
   * @param species the species
   * @return the breeds, possibly empty (e.g. for {@link Species#FERRET})
   */
  public static List<Breed> of(Species species) {
    return Arrays.stream(values()).filter(b -> b.species == species).toList();
  }

  /**
   * Finds a breed by free text: the description, the enum name or the SNOMED CT display or code,
   * ignoring case and punctuation. When several species share a text ("Mixed Breed"), the
   * species decides; use {@link #fromText(String, Species)} for that.
   *
   * @param text free text, may be {@code null}
   * @return the breed, or empty if none or more than one matches
   */
  public static Optional<Breed> fromText(String text) {
    return fromText(text, null);
  }

  /**
   * Finds a breed by free text within one species.
   *
   * @param text free text, may be {@code null}
   * @param species the species to search, or {@code null} for all
   * @return the breed, or empty if none or more than one matches
   */
  public static Optional<Breed> fromText(String text, Species species) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String n = Species.normalize(text);
    List<Breed> hits = Arrays.stream(values())
        .filter(b -> species == null || b.species == species)
        .filter(b -> n.equals(Species.normalize(b.description))
            || n.equals(Species.normalize(b.name()))
            || n.equals(b.snomedCode())
            || (b.snomedDisplay() != null && n.equals(Species.normalize(b.snomedDisplay()))))
        .toList();
    return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
  }
}

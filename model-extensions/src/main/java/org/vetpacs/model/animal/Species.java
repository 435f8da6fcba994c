package org.vetpacs.model.animal;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The species VetPACS knows by name, with the SNOMED CT concept written in Patient Species Code
 * Sequence (0010,2202) and the free text written in Patient Species Description (0010,2201).
 *
 * <p>Codes come from DICOM PS3.16 CID 7454 "Animal Taxonomic Rank Values" (version 20160211), as
 * shipped in PixelMed's {@code com/pixelmed/validate/DicomContextGroupsSource.xml} and in the public
 * FHIR rendering of that context group ({@code bvdh/dicom-terminology-in-fhir},
 * {@code ValueSet-dicom-cid-7454-AnimalTaxonomicRankValue.fsh}). The dog, cat and guinea pig codes
 * also appear in the eHDSI animal species value set. Note that 388445009 is the genus <i>Equus</i>;
 * the domestic horse is 35354009 <i>Equus caballus</i>.
 *
 * <p>{@link #BIRD} and {@link #REPTILE} are classes, not species, and CID 7454 has no entry for
 * them; no code for them could be verified, so their {@link #snomedCode()} is {@code null} and only
 * the description is written.
 */
public enum Species {
  /** Domestic dog, SCT 448771007 (CID 7454). */
  DOG("448771007", "Canis lupus familiaris", "Canine", "dog",
      "dogs", "canine", "canis", "canis familiaris", "canis lupus familiaris", "domestic dog", "k9",
      "k 9", "puppy", "pup", "hound", "bitch"),
  /** Domestic cat, SCT 448169003 (CID 7454). */
  CAT("448169003", "Felis catus", "Feline", "cat",
      "cats", "feline", "felis", "felis catus", "felis domesticus", "domestic cat", "kitten", "kitty",
      "queen", "tom cat"),
  /** Domestic horse, SCT 35354009 (CID 7454; not 388445009, which is the genus Equus). */
  HORSE("35354009", "Equus caballus", "Equine", "horse",
      "horses", "equine", "equus caballus", "domestic horse", "pony", "mare", "stallion", "gelding",
      "foal", "colt", "filly"),
  /** European (domestic) rabbit, SCT 36571002 (CID 7454). */
  RABBIT("36571002", "Oryctolagus cuniculus", "Lapine", "rabbit",
      "rabbits", "lapine", "oryctolagus cuniculus", "bunny", "domestic rabbit"),
  /** Ferret, SCT 449310008 (CID 7454). */
  FERRET("449310008", "Mustela putorius furo", "Ferret", "ferret",
      "ferrets", "mustela putorius furo", "musteline", "mustelid"),
  /** Domestic guinea pig, SCT 125076001 (CID 7454). */
  GUINEA_PIG("125076001", "Cavia porcellus", "Guinea pig", "guinea pig",
      "guinea pigs", "guineapig", "cavia porcellus", "cavy", "cavian", "domestic guinea pig"),
  /** Any bird; no SNOMED CT code verified (not in CID 7454), so the code is {@code null}. */
  BIRD(null, null, "Avian", "bird",
      "birds", "avian", "aves", "parrot", "budgerigar", "budgie", "cockatiel", "canary", "chicken",
      "pigeon"),
  /** Any reptile; no SNOMED CT code verified (not in CID 7454), so the code is {@code null}. */
  REPTILE(null, null, "Reptile", "reptile",
      "reptiles", "reptilian", "reptilia", "lizard", "snake", "tortoise", "turtle", "gecko",
      "iguana", "bearded dragon");

  private final SnomedConcept snomed;
  private final String dicomDescription;
  private final String commonName;
  private final Set<String> names;

  Species(String code, String display, String dicomDescription, String commonName,
      String... synonyms) {
    this.snomed = SnomedConcept.ofNullable(code, display);
    this.dicomDescription = dicomDescription;
    this.commonName = commonName;
    this.names = Arrays.stream(synonyms)
        .map(Species::normalize)
        .collect(Collectors.toCollection(HashSet::new));
    names.add(normalize(name()));
    names.add(normalize(dicomDescription));
    names.add(normalize(commonName));
    if (display != null) {
      names.add(normalize(display));
    }
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
   * The SNOMED CT concept id, for Code Value (0008,0100) in Patient Species Code Sequence.
   *
   * @return the code, or {@code null} when unverified
   */
  public String snomedCode() {
    return snomed == null ? null : snomed.code();
  }

  /**
   * The SNOMED CT display (the scientific name), for Code Meaning (0008,0104).
   *
   * @return the display, or {@code null} when the code is unverified
   */
  public String snomedDisplay() {
    return snomed == null ? null : snomed.display();
  }

  /**
   * The free text for Patient Species Description (0010,2201), in the "Canine"/"Feline" style
   * used by veterinary modalities. LO, at most 64 characters (PS3.5 Table 6.2-1).
   *
   * @return the description
   */
  public String dicomDescription() {
    return dicomDescription;
  }

  /**
   * The everyday English name, lower case ("dog", "guinea pig").
   *
   * @return the common name
   */
  public String commonName() {
    return commonName;
  }

  /**
   * Finds the species a free text names: the enum name, the DICOM description ("Canine"), the
   * common name ("dog"), the scientific name, the SNOMED CT code, or a common synonym ("K9",
   * "kitten", "pony"). Matching ignores case, punctuation and surrounding blanks. When the whole
   * text does not match, each word is tried, and a species is returned only if exactly one
   * species matches ("Canine patient" gives DOG, "dog or cat" gives empty).
   *
   * @param text free text, e.g. a Patient Species Description value; may be {@code null}
   * @return the species, or empty if none or more than one matches
   */
  public static Optional<Species> fromText(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String normalized = normalize(text);
    if (normalized.isEmpty()) {
      return Optional.empty();
    }
    for (Species s : values()) {
      if (s.names.contains(normalized) || normalized.equals(s.snomedCode())) {
        return Optional.of(s);
      }
    }
    // Fall back to single words and word pairs ("Domestic Shorthair Cat", "guinea pig, male").
    List<String> words = List.of(normalized.split(" "));
    Set<Species> hits = new HashSet<>();
    for (int i = 0; i < words.size(); i++) {
      for (Species s : values()) {
        if (s.names.contains(words.get(i))) {
          hits.add(s);
        }
        if (i + 1 < words.size() && s.names.contains(words.get(i) + " " + words.get(i + 1))) {
          hits.add(s);
        }
      }
    }
    return hits.size() == 1 ? Optional.of(hits.iterator().next()) : Optional.empty();
  }

  /**
   * Finds the species with the given SNOMED CT concept id.
   *
   * @param code the concept id, may be {@code null}
   * @return the species, or empty when no verified code matches
   */
  public static Optional<Species> fromSnomedCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String c = code.trim();
    return Arrays.stream(values()).filter(s -> c.equals(s.snomedCode())).findFirst();
  }

  /** Lower case, punctuation and underscores to blanks, blanks collapsed ("K-9" gives "k 9"). */
  static String normalize(String text) {
    return text.toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", " ")
        .trim()
        .replaceAll(" +", " ");
  }
}

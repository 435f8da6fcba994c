package org.vetpacs.model.animal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SpeciesTest {

  @ParameterizedTest
  @CsvSource({
    "dog, DOG",
    "Dog, DOG",
    "Canine, DOG",
    "CANINE, DOG",
    "K9, DOG",
    "k-9, DOG",
    "'  canis lupus familiaris ', DOG",
    "448771007, DOG",
    "Canine patient, DOG",
    "cat, CAT",
    "Feline, CAT",
    "Felis catus, CAT",
    "Domestic Shorthair Cat, CAT",
    "Equine, HORSE",
  })
  void fromTextFindsTheSpeciesIgnoringCaseAndPunctuation(String text, Species expected) {
    assertEquals(Optional.of(expected), Species.fromText(text));
  }

  @ParameterizedTest
  @CsvSource({
    "horse, HORSE",
    "pony, HORSE",
    "Equus caballus, HORSE",
    "Lapine, RABBIT",
    "bunny, RABBIT",
    "ferret, FERRET",
    "Guinea Pig, GUINEA_PIG",
    "guinea_pig, GUINEA_PIG",
    "cavy, GUINEA_PIG",
    "Avian, BIRD",
    "budgie, BIRD",
    "bearded dragon, REPTILE",
    "Reptile, REPTILE",
  })
  void fromTextKnowsEveryEnumeratedSpecies(String text, Species expected) {
    assertEquals(Optional.of(expected), Species.fromText(text));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "unicorn", "dog or cat", "---"})
  void fromTextReturnsEmptyForUnknownOrAmbiguousText(String text) {
    assertEquals(Optional.empty(), Species.fromText(text));
  }

  @Test
  void everyDicomDescriptionRoundTrips() {
    for (Species s : Species.values()) {
      assertEquals(Optional.of(s), Species.fromText(s.dicomDescription()), s.name());
      assertEquals(Optional.of(s), Species.fromText(s.name()), s.name());
      assertTrue(s.dicomDescription().length() <= 64, "LO is at most 64 characters");
    }
  }

  @Test
  void snomedCodesAreUniqueAndRoundTrip() {
    Set<String> seen = new HashSet<>();
    for (Species s : Species.values()) {
      if (s.snomedCode() != null) {
        assertTrue(seen.add(s.snomedCode()), "duplicate code " + s.snomedCode());
        assertEquals(Optional.of(s), Species.fromSnomedCode(s.snomedCode()));
        assertEquals(s.snomedCode(), s.snomed().orElseThrow().code());
      }
    }
  }

  @Test
  void verifiedCodesMatchDicomCid7454() {
    assertEquals("448771007", Species.DOG.snomedCode());
    assertEquals("448169003", Species.CAT.snomedCode());
    // 388445009 is the genus Equus; the domestic horse is 35354009.
    assertEquals("35354009", Species.HORSE.snomedCode());
    assertEquals("36571002", Species.RABBIT.snomedCode());
    assertEquals("449310008", Species.FERRET.snomedCode());
    assertEquals("125076001", Species.GUINEA_PIG.snomedCode());
  }

  @Test
  void unverifiedSpeciesHaveNoCodeButADescription() {
    assertNull(Species.BIRD.snomedCode());
    assertNull(Species.REPTILE.snomedDisplay());
    assertTrue(Species.BIRD.snomed().isEmpty());
    assertEquals("Avian", Species.BIRD.dicomDescription());
  }

  @Test
  void dicomDescriptionsAreUnique() {
    long distinct =
        Arrays.stream(Species.values())
            .map(Species::dicomDescription)
            .filter(Objects::nonNull)
            .distinct()
            .count();
    assertEquals(Species.values().length, distinct);
  }
}

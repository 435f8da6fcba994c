package org.vetpacs.model.animal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BreedTest {

  @Test
  void snomedCodesAreUniqueAcrossBreedsAndSpecies() {
    Set<String> seen = new HashSet<>();
    for (Species s : Species.values()) {
      if (s.snomedCode() != null) {
        seen.add(s.snomedCode());
      }
    }
    for (Breed b : Breed.values()) {
      if (b.snomedCode() != null) {
        assertTrue(seen.add(b.snomedCode()), "duplicate code " + b.snomedCode() + " on " + b);
      }
    }
  }

  @Test
  void everyBreedHasADescriptionThatFitsLo() {
    for (Breed b : Breed.values()) {
      assertFalse(b.description().isBlank());
      assertTrue(b.description().length() <= 64);
      assertEquals(b.snomedCode() == null, b.snomedDisplay() == null, b.name());
    }
  }

  @Test
  void dogsCatsAndHorsesHaveSeveralBreeds() {
    assertTrue(Breed.of(Species.DOG).size() >= 5);
    assertTrue(Breed.of(Species.CAT).size() >= 3);
    assertTrue(Breed.of(Species.HORSE).size() >= 3);
    assertTrue(Breed.of(Species.FERRET).isEmpty());
    Breed.of(Species.CAT).forEach(b -> assertEquals(Species.CAT, b.species()));
  }

  @Test
  void fromTextFindsByDescriptionNameDisplayOrCode() {
    assertEquals(Optional.of(Breed.LABRADOR_RETRIEVER), Breed.fromText("labrador retriever"));
    assertEquals(Optional.of(Breed.LABRADOR_RETRIEVER), Breed.fromText("LABRADOR_RETRIEVER"));
    assertEquals(Optional.of(Breed.LABRADOR_RETRIEVER), Breed.fromText("62137007"));
    assertEquals(Optional.of(Breed.SIAMESE), Breed.fromText("Siamese cat"));
    assertEquals(Optional.of(Breed.QUARTER_HORSE), Breed.fromText("Quarter Horse"));
  }

  @Test
  void fromTextNeedsTheSpeciesForSharedDescriptions() {
    assertEquals(Optional.empty(), Breed.fromText("Mixed Breed"));
    assertEquals(Optional.of(Breed.MIXED_BREED_CAT), Breed.fromText("Mixed Breed", Species.CAT));
    assertEquals(Optional.empty(), Breed.fromText(null));
    assertEquals(Optional.empty(), Breed.fromText("Labradoodle"));
  }

  @Test
  void unverifiedBreedHasNoCode() {
    assertNull(Breed.THOROUGHBRED.snomedCode());
    assertTrue(Breed.THOROUGHBRED.snomed().isEmpty());
  }
}

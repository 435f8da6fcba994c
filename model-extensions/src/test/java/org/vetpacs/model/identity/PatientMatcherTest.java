package org.vetpacs.model.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.vetpacs.model.animal.Species;
import org.vetpacs.model.identity.PatientMatcher.Outcome;

/** Three golden retrievers named Bailey, one owner: the matching rules tell them apart. */
class PatientMatcherTest {

  private static final LocalDate B1 = LocalDate.of(2015, 4, 2);
  private static final LocalDate B2 = LocalDate.of(2019, 8, 30);
  private static final LocalDate B3 = LocalDate.of(2023, 1, 15);

  private static AnimalIdentity animal(String id, String name, String owner, Species s,
      LocalDate birth) {
    return new AnimalIdentity(id, ClinicName.parse(name), owner, s, birth);
  }

  private final AnimalIdentity bailey1 = animal("P1", "BAILEY^SMITH", "Smith", Species.DOG, B1);
  private final AnimalIdentity bailey2 = animal("P2", "BAILEY^SMITH", "Smith", Species.DOG, B2);
  private final AnimalIdentity bailey3 = animal("P3", "BAILEY^SMITH", "Smith", Species.DOG, B3);
  private final List<AnimalIdentity> baileys = List.of(bailey1, bailey2, bailey3);

  private PatientMatcher.Result<AnimalIdentity> match(AnimalIdentity probe,
      List<AnimalIdentity> known) {
    return PatientMatcher.match(probe, known, Function.identity());
  }

  @Test
  void clinicPatientIdDecidesFirst() {
    var r = match(animal("P2", "Bailey Smith", null, null, null), baileys);
    assertEquals(Outcome.MATCHED, r.outcome());
    assertEquals("id", r.rule());
    assertEquals(Optional.of(bailey2), r.match());
  }

  @Test
  void idWinsEvenWhenDemographicsPointElsewhere() {
    // The header says P3 but has the birth date of P1: the ID decides.
    var r = match(animal("P3", "BAILEY^SMITH", "Smith", Species.DOG, B1), baileys);
    assertEquals(Optional.of(bailey3), r.match());
  }

  @Test
  void withoutIdNamePlusOwnerPlusSpeciesPlusBirthDateTellsTheThreeApart() {
    for (AnimalIdentity b : baileys) {
      var r = match(animal(null, "Bailey (Dog)", "SMITH", Species.DOG, b.birthDate()), baileys);
      assertEquals(Outcome.MATCHED, r.outcome(), "birth " + b.birthDate());
      assertEquals("demographics", r.rule());
      assertEquals(Optional.of(b), r.match());
    }
  }

  @Test
  void withoutIdOrBirthDateTheThreeAreAmbiguousNeverGuessed() {
    var r = match(animal(null, "BAILEY^SMITH", "Smith", Species.DOG, null), baileys);
    assertEquals(Outcome.NONE, r.outcome());
    assertTrue(r.match().isEmpty());
  }

  @Test
  void littermatesWithOneBirthDateAndNoIdAreAmbiguous() {
    AnimalIdentity twinA = animal(null, "BAILEY^SMITH", "Smith", Species.DOG, B1);
    AnimalIdentity twinB = animal(null, "Bailey Smith", "Smith", Species.DOG, B1);
    var r = match(animal(null, "Smith, Bailey", "Smith", Species.DOG, B1), List.of(twinA, twinB));
    assertEquals(Outcome.AMBIGUOUS, r.outcome());
    assertEquals(2, r.candidates().size());
  }

  @Test
  void aDifferentIdIsNeverMatchedByDemographics() {
    var r = match(animal("P9", "BAILEY^SMITH", "Smith", Species.DOG, B1), baileys);
    assertEquals(Outcome.NONE, r.outcome());
  }

  @Test
  void anUnknownIdFallsBackToDemographicsAmongRecordsWithoutId() {
    AnimalIdentity noId = animal(null, "BAILEY^SMITH", "Smith", Species.DOG, B1);
    var r = match(animal("P9", "BAILEY^SMITH", "Smith", Species.DOG, B1), List.of(noId));
    assertEquals(Optional.of(noId), r.match());
  }

  @Test
  void speciesOwnerAndNameAllCount() {
    AnimalIdentity cat = animal(null, "BAILEY^SMITH", "Smith", Species.CAT, B1);
    AnimalIdentity other = animal(null, "BAILEY^JONES", "Jones", Species.DOG, B1);
    AnimalIdentity bella = animal(null, "BELLA^SMITH", "Smith", Species.DOG, B1);
    var r = match(animal(null, "BAILEY^SMITH", "Smith", Species.DOG, B1), List.of(cat, other, bella));
    assertEquals(Outcome.NONE, r.outcome());
  }

  @Test
  void ownerFallsBackToTheFamilyInTheName() {
    AnimalIdentity a = animal(null, "BAILEY^SMITH", null, Species.DOG, B1);
    AnimalIdentity b = animal(null, "Bailey Smith", "smith", Species.DOG, B1);
    assertTrue(PatientMatcher.sameAnimal(a, b));
    assertEquals("SMITH", a.ownerKey());
  }

  @Test
  void matchKeysFollowTheRules() {
    assertEquals(Optional.of("ID|P1"), bailey1.matchKey());
    assertEquals(Optional.of("ANIMAL|BAILEY|SMITH|DOG|2015-04-02"),
        animal(null, "Bailey (Dog)", "Smith", Species.DOG, B1).matchKey());
    assertFalse(animal(null, "Bailey", null, Species.DOG, B1).matchKey().isPresent());
    assertFalse(animal(" ", "Bailey^Smith", "Smith", null, B1).matchKey().isPresent());
    assertEquals(3, baileys.stream().map(a -> a.demographicKey().orElseThrow()).distinct().count());
  }

  @Test
  void noCandidatesIsNone() {
    assertEquals(Outcome.NONE, match(bailey1, List.of()).outcome());
  }
}

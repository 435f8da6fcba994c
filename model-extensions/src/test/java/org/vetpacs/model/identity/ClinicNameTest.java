package org.vetpacs.model.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ClinicNameTest {

  @ParameterizedTest(name = "[{index}] \"{0}\" (owner {1}) -> {2} ^ {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "BAILEY^SMITH | NULL | BAILEY | SMITH",
        "Bailey^Smith | NULL | Bailey | Smith",
        "BAILEY^SMITH^^^ | NULL | BAILEY | SMITH",
        "BAILEY | NULL | BAILEY | ''",
        "BAILEY^ | SMITH | BAILEY | SMITH",
        "Bailey Smith | NULL | Bailey | Smith",
        "Bailey  Smith  | NULL | Bailey | Smith",
        "Smith, Bailey | NULL | Bailey | Smith",
        "SMITH,BAILEY | NULL | BAILEY | SMITH",
        "Bailey (Dog) | NULL | Bailey | ''",
        "Bailey (Dog) | Smith | Bailey | Smith",
        "Bailey (Dog) Smith | NULL | Bailey | Smith",
        "Bailey [canine] Smith | NULL | Bailey | Smith",
        "Max (K9) | NULL | Max | ''",
        "Luna () Jones | NULL | Luna | Jones",
        "Bailey (Bubba) Smith | NULL | Bailey Bubba | Smith",
        "\"Bailey\" Smith | NULL | Bailey | Smith",
        "Mr Whiskers Jones | Jones | Mr Whiskers | Jones",
        "Jones Mr Whiskers | Jones | Mr Whiskers | Jones",
        "Mr Whiskers | Jones | Mr Whiskers | Jones",
        "Sir Pounce Van Der Berg | Van Der Berg | Sir Pounce | Van Der Berg",
        "Bella | NULL | Bella | ''",
        "NULL | NULL | '' | ''",
        "'   ' | Smith | '' | Smith",
      })
  void parsesClinicSpellings(String text, String owner, String pet, String family) {
    ClinicName name = ClinicName.parse(text, owner);
    assertEquals(pet, name.petName());
    assertEquals(family, name.ownerFamily());
  }

  @Test
  void theUsualSpellingsOfOneAnimalHaveOneKey() {
    String key = ClinicName.parse("BAILEY^SMITH").key();
    assertEquals(key, ClinicName.parse("Bailey Smith").key());
    assertEquals(key, ClinicName.parse("Smith, Bailey").key());
    assertEquals(key, ClinicName.parse("Bailey (Dog)", "Smith").key());
    assertEquals(key, ClinicName.parse("bailey^smith").key());
    assertEquals(key, ClinicName.parse("Baïley^Smîth").key());
    assertEquals("BAILEY^SMITH", key);
  }

  @Test
  void differentPetsOfOneOwnerHaveDifferentKeys() {
    assertNotEquals(ClinicName.parse("BAILEY^SMITH").key(), ClinicName.parse("BELLA^SMITH").key());
    assertNotEquals(ClinicName.parse("BAILEY^SMITH").key(), ClinicName.parse("BAILEY^JONES").key());
  }

  @Test
  void writesDicomInUpperCaseAndDisplaysInTitleCase() {
    ClinicName name = ClinicName.parse("Bailey Smith");
    assertEquals("BAILEY^SMITH", name.toDicom());
    ClinicName upper = ClinicName.parse("O'MALLEY^MC-DONALD");
    assertEquals("O'malley", upper.petDisplay());
    assertEquals("Mc-Donald", upper.ownerDisplay());
    assertEquals("MacKenzie", ClinicName.parse("MacKenzie^X").petDisplay());
    assertEquals("REX", new ClinicName("Rex", "").toDicom());
  }

  @Test
  void spellingsAreEqualByKey() {
    assertEquals(ClinicName.parse("BAILEY^SMITH"), ClinicName.parse("Smith, Bailey"));
    assertEquals(ClinicName.parse("BAILEY^SMITH").hashCode(),
        ClinicName.parse("Smith, Bailey").hashCode());
  }

  @Test
  void foldRemovesAccentsCaseAndPunctuation() {
    assertEquals("ZOE O MALLEY", ClinicName.fold("  Zoë  O'Malley "));
    assertEquals("", ClinicName.fold(null));
    assertTrue(ClinicName.parse(null).isEmpty());
  }
}

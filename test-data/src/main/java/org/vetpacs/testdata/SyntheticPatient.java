package org.vetpacs.testdata;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.vetpacs.model.animal.Breed;
import org.vetpacs.model.animal.NeuterStatus;
import org.vetpacs.model.animal.Sex;
import org.vetpacs.model.animal.Species;

/**
 * An invented animal, its owner and its clinic. Names come from short fixed lists so that no real
 * patient data can ever appear; combined with the random IDs they are unique enough for tests.
 */
record SyntheticPatient(
    String petName,
    String ownerLastName,
    String ownerFirstName,
    String patientId,
    LocalDate birthDate,
    Species species,
    Breed breed,
    Sex sex,
    NeuterStatus neuterStatus,
    String clinic) {

  private static final List<String> PET_NAMES = List.of(
      "BAILEY", "BELLA", "MAX", "LUNA", "CHARLIE", "DAISY", "COOPER", "LUCY", "ROCKY", "MOLLY",
      "BUDDY", "SADIE", "TUCKER", "MAGGIE", "OLIVER", "CHLOE", "MILO", "NALA", "WINSTON", "PEPPER",
      "JASPER", "WILLOW", "BISCUIT", "HAZEL", "GINGER", "MOCHA");
  private static final List<String> HORSE_NAMES = List.of(
      "THUNDER", "MISTY", "DUKE", "STORM", "BLAZE", "SHADOW", "COMET", "MAPLE", "JUNIPER", "RANGER",
      "SAFFRON", "TEMPEST");
  private static final List<String> OWNER_LAST_NAMES = List.of(
      "SMITH", "JOHNSON", "WILLIAMS", "BROWN", "JONES", "MILLER", "DAVIS", "GARCIA", "WILSON",
      "ANDERSON", "TAYLOR", "THOMAS", "MOORE", "MARTIN", "JACKSON", "WHITE", "HARRIS", "CLARK",
      "LEWIS", "WALKER", "HALL", "YOUNG");
  private static final List<String> OWNER_FIRST_NAMES = List.of(
      "JAMES", "MARY", "ROBERT", "PATRICIA", "JOHN", "JENNIFER", "MICHAEL", "LINDA", "DAVID",
      "ELIZABETH", "SARAH", "DANIEL", "EMMA", "OLIVIA", "NOAH", "LIAM");
  private static final List<String> CLINICS = List.of(
      "Riverside Veterinary Clinic", "Oak Hill Animal Hospital", "Lakeside Pet Clinic",
      "Meadowbrook Equine Practice", "Northgate Veterinary Referrals", "Willow Creek Vets");

  /** Patient's Name (0010,0010) in the clinic convention {@code PETNAME^OWNERLASTNAME}. */
  String dicomName() {
    return petName + "^" + ownerLastName;
  }

  /** Responsible Person (0010,2297), PN {@code OWNERLAST^OWNERFIRST}. */
  String responsiblePerson() {
    return ownerLastName + "^" + ownerFirstName;
  }

  /**
   * Draws a patient of the given species born some months to years before {@code studyDate}.
   * The order of draws is fixed: changing it changes every file a seed gives.
   */
  static SyntheticPatient draw(Random random, Species species, LocalDate studyDate) {
    List<String> names = species == Species.HORSE ? HORSE_NAMES : PET_NAMES;
    String pet = pick(random, names);
    String ownerLast = pick(random, OWNER_LAST_NAMES);
    String ownerFirst = pick(random, OWNER_FIRST_NAMES);
    String id = String.format("VP%07d", random.nextInt(10_000_000));
    LocalDate birth = studyDate.minusDays(120 + random.nextInt(16 * 365));
    List<Breed> breeds = Breed.of(species);
    Breed breed = breeds.isEmpty() ? null : pick(random, breeds);
    Sex sex = random.nextBoolean() ? Sex.M : Sex.F;
    NeuterStatus neuter = random.nextInt(10) < 7 ? NeuterStatus.ALTERED : NeuterStatus.UNALTERED;
    String clinic = pick(random, CLINICS);
    return new SyntheticPatient(
        pet, ownerLast, ownerFirst, id, birth, species, breed, sex, neuter, clinic);
  }

  private static <T> T pick(Random random, List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}

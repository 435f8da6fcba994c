package org.vetpacs.model.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.junit.jupiter.api.Test;
import org.vetpacs.model.animal.Breed;
import org.vetpacs.model.animal.NeuterStatus;
import org.vetpacs.model.animal.Species;
import org.vetpacs.model.fhir.AnimalDicomMapping.AnimalResources;
import org.vetpacs.model.fhir.DicomPatientModule.BreedRegistration;
import org.vetpacs.model.fhir.DicomPatientModule.CodedValue;
import org.vetpacs.model.identity.PatientMatcher;

class AnimalDicomMappingTest {

  private static DicomPatientModule goldenBailey() {
    return new DicomPatientModule("BAILEY^SMITH", "VP0001", "Riverside PIMS", "20190830", "F",
        "Canine", new CodedValue("448771007", "SCT", "Canis lupus familiaris"), "Golden Retriever",
        new CodedValue("58108001", "SCT", "Golden retriever dog breed"),
        List.of(new BreedRegistration("SR123456", new CodedValue("AKC", "99X", "American Kennel Club"))),
        "SMITH^JANE", "OWNER", "Riverside Veterinary Clinic", "ALTERED");
  }

  @Test
  void dicomHeaderBecomesAnAnimalPatientAndItsOwner() {
    AnimalResources r = AnimalDicomMapping.toFhir(goldenBailey());
    Patient p = r.patient();
    assertEquals("VP0001", p.getIdentifierFirstRep().getValue());
    assertEquals(VetFhir.SID_PATIENT_ID, p.getIdentifierFirstRep().getSystem());
    assertEquals("Riverside PIMS", p.getIdentifierFirstRep().getAssigner().getDisplay());
    assertEquals("Bailey", p.getNameFirstRep().getGivenAsSingleString());
    assertEquals("Smith", p.getNameFirstRep().getFamily());
    assertEquals("2019-08-30", p.getBirthDateElement().getValueAsString());
    assertEquals(AdministrativeGender.FEMALE, p.getGender());
    assertEquals(Optional.of(Species.DOG), AnimalExtension.species(p));
    assertEquals(Optional.of(Breed.GOLDEN_RETRIEVER), AnimalExtension.breed(p));
    assertEquals(Optional.of(NeuterStatus.ALTERED), AnimalExtension.neuterStatus(p));
    assertEquals("Canine", AnimalExtension.speciesOf(p).orElseThrow().getText());
    assertEquals(VetFhir.SNOMED, AnimalExtension.speciesOf(p).orElseThrow().getCodingFirstRep().getSystem());
    assertEquals("Riverside Veterinary Clinic", p.getManagingOrganization().getDisplay());
    assertTrue(p.getIdentifier().stream().anyMatch(
        i -> (VetFhir.SID_BREED_REGISTRATION_PREFIX + "AKC").equals(i.getSystem())
            && "SR123456".equals(i.getValue())));
    RelatedPerson owner = r.owner();
    assertNotNull(owner);
    assertEquals("Smith", owner.getNameFirstRep().getFamily());
    assertEquals("Jane", owner.getNameFirstRep().getGivenAsSingleString());
    assertEquals(Optional.of("OWNER"), Owners.role(owner));
  }

  @Test
  void roundTripKeepsEveryMappedAttribute() {
    DicomPatientModule in = goldenBailey();
    AnimalResources r = AnimalDicomMapping.toFhir(in);
    DicomPatientModule out = AnimalDicomMapping.toDicom(r.patient(), r.owner());
    assertEquals("BAILEY^SMITH", out.patientName());
    assertEquals(in.patientId(), out.patientId());
    assertEquals(in.birthDate(), out.birthDate());
    assertEquals(in.sex(), out.sex());
    assertEquals(in.speciesDescription(), out.speciesDescription());
    assertEquals("448771007", out.speciesCode().value());
    assertEquals("SCT", out.speciesCode().scheme());
    assertEquals(in.breedDescription(), out.breedDescription());
    assertEquals("58108001", out.breedCode().value());
    assertEquals("SMITH^JANE", out.responsiblePerson());
    assertEquals("OWNER", out.responsiblePersonRole());
    assertEquals(in.responsibleOrganization(), out.responsibleOrganization());
    assertEquals("ALTERED", out.sexNeutered());
    assertEquals("SR123456", out.breedRegistrations().get(0).number());
    assertEquals("AKC", out.breedRegistrations().get(0).registry().value());
  }

  @Test
  void speciesWithoutCodeIsReadFromTheDescription() {
    DicomPatientModule m = DicomPatientModule.basic("TWEETY^BROWN", "VP9", null, "O", "Avian",
        null, "BROWN", null);
    Patient p = AnimalDicomMapping.toFhir(m).patient();
    assertEquals(Optional.of(Species.BIRD), AnimalExtension.species(p));
    assertEquals(VetFhir.CS_SPECIES,
        AnimalExtension.speciesOf(p).orElseThrow().getCodingFirstRep().getSystem());
    assertEquals(AdministrativeGender.OTHER, p.getGender());
    assertNull(AnimalDicomMapping.toDicom(p, null).speciesCode());
    assertEquals("Avian", AnimalDicomMapping.toDicom(p, null).speciesDescription());
  }

  @Test
  void anUnknownSnomedCodeIsKeptAsReceived() {
    DicomPatientModule m = new DicomPatientModule("NIBBLES^HALL", "VP5", null, null, null,
        "Chinchilla", new CodedValue("1234567", "SCT", "Chinchilla lanigera"), null, null, null,
        null, null, null, null);
    Patient p = AnimalDicomMapping.toFhir(m).patient();
    assertTrue(AnimalExtension.species(p).isEmpty());
    var coding = AnimalExtension.speciesOf(p).orElseThrow().getCodingFirstRep();
    assertEquals(VetFhir.SNOMED, coding.getSystem());
    assertEquals("1234567", coding.getCode());
    assertEquals("1234567", AnimalDicomMapping.toDicom(p, null).speciesCode().value());
  }

  @Test
  void emptyHeaderValuesGiveAnEmptyButValidPatient() {
    DicomPatientModule m = DicomPatientModule.basic(" ", null, "", null, null, null, null, null);
    AnimalResources r = AnimalDicomMapping.toFhir(m);
    assertTrue(r.patient().getIdentifier().isEmpty());
    assertTrue(r.patient().getName().isEmpty());
    assertNull(r.owner());
    assertTrue(AnimalExtension.find(r.patient()).isPresent()); // species concept, empty
  }

  @Test
  void patientIdPrefersOurSystemThenAnyButMicrochip() {
    Patient p = new Patient();
    p.addIdentifier(Microchip.identifier("985 141 000 123 456"));
    p.addIdentifier().setSystem("https://pims.example/patients").setValue("PIMS-77");
    assertEquals(Optional.of("PIMS-77"), AnimalDicomMapping.dicomPatientId(p));
    p.addIdentifier().setSystem(VetFhir.SID_PATIENT_ID).setValue("VP42");
    assertEquals(Optional.of("VP42"), AnimalDicomMapping.dicomPatientId(p));
    assertEquals(Optional.of("985141000123456"), Microchip.of(p));
  }

  @Test
  void microchipMustBeFifteenDigits() {
    assertTrue(Microchip.isIso11784("985-141-000-123-456"));
    assertThrows(IllegalArgumentException.class, () -> Microchip.identifier("12345"));
    assertThrows(IllegalArgumentException.class, () -> Microchip.identifier("98514100012345X"));
  }

  @Test
  void pimsPatientWithTextNameMapsToTheClinicConvention() {
    Patient p = new Patient();
    p.addName().setText("Bailey (Dog)");
    RelatedPerson owner = Owners.owner("Smith", "Jane", "C-17", "+1 555 0100", "jane@example.org",
        new Reference("Patient/1"));
    assertEquals("BAILEY^SMITH", AnimalDicomMapping.toDicom(p, owner).patientName());
    assertEquals("SMITH^JANE", AnimalDicomMapping.toDicom(p, owner).responsiblePerson());
  }

  @Test
  void fhirAndDicomIdentitiesOfOneAnimalMatch() {
    AnimalResources r = AnimalDicomMapping.toFhir(goldenBailey());
    var fromFhir = AnimalDicomMapping.identity(r.patient(), r.owner());
    var fromDicom = AnimalDicomMapping.identity(goldenBailey());
    assertTrue(PatientMatcher.sameAnimal(fromDicom, fromFhir));
    var withoutId = new org.vetpacs.model.identity.AnimalIdentity(null, fromDicom.name(),
        fromDicom.owner(), fromDicom.species(), fromDicom.birthDate());
    assertTrue(PatientMatcher.sameAnimal(withoutId, fromFhir));
  }

  @Test
  void ownerIsLinkedOnce() {
    Patient p = new Patient();
    Owners.link(p, "RelatedPerson/5");
    Owners.link(p, "RelatedPerson/5");
    assertEquals(List.of("RelatedPerson/5"), Owners.ownerReferences(p));
    assertEquals(Patient.LinkType.SEEALSO, p.getLinkFirstRep().getType());
  }
}

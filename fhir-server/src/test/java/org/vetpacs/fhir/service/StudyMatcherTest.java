package org.vetpacs.fhir.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.junit.jupiter.api.Test;
import org.vetpacs.dicomweb.dicom.DicomDataset;
import org.vetpacs.model.animal.Breed;
import org.vetpacs.model.animal.NeuterStatus;
import org.vetpacs.model.animal.Species;
import org.vetpacs.model.fhir.AnimalExtension;
import org.vetpacs.model.fhir.DicomPatientModule;
import org.vetpacs.model.fhir.Owners;
import org.vetpacs.model.fhir.VetFhir;

/** Study to order and animal: the matching rules and the header values a match coerces to. */
class StudyMatcherTest {

  private final FhirContext ctx = FhirContext.forR4Cached();
  private final InMemoryFhirResourceStore store = new InMemoryFhirResourceStore();
  private final PatientService patients = new PatientService(ctx, store, null);
  private final RelatedPersonService owners = new RelatedPersonService(ctx, store, null);
  private final ServiceRequestService orders = new ServiceRequestService(ctx, store, null);
  private final StudyMatcher matcher = new StudyMatcher(patients, owners, orders);

  private Patient dog(String patientId, String pet, String owner) {
    Patient p = new Patient();
    p.addIdentifier().setSystem(VetFhir.SID_PATIENT_ID).setValue(patientId);
    p.addName().setFamily(owner).addGiven(pet);
    p.setGender(AdministrativeGender.FEMALE);
    p.setBirthDateElement(new DateType("2019-08-30"));
    AnimalExtension.write(p, Species.DOG, null, Breed.GOLDEN_RETRIEVER, null,
        NeuterStatus.ALTERED);
    return patients.create(p, null).resource();
  }

  private RelatedPerson ownerOf(Patient p, String family) {
    RelatedPerson o = Owners.owner(family, "Jane", null, null, null,
        new Reference("Patient/" + p.getIdElement().getIdPart()));
    RelatedPerson saved = owners.create(o, null).resource();
    Owners.link(p, "RelatedPerson/" + saved.getIdElement().getIdPart());
    patients.systemUpdate(p.getIdElement().getIdPart(), p);
    return saved;
  }

  private ServiceRequest order(Patient p) {
    ServiceRequest r = new ServiceRequest();
    r.setStatus(ServiceRequestStatus.ACTIVE).setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    r.setSubject(new Reference("Patient/" + p.getIdElement().getIdPart()));
    return orders.create(r, null).resource();
  }

  private static String accession(ServiceRequest r) {
    return ServiceRequestService.accessionNumbers(r).get(0);
  }

  private static DicomPatientModule header(String name, String id, String birth,
      String species, String responsible) {
    return DicomPatientModule.basic(name, id, birth, "F", species, null, responsible, null);
  }

  @Test
  void accessionNumberMatchesTheOrderAndItsAnimalWhateverTheNameSays() {
    Patient bailey = dog("P-1", "Bailey", "Smith");
    ServiceRequest order = order(bailey);

    StudyMatcher.Match m = matcher.match(accession(order),
        header("BAYLEY^SMYTH", "WRONG-ID", null, null, null));

    assertEquals(StudyMatcher.Outcome.MATCHED, m.outcome());
    assertEquals("accession", m.rule());
    assertEquals(bailey.getIdElement().getIdPart(), m.patient().getIdElement().getIdPart());
    assertEquals(order.getIdElement().getIdPart(), m.order().getIdElement().getIdPart());
  }

  @Test
  void aRevokedOrderDoesNotMatch() {
    Patient bailey = dog("P-2", "Bailey", "Smith");
    ServiceRequest order = order(bailey);
    order.setStatus(ServiceRequestStatus.REVOKED);
    orders.update(order.getIdElement().getIdPart(), null, order);

    StudyMatcher.Match m = matcher.match(accession(order),
        header("NOBODY^NOWHERE", "X-9", null, null, null));

    assertEquals(StudyMatcher.Outcome.UNMATCHED, m.outcome());
  }

  @Test
  void withoutAccessionThePatientIdMatchesARegisteredAnimalAndItsOnlyActiveOrder() {
    Patient luna = dog("P-3", "Luna", "Jones");
    ServiceRequest order = order(luna);

    StudyMatcher.Match m = matcher.match("", header("LUNA", "P-3", null, null, null));

    assertEquals(StudyMatcher.Outcome.MATCHED, m.outcome());
    assertEquals("id", m.rule());
    assertEquals(order.getIdElement().getIdPart(), m.order().getIdElement().getIdPart());
  }

  @Test
  void demographicsMatchWhenNameOwnerSpeciesAndBirthDateAgree() {
    Patient max = dog("P-4", "Max", "Brown");

    StudyMatcher.Match m = matcher.match(null,
        header("Max Brown", "", "20190830", "Canine", "BROWN^JANE"));

    assertEquals(StudyMatcher.Outcome.MATCHED, m.outcome());
    assertEquals("demographics", m.rule());
    assertEquals(max.getIdElement().getIdPart(), m.patient().getIdElement().getIdPart());
    assertNull(m.order());
  }

  @Test
  void aWrongNameWithoutAccessionOrIdIsUnmatched() {
    dog("P-5", "Bella", "Green");

    StudyMatcher.Match m = matcher.match(null, header("BELA^GREEN", "", null, null, null));

    assertEquals(StudyMatcher.Outcome.UNMATCHED, m.outcome());
  }

  @Test
  void twoRegisteredAnimalsWithTheSameDemographicsAreAmbiguous() {
    Patient a = dog("", "Coco", "White");
    Patient b = dog("", "Coco", "White");
    a.getIdentifier().clear();
    b.getIdentifier().clear();
    patients.systemUpdate(a.getIdElement().getIdPart(), a);
    patients.systemUpdate(b.getIdElement().getIdPart(), b);

    StudyMatcher.Match m = matcher.match(null,
        header("COCO^WHITE", "", "20190830", "Dog", "WHITE^JANE"));

    assertEquals(StudyMatcher.Outcome.AMBIGUOUS, m.outcome());
    assertEquals(2, m.candidates().size());
  }

  @Test
  void aPatientTheServerDerivedIsNotARegisteredAnimal() {
    Patient derived = new Patient();
    derived.addIdentifier().setSystem(VetFhir.SID_PATIENT_ID).setValue("D-1");
    derived.addName().addGiven("Rex");
    patients.createDerived(derived);

    StudyMatcher.Match m = matcher.match(null, header("REX", "D-1", null, null, null));

    assertEquals(StudyMatcher.Outcome.UNMATCHED, m.outcome());
  }

  @Test
  void aMergedPatientStandsForItsTarget() {
    Patient source = dog("P-6", "Milo", "Black");
    Patient target = dog("P-7", "Milo", "Black");
    source.setActive(false);
    source.addLink().setOther(new Reference("Patient/" + target.getIdElement().getIdPart()))
        .setType(Patient.LinkType.REPLACEDBY);
    patients.systemUpdate(source.getIdElement().getIdPart(), source);

    StudyMatcher.Match m = matcher.match(null, header("MILO^BLACK", "P-6", null, null, null));

    assertEquals(target.getIdElement().getIdPart(), m.patient().getIdElement().getIdPart());
  }

  @Test
  void coercedValuesAreTheRegisteredAnimalsInTheClinicConventionWithCodesAndOrderAccession() {
    Patient bailey = dog("P-8", "Bailey", "Smith");
    ownerOf(bailey, "Smith");
    ServiceRequest order = order(bailey);
    StudyMatcher.Match m = matcher.match(accession(order),
        header("bailey smith", "", null, null, null));

    DicomDataset d = AnimalHeader.of(m.patient(), m.owner(), m.order(), null, null);

    assertEquals("BAILEY^SMITH", d.string(0x00100010));
    assertEquals("P-8", d.string(0x00100020));
    assertEquals("20190830", d.string(0x00100030));
    assertEquals("F", d.string(0x00100040));
    assertEquals("ALTERED", d.string(0x00102203));
    assertEquals("SMITH^JANE", d.string(0x00102297));
    assertEquals("OWNER", d.string(0x00102298));
    assertEquals(accession(order), d.string(0x00080050));
    DicomDataset species = (DicomDataset) d.get(0x00102202).values().get(0);
    assertEquals(Species.DOG.snomedCode(), species.string(0x00080100));
    assertEquals("SCT", species.string(0x00080102));
    DicomDataset breed = (DicomDataset) d.get(0x00102293).values().get(0);
    assertEquals(Breed.GOLDEN_RETRIEVER.snomedCode(), breed.string(0x00080100));
  }

  @Test
  void freeTextBreedFromTheModalityGetsItsSnomedCodeWhenTheRegistryHasNone() {
    Patient p = new Patient();
    p.addIdentifier().setSystem(VetFhir.SID_PATIENT_ID).setValue("P-9");
    p.addName().setFamily("Gray").addGiven("Tom");
    AnimalExtension.write(p, Species.CAT, null, null, null, null);
    Patient tom = patients.create(p, null).resource();

    DicomDataset d = AnimalHeader.of(tom, null, null, "Feline", "Maine Coon");

    assertTrue(d.contains(0x00102293), "breed code from the header's text");
    assertEquals(Breed.MAINE_COON.snomedCode(),
        ((DicomDataset) d.get(0x00102293).values().get(0)).string(0x00080100));
    assertTrue(!d.contains(0x00102292), "the header's breed text is kept, not blanked");
  }

}

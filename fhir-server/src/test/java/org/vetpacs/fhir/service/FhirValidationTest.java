package org.vetpacs.fhir.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.vetpacs.model.animal.Breed;
import org.vetpacs.model.animal.NeuterStatus;
import org.vetpacs.model.animal.Species;
import org.vetpacs.model.fhir.AnimalExtension;
import org.vetpacs.model.fhir.ConformanceResources;
import org.vetpacs.model.fhir.VetFhir;

class FhirValidationTest {

  static final FhirContext CTX = FhirContext.forR4Cached();
  static final FhirValidation VALIDATION =
      new FhirValidation(CTX, new ConformanceResources(CTX));

  static Patient dog() {
    Patient p = new Patient();
    p.getMeta().addProfile(VetFhir.SD_PATIENT);
    p.addIdentifier().setSystem(VetFhir.SID_PATIENT_ID).setValue("VP1");
    p.addName().setFamily("Smith").addGiven("Bailey");
    AnimalExtension.write(p, Species.DOG, null, Breed.GOLDEN_RETRIEVER, null, NeuterStatus.ALTERED);
    return p;
  }

  @Test
  void everyPublishedStructureDefinitionIsItselfValid() {
    // the conformance suite validates what /fhir/StructureDefinition serves: so must this build
    for (org.hl7.fhir.r4.model.StructureDefinition sd
        : new ConformanceResources(CTX).structureDefinitions()) {
      org.hl7.fhir.r4.model.StructureDefinition copy = sd.copy();
      assertDoesNotThrow(() -> VALIDATION.validate(copy), sd.getUrl());
    }
  }

  @Test
  void aDogWithTheAnimalExtensionIsValid() {
    assertDoesNotThrow(() -> VALIDATION.validate(dog()));
  }

  @Test
  void aPatientWithoutSpeciesIsRejectedNamingThePath() {
    Patient p = dog();
    p.getExtension().clear();
    UnprocessableEntityException e =
        assertThrows(UnprocessableEntityException.class, () -> VALIDATION.validate(p));
    OperationOutcome oo = (OperationOutcome) e.getOperationOutcome();
    System.out.println(CTX.newJsonParser().encodeResourceToString(oo));
    assertTrue(oo.getIssue().stream().anyMatch(i -> i.getExpression().toString().contains("Patient")));
  }

  @Test
  void anOrderWithoutCodeIsRejectedNamingTheElement() {
    org.hl7.fhir.r4.model.ServiceRequest sr = new org.hl7.fhir.r4.model.ServiceRequest();
    sr.getMeta().addProfile(VetFhir.SD_SERVICE_REQUEST);
    sr.setStatus(org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus.ACTIVE);
    sr.setIntent(org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent.ORDER);
    sr.setSubject(new org.hl7.fhir.r4.model.Reference("Patient/1"));
    UnprocessableEntityException e =
        assertThrows(UnprocessableEntityException.class, () -> VALIDATION.validate(sr));
    String oo = CTX.newJsonParser().encodeResourceToString(e.getOperationOutcome());
    assertTrue(oo.contains("ServiceRequest.code"), oo);
  }

  @Test
  void aBirdWithOurSpeciesCodeIsValid() {
    Patient p = dog();
    AnimalExtension.write(p, Species.BIRD, null, null, null, null);
    assertDoesNotThrow(() -> VALIDATION.validate(p));
  }

  @Test
  void anUnknownSpeciesCodeOfOurSystemIsRejected() {
    Patient p = dog();
    AnimalExtension.speciesOf(p).orElseThrow().getCoding().get(1).setCode("DRAGON");
    assertThrows(UnprocessableEntityException.class, () -> VALIDATION.validate(p));
  }

  @Test
  void anAiReportNamingItsModelAsAContainedDeviceIsValid() {
    org.hl7.fhir.r4.model.DiagnosticReport r = DiagnosticReportAiTest.example();
    r.getMeta().addProfile(VetFhir.SD_DIAGNOSTIC_REPORT);
    // the escalation rule's conclusion code (RadiologistReviewService) is valid too
    r.addConclusionCode(new org.hl7.fhir.r4.model.CodeableConcept(new org.hl7.fhir.r4.model.Coding(
        TaskService.CS_TASK, TaskService.RADIOLOGIST_REVIEW, "Radiologist review")));
    assertDoesNotThrow(() -> VALIDATION.validate(CTX.newJsonParser().parseResource(
        org.hl7.fhir.r4.model.DiagnosticReport.class, CTX.newJsonParser().encodeResourceToString(r))));
  }

  @Test
  void theValidatorKnowsTheAiDeviceExtensionAndRefusesAValueThatIsNotAReference() {
    org.hl7.fhir.r4.model.DiagnosticReport r = DiagnosticReportAiTest.example();
    r.getMeta().addProfile(VetFhir.SD_DIAGNOSTIC_REPORT);
    r.getExtensionByUrl(VetFhir.SD_AI_DEVICE)
        .setValue(new org.hl7.fhir.r4.model.StringType("ThoraxNet 2.3.1"));
    UnprocessableEntityException e = assertThrows(UnprocessableEntityException.class,
        () -> VALIDATION.validate(CTX.newJsonParser().parseResource(
            org.hl7.fhir.r4.model.DiagnosticReport.class,
            CTX.newJsonParser().encodeResourceToString(r))));
    String oo = CTX.newJsonParser().encodeResourceToString(e.getOperationOutcome());
    assertTrue(oo.contains("extension"), oo);
  }
}

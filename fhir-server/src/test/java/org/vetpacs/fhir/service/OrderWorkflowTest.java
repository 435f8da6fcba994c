package org.vetpacs.fhir.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.time.ZoneOffset;
import java.util.List;
import org.hl7.fhir.r4.model.ChargeItem.ChargeItemStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestPriority;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.junit.jupiter.api.Test;
import org.vetpacs.dicomweb.worklist.NewWorklistItem;
import org.vetpacs.model.animal.Breed;
import org.vetpacs.model.animal.NeuterStatus;
import org.vetpacs.model.animal.Species;
import org.vetpacs.model.fhir.AnimalExtension;
import org.vetpacs.model.fhir.VetFhir;

/** The ServiceRequest -> worklist mapping and the ChargeItem rule, without a container. */
class OrderWorkflowTest {

  private final FhirContext ctx = FhirContext.forR4Cached();

  private static ServiceRequest order(String display) {
    ServiceRequest r = new ServiceRequest();
    r.setStatus(ServiceRequestStatus.ACTIVE).setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    r.setSubject(new Reference("Patient/p1"));
    r.setCode(new CodeableConcept(new Coding("http://loinc.org", "36554-4", display)));
    r.addIdentifier(ServiceRequestService.accessionIdentifier("A261125000001"));
    return r;
  }

  private static Patient dog() {
    Patient p = new Patient();
    p.setId("p1");
    p.addIdentifier().setSystem(VetFhir.SID_PATIENT_ID).setValue("VP1");
    p.addName().setFamily("Smith").addGiven("Bailey");
    AnimalExtension.write(p, Species.DOG, null, Breed.BEAGLE, null, NeuterStatus.ALTERED);
    return p;
  }

  @Test
  void modalityComesFromADcmCodingElseThePlaybookPrefixElseOt() {
    assertEquals("DX", OrderWorklistMapping.modality(order("XR Chest Views")));
    assertEquals("CT", OrderWorklistMapping.modality(order("CT Abdomen W contrast IV")));
    assertEquals("OT", OrderWorklistMapping.modality(order("Thorax")));
    ServiceRequest withDcm = order("XR Chest Views");
    withDcm.addCategory(new CodeableConcept(new Coding(VetFhir.DICOM_DCM, "CR", "Computed Radiography")));
    assertEquals("CR", OrderWorklistMapping.modality(withDcm));
  }

  @Test
  void theOrderAndTheAnimalMapToTheWorklistKeywords() {
    ServiceRequest r = order("XR Chest Views");
    r.setPriority(ServiceRequestPriority.URGENT);
    r.setOccurrence(new DateTimeType("2030-01-15T10:30:00Z"));
    r.addPerformer(new Reference().setIdentifier(
        new Identifier().setSystem(OrderWorklistMapping.SID_AE_TITLE).setValue("DR1")));
    r.addReasonCode(new CodeableConcept().setText("Cough"));
    NewWorklistItem item = OrderWorklistMapping.toWorklist(r,
        new OrderWorklistMapping.Context(dog(), null, "Riverside Vet", "Herriot^James"),
        "DEFAULT", ZoneOffset.UTC);
    assertEquals("BAILEY^SMITH", item.get("PatientName"));
    assertEquals("VP1", item.get("PatientID"));
    assertEquals("Canine", item.get("PatientSpeciesDescription"));
    assertEquals(Breed.BEAGLE.description(), item.get("PatientBreedDescription"));
    assertEquals("ALTERED", item.get("PatientSexNeutered"));
    assertEquals("Riverside Vet", item.get("ResponsibleOrganization"));
    assertEquals("A261125000001", item.get("AccessionNumber"));
    assertEquals("XR Chest Views", item.get("RequestedProcedureDescription"));
    assertEquals("DX", item.get("Modality"));
    assertEquals("DR1", item.get("ScheduledStationAETitle"));
    assertEquals("20300115", item.get("ScheduledProcedureStepStartDate"));
    assertEquals("103000", item.get("ScheduledProcedureStepStartTime"));
    assertEquals("HIGH", item.get("RequestedProcedurePriority"));
    assertEquals("Herriot^James", item.get("RequestingPhysician"));
    assertEquals("Cough", item.get("ReasonForTheRequestedProcedure"));
  }

  @Test
  void withoutAStationInTheOrderTheConfiguredDefaultIsScheduled() {
    NewWorklistItem item = OrderWorklistMapping.toWorklist(order("XR Chest Views"),
        new OrderWorklistMapping.Context(dog(), null, null, null), "DR9", ZoneOffset.UTC);
    assertEquals("DR9", item.get("ScheduledStationAETitle"));
    assertEquals(null, item.get("ScheduledProcedureStepStartDate"));
  }

  @Test
  void theChargeIsPlannedThenBillableOrNotBillableAndStaysOnePerOrder() {
    InMemoryFhirResourceStore store = new InMemoryFhirResourceStore();
    ChargeItemService charges = new ChargeItemService(ctx, store);
    ServiceRequest r = order("XR Chest Views");
    r.setId("o1");
    assertEquals(ChargeItemStatus.PLANNED,
        charges.orderChanged(r, List.of()).orElseThrow().getStatus());
    r.setStatus(ServiceRequestStatus.COMPLETED);
    var billable = charges.orderChanged(r, List.of("1.2.3")).orElseThrow();
    assertEquals(ChargeItemStatus.BILLABLE, billable.getStatus());
    assertEquals("ImagingStudy/1.2.3", billable.getServiceFirstRep().getReference());
    assertEquals("2", billable.getMeta().getVersionId());
    // the same version again changes nothing
    assertEquals("2", charges.orderChanged(r, List.of("1.2.3")).orElseThrow().getMeta().getVersionId());
    assertEquals(ChargeItemStatus.NOTBILLABLE,
        ChargeItemService.statusFor(order("x").setStatus(ServiceRequestStatus.REVOKED)));
    assertEquals(1, store.count(new StoreQuery.Builder("ChargeItem").build()));
    assertTrue(charges.ofOrder("o1").isPresent());
  }
}

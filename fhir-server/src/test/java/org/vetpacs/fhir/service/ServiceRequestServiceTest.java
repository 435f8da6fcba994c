package org.vetpacs.fhir.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.junit.jupiter.api.Test;
import org.vetpacs.model.fhir.VetFhir;

/** The order and report rules, on the in-memory store (validation is tested separately). */
class ServiceRequestServiceTest {

  private final FhirContext ctx = FhirContext.forR4Cached();
  private final InMemoryFhirResourceStore store = new InMemoryFhirResourceStore();
  private final ServiceRequestService orders = new ServiceRequestService(ctx, store, null);
  private final DiagnosticReportService reports = new DiagnosticReportService(ctx, store, null);

  private ServiceRequest order(ServiceRequestStatus status) {
    ServiceRequest r = new ServiceRequest();
    r.setStatus(status).setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    r.setSubject(new Reference("Patient/p1"));
    r.setCode(new CodeableConcept(new Coding("http://loinc.org", "30745-4", "XR Chest")));
    return r;
  }

  @Test
  void createAssignsAnAccessionNumberOfAtMost16Characters() {
    ServiceRequest r = orders.create(order(ServiceRequestStatus.ACTIVE), null).resource();
    String acc = ServiceRequestService.accessionNumbers(r).get(0);
    assertTrue(acc.length() <= 16 && acc.matches("A[0-9]{12}"), acc);
    assertEquals("1", r.getMeta().getVersionId());
    assertEquals(1, orders.findByIdentifier(VetFhir.SID_ACCESSION, acc).size());
    assertEquals(1, orders.findByAccession(acc).size());
  }

  @Test
  void aClientMayNotChooseOurAccessionNumber() {
    ServiceRequest r = order(ServiceRequestStatus.ACTIVE);
    r.addIdentifier().setSystem(VetFhir.SID_ACCESSION).setValue("X1");
    assertThrows(UnprocessableEntityException.class, () -> orders.create(r, null));
  }

  @Test
  void lifecycleAllowsDraftActiveCompletedAndRefusesGoingBack() {
    ServiceRequest r = orders.create(order(ServiceRequestStatus.DRAFT), null).resource();
    String id = r.getIdElement().getIdPart();
    ServiceRequest v2 = orders.update(id, "1", order(ServiceRequestStatus.ACTIVE));
    assertEquals("2", v2.getMeta().getVersionId());
    assertEquals(ServiceRequestService.accessionNumbers(r), ServiceRequestService.accessionNumbers(v2));
    orders.update(id, null, order(ServiceRequestStatus.COMPLETED));
    assertThrows(UnprocessableEntityException.class,
        () -> orders.update(id, null, order(ServiceRequestStatus.ACTIVE)));
    assertThrows(UnprocessableEntityException.class,
        () -> orders.create(order(ServiceRequestStatus.COMPLETED), null));
    assertEquals(3, orders.history(id).size());
    assertEquals(ServiceRequestStatus.DRAFT, orders.vread(id, "1").getStatus());
  }

  @Test
  void ifMatchWithAnOldVersionIs412() {
    String id = orders.create(order(ServiceRequestStatus.DRAFT), null).resource()
        .getIdElement().getIdPart();
    orders.update(id, "1", order(ServiceRequestStatus.ACTIVE));
    assertThrows(PreconditionFailedException.class,
        () -> orders.update(id, "1", order(ServiceRequestStatus.REVOKED)));
  }

  @Test
  void aStudyCompletesTheActiveOrderOfItsAccessionNumber() {
    ServiceRequest r = orders.create(order(ServiceRequestStatus.ACTIVE), null).resource();
    String acc = ServiceRequestService.accessionNumbers(r).get(0);
    assertEquals(1, orders.completeByAccession(acc));
    assertEquals(ServiceRequestStatus.COMPLETED, orders.read(r.getIdElement().getIdPart()).getStatus());
    assertEquals(0, orders.completeByAccession(acc));
  }

  @Test
  void conditionalCreateFindsTheExistingResource() {
    ServiceRequest first = order(ServiceRequestStatus.ACTIVE);
    first.addIdentifier().setSystem("https://pims.example/orders").setValue("O-1");
    var a = orders.create(first, null);
    ServiceRequest again = order(ServiceRequestStatus.ACTIVE);
    again.addIdentifier().setSystem("https://pims.example/orders").setValue("O-1");
    var b = orders.create(again, "identifier=https://pims.example/orders|O-1");
    assertTrue(a.created());
    assertFalse(b.created());
    assertEquals(a.resource().getIdElement().getIdPart(), b.resource().getIdElement().getIdPart());
  }

  @Test
  void aFinalReportCanOnlyBeAmended() {
    DiagnosticReport d = new DiagnosticReport();
    d.setStatus(DiagnosticReport.DiagnosticReportStatus.PRELIMINARY);
    d.setCode(new CodeableConcept().setText("Thorax"));
    d.setSubject(new Reference("Patient/p1"));
    d.addImagingStudy(new Reference("ImagingStudy/1.2.3"));
    String id = reports.create(d, null).resource().getIdElement().getIdPart();
    reports.update(id, "1", d.copy().setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL));
    assertThrows(UnprocessableEntityException.class, () -> reports.update(id, null,
        d.copy().setStatus(DiagnosticReport.DiagnosticReportStatus.PRELIMINARY)));
    reports.update(id, "2", d.copy().setStatus(DiagnosticReport.DiagnosticReportStatus.AMENDED));
    assertEquals(3, reports.history(id).size());
    StoreQuery q = new StoreQuery.Builder("DiagnosticReport")
        .and(new StoreQuery.AnyKey(Set.of("imaging-study=ImagingStudy/1.2.3"))).build();
    assertEquals(1, store.count(q));
  }

  @Test
  void searchKeysCoverReferencesTokensAndFoldedStrings() {
    SearchKeys k = new SearchKeys()
        .token("status", "http://hl7.org/fhir/request-status", "active")
        .string("name", "Zoë O'Malley");
    assertTrue(k.keys().contains("status=http://hl7.org/fhir/request-status|active"));
    assertTrue(k.keys().contains("status:code=active"));
    assertTrue(k.keys().contains("name=ZOE O MALLEY"));
    assertTrue(k.keys().contains("name=MALLEY"));
    assertEquals("Patient/1", SearchKeys.relative("http://x/fhir/Patient/1/_history/3"));
    assertEquals(null, SearchKeys.relative("#contained"));
  }
}

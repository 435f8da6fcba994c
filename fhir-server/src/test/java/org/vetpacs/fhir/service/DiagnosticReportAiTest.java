package org.vetpacs.fhir.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** AI output stays preliminary until a veterinarian signs it off. */
class DiagnosticReportAiTest {

  private final FhirContext ctx = FhirContext.forR4Cached();
  private final DiagnosticReportService reports =
      new DiagnosticReportService(ctx, new InMemoryFhirResourceStore(), null);

  private DiagnosticReport aiReport(DiagnosticReportStatus status, boolean withVersion) {
    DiagnosticReport r = new DiagnosticReport();
    r.setStatus(status);
    r.setSubject(new Reference("Patient/p1"));
    r.setCode(new CodeableConcept(new Coding("http://loinc.org", "18748-4", null)));
    Device ai = new Device();
    ai.setId("ai");
    ai.addDeviceName().setName("ThoraxNet").setType(Device.DeviceNameType.MODELNAME);
    if (withVersion) {
      ai.addVersion().setValue("2.3.1");
    }
    r.addContained(ai);
    r.addExtension(DiagnosticReportService.AI_DEVICE, new Reference("#ai"));
    r.addPerformer(new Reference("Organization/vendor"));
    return r;
  }

  private static String element(UnprocessableEntityException e) {
    return ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getExpression().get(0)
        .getValue();
  }

  private DiagnosticReport roundTrip(DiagnosticReport r) {
    return ctx.newJsonParser().parseResource(DiagnosticReport.class,
        ctx.newJsonParser().encodeResourceToString(r));
  }

  /** The AI report as a vendor posts it: valid against R4 and our profile. */
  static DiagnosticReport example() {
    return new DiagnosticReportAiTest().aiReport(DiagnosticReportStatus.PRELIMINARY, true);
  }

  @Test
  void aDevicePerformerMakesAnAiReportToo() {
    DiagnosticReport r = aiReport(DiagnosticReportStatus.FINAL, true);
    r.getExtension().clear();
    r.getPerformer().clear();
    r.addPerformer(new Reference("#ai"));
    assertEquals("DiagnosticReport.status", element(assertThrows(
        UnprocessableEntityException.class, () -> reports.create(roundTrip(r), null))));
  }

  @Test
  void anAiReportCannotBeCreatedFinal() {
    assertEquals("DiagnosticReport.status", element(assertThrows(
        UnprocessableEntityException.class,
        () -> reports.create(roundTrip(aiReport(DiagnosticReportStatus.FINAL, true)), null))));
  }

  @Test
  void anAiReportRecordsModelAndVersion() {
    assertEquals("DiagnosticReport.extension", element(assertThrows(
        UnprocessableEntityException.class,
        () -> reports.create(roundTrip(aiReport(DiagnosticReportStatus.PRELIMINARY, false)),
            null))));
  }

  @Test
  void anAiReportBecomesFinalOnlyWhenAPractitionerSignsItOff() {
    DiagnosticReport created =
        reports.create(roundTrip(aiReport(DiagnosticReportStatus.PRELIMINARY, true)), null)
            .resource();
    String id = created.getIdElement().getIdPart();
    DiagnosticReport unsigned = roundTrip(created).setStatus(DiagnosticReportStatus.FINAL);
    assertEquals("DiagnosticReport.status", element(assertThrows(
        UnprocessableEntityException.class, () -> reports.update(id, null, unsigned))));
    DiagnosticReport signed = roundTrip(created).setStatus(DiagnosticReportStatus.FINAL);
    signed.addResultsInterpreter(new Reference("Practitioner/vet1"));
    DiagnosticReport stored = reports.update(id, null, signed);
    assertEquals(DiagnosticReportStatus.FINAL, stored.getStatus());
    assertEquals("2.3.1", ((Device) roundTrip(reports.read(id)).getContained().get(0))
        .getVersionFirstRep().getValue());
  }
}

package org.vetpacs.fhir.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** An AI report that asks for a radiologist opens one review Task, closed by the signed report. */
class RadiologistReviewTest {

  private final FhirContext ctx = FhirContext.forR4Cached();
  private final InMemoryFhirResourceStore store = new InMemoryFhirResourceStore();
  private final DiagnosticReportService reports = new DiagnosticReportService(ctx, store, null);
  private final TaskService tasks = new TaskService(ctx, store);
  private final RadiologistReviewService reviews = new RadiologistReviewService(tasks, reports);

  private DiagnosticReport aiReport(boolean escalate) {
    DiagnosticReport r = new DiagnosticReport();
    r.setStatus(DiagnosticReportStatus.PRELIMINARY);
    r.setSubject(new Reference("Patient/p1"));
    r.addBasedOn(new Reference("ServiceRequest/o1"));
    r.setCode(new CodeableConcept(new Coding("http://loinc.org", "18748-4", null)));
    Device ai = new Device();
    ai.setId("ai");
    ai.addDeviceName().setName("ThoraxNet").setType(Device.DeviceNameType.MODELNAME);
    ai.addVersion().setValue("2.3.1");
    r.addContained(ai);
    r.addExtension(DiagnosticReportService.AI_DEVICE, new Reference("#ai"));
    if (escalate) {
      r.addConclusionCode(new CodeableConcept(
          new Coding(TaskService.CS_TASK, TaskService.RADIOLOGIST_REVIEW, null)));
    }
    return r;
  }

  private List<Task> reviewTasks(String reportId) {
    return tasks.find(TaskService.RADIOLOGIST_REVIEW, "DiagnosticReport/" + reportId, Set.of(),
        0, 10);
  }

  @Test
  void anEscalatingAiReportOpensOneTaskThatTheSignedReportCompletes() {
    DiagnosticReport created = reports.create(aiReport(true), null).resource();
    String id = created.getIdElement().getIdPart();
    Task opened = reviews.reportChanged(id);
    assertEquals(Task.TaskStatus.REQUESTED, opened.getStatus());
    assertEquals("DiagnosticReport/" + id, opened.getFocus().getReference());
    assertEquals("Patient/p1", opened.getFor().getReference());
    assertEquals("ServiceRequest/o1", opened.getBasedOnFirstRep().getReference());
    assertNull(reviews.reportChanged(id), "a second look opens no second Task");

    DiagnosticReport signed = reports.read(id);
    signed.setStatus(DiagnosticReportStatus.FINAL);
    signed.addResultsInterpreter(new Reference("Practitioner/rad1"));
    reports.update(id, null, signed);
    Task done = reviews.reportChanged(id);
    assertEquals(Task.TaskStatus.COMPLETED, done.getStatus());
    assertEquals("Practitioner/rad1", done.getOwner().getReference());
    assertEquals(1, reviewTasks(id).size());
  }

  @Test
  void anAiReportWithoutTheEscalationCodeOpensNoTask() {
    String id = reports.create(aiReport(false), null).resource().getIdElement().getIdPart();
    assertNull(reviews.reportChanged(id));
    assertEquals(0, reviewTasks(id).size());
  }
}

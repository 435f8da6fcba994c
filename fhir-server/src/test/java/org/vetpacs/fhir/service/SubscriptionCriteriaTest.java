package org.vetpacs.fhir.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** Criteria parsing, and matching through the store's search (in-memory store). */
class SubscriptionCriteriaTest {

  private final FhirContext ctx = FhirContext.forR4Cached();
  private final InMemoryFhirResourceStore store = new InMemoryFhirResourceStore();
  private final DiagnosticReportService reports = new DiagnosticReportService(ctx, store, null);
  private final SubscriptionMatcher matcher = new SubscriptionMatcher(store, null);

  private String report(String patient, DiagnosticReportStatus status) {
    DiagnosticReport r = new DiagnosticReport();
    r.setStatus(status);
    r.setSubject(new Reference(patient));
    r.setCode(new CodeableConcept(new Coding("http://loinc.org", "18748-4", null)));
    r.addPerformer(new Reference("Practitioner/rad1"));
    return reports.create(r, null).resource().getIdElement().getIdPart();
  }

  private boolean matches(String criteria, String id) {
    return matcher.matches(SubscriptionCriteria.parse(ctx, criteria), "DiagnosticReport", id);
  }

  @Test
  void parsesTypeAndParametersWithCommaListsAsOr() {
    SubscriptionCriteria c = SubscriptionCriteria.parse(ctx,
        "DiagnosticReport?status=final,amended&patient=Patient/123");
    assertEquals("DiagnosticReport", c.type());
    assertEquals(List.of("final", "amended"), c.params().get(0).values());
    assertEquals(SubscriptionCriteria.Kind.REFERENCE, c.params().get(1).kind());
    assertEquals(0, SubscriptionCriteria.parse(ctx, "ImagingStudy").params().size());
  }

  @Test
  void unsupportedTypeOrParameterIs422NamingSubscriptionCriteria() {
    for (String bad : List.of("", "Observation?code=x", "DiagnosticReport?category=x",
        "DiagnosticReport?status=", "ImagingStudy?patient=Patient/a b", "DiagnosticReport?issued=soon")) {
      UnprocessableEntityException e = assertThrows(UnprocessableEntityException.class,
          () -> SubscriptionCriteria.parse(ctx, bad), bad);
      OperationOutcome oo = (OperationOutcome) e.getOperationOutcome();
      assertEquals("Subscription.criteria", oo.getIssueFirstRep().getExpression().get(0).getValue(),
          bad);
    }
  }

  @Test
  void aReportMatchesStatusAndPatientCriteriaLikeTheSameSearch() {
    String fin = report("Patient/p1", DiagnosticReportStatus.FINAL);
    String pre = report("Patient/p2", DiagnosticReportStatus.PRELIMINARY);
    assertTrue(matches("DiagnosticReport?status=final", fin));
    assertFalse(matches("DiagnosticReport?status=final", pre));
    assertTrue(matches("DiagnosticReport?status=preliminary,final", pre));
    assertTrue(matches("DiagnosticReport?patient=Patient/p1", fin));
    assertTrue(matches("DiagnosticReport?subject=p1", fin));
    assertFalse(matches("DiagnosticReport?patient=Patient/p1", pre));
    assertTrue(matches("DiagnosticReport?patient=Patient/p1&status=final", fin));
    assertFalse(matches("DiagnosticReport?patient=Patient/p2&status=final", pre));
    assertTrue(matches("DiagnosticReport?code=http://loinc.org|18748-4", fin));
    assertTrue(matches("DiagnosticReport", pre));
    assertTrue(matches("DiagnosticReport?_id=" + pre, pre));
    assertFalse(matches("DiagnosticReport?_id=" + fin, pre));
    assertFalse(matcher.matches(SubscriptionCriteria.parse(ctx, "ServiceRequest?status=completed"),
        "DiagnosticReport", fin));
  }

  @Test
  void chargeItemAndTaskCriteriaUseTheirServedParametersAndMatchLikeTheSearch() {
    assertTrue(SubscriptionCriteria.supportedTypes().containsAll(
        java.util.Set.of("ChargeItem", "Task")));
    ChargeItemService charges = new ChargeItemService(ctx, store);
    org.hl7.fhir.r4.model.ServiceRequest order = new org.hl7.fhir.r4.model.ServiceRequest();
    order.setId("ServiceRequest/o1");
    order.setStatus(org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus.COMPLETED);
    order.setSubject(new Reference("Patient/p1"));
    order.setCode(new CodeableConcept(new Coding("http://loinc.org", "36554-4", null)));
    String c = charges.orderChanged(order, List.of("1.2.3")).orElseThrow()
        .getIdElement().getIdPart();
    assertTrue(matcher.matches(SubscriptionCriteria.parse(ctx,
        "ChargeItem?status=billable&patient=Patient/p1"), "ChargeItem", c));
    assertTrue(matcher.matches(SubscriptionCriteria.parse(ctx,
        "ChargeItem?service=ServiceRequest/o1"), "ChargeItem", c));
    assertFalse(matcher.matches(SubscriptionCriteria.parse(ctx,
        "ChargeItem?status=planned"), "ChargeItem", c));

    TaskService tasks = new TaskService(ctx, store);
    org.hl7.fhir.r4.model.Task task = new org.hl7.fhir.r4.model.Task();
    task.setStatus(org.hl7.fhir.r4.model.Task.TaskStatus.REQUESTED);
    task.setIntent(org.hl7.fhir.r4.model.Task.TaskIntent.ORDER);
    task.setCode(new CodeableConcept(
        new Coding(TaskService.CS_TASK, TaskService.RADIOLOGIST_REVIEW, null)));
    task.setFocus(new Reference("DiagnosticReport/r1"));
    task.setFor(new Reference("Patient/p1"));
    String t = tasks.createSystem(task).getIdElement().getIdPart();
    assertTrue(matcher.matches(SubscriptionCriteria.parse(ctx,
        "Task?code=radiologist-review&status=requested&patient=p1"), "Task", t));
    assertTrue(matcher.matches(SubscriptionCriteria.parse(ctx,
        "Task?focus=DiagnosticReport/r1"), "Task", t));
    assertFalse(matcher.matches(SubscriptionCriteria.parse(ctx,
        "Task?code=reconcile-study"), "Task", t));
    for (String bad : List.of("ChargeItem?account=x", "Task?owner=Practitioner/v1",
        "Task?focus=r1")) {
      assertThrows(UnprocessableEntityException.class,
          () -> SubscriptionCriteria.parse(ctx, bad), bad);
    }
  }
}

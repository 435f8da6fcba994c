package org.vetpacs.fhir.service;

import java.util.Date;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * AI to radiologist escalation (issue #6), visible as a FHIR Task. The rule, one and explicit: an
 * AI report (it carries {@value DiagnosticReportService#AI_DEVICE}) that is {@code registered} or
 * {@code preliminary} and has the {@code conclusionCode} {@value TaskService#CS_TASK}{@code |}{@value
 * TaskService#RADIOLOGIST_REVIEW} asks for a radiologist's review. The server then keeps one Task
 * (code {@value TaskService#RADIOLOGIST_REVIEW}, {@code focus} = the report, {@code for} = its
 * subject, {@code basedOn} = the report's orders, status {@code requested}, intent {@code order}:
 * R4 Task state machine). When the report becomes {@code final} (an AI report only with a
 * Practitioner as {@code resultsInterpreter}, see {@link DiagnosticReportService}) the Task is
 * {@code completed} with that Practitioner as {@code owner}; when the report is {@code cancelled}
 * or {@code entered-in-error} the Task is {@code cancelled}. Applied to every stored version of a
 * report, so it is idempotent: a second preliminary version does not open a second Task.
 */
public class RadiologistReviewService {

  private static final Set<String> DONE = Set.of("final", "amended", "corrected", "appended");
  private static final Set<String> WITHDRAWN = Set.of("cancelled", "entered-in-error");

  private final TaskService tasks;
  private final DiagnosticReportService reports;

  /**
   * Creates the service.
   *
   * @param tasks the workflow Tasks
   * @param reports the reports
   */
  public RadiologistReviewService(TaskService tasks, DiagnosticReportService reports) {
    this.tasks = tasks;
    this.reports = reports;
  }

  /**
   * Whether a report asks for a radiologist's review (the rule in the class comment, without the
   * status).
   *
   * @param r the report
   * @return true for an AI report with the escalation conclusion code
   */
  public static boolean asksForReview(DiagnosticReport r) {
    if (!DiagnosticReportService.performedByDevice(r)) {
      return false;
    }
    for (CodeableConcept c : r.getConclusionCode()) {
      for (Coding coding : c.getCoding()) {
        if (TaskService.CS_TASK.equals(coding.getSystem())
            && TaskService.RADIOLOGIST_REVIEW.equals(coding.getCode())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Brings the review Task of a report in step with its current version.
   *
   * @param reportId the DiagnosticReport id
   * @return the Task created or changed, or null when nothing changed
   */
  public Task reportChanged(String reportId) {
    DiagnosticReport r = reports.read(reportId);
    String focus = "DiagnosticReport/" + reportId;
    String status = r.hasStatus() ? r.getStatus().toCode() : "";
    List<Task> open = tasks.find(TaskService.RADIOLOGIST_REVIEW, focus,
        Set.of("requested", "accepted", "in-progress"), 0, 10);
    if (DONE.contains(status) || WITHDRAWN.contains(status)) {
      Task last = null;
      for (Task t : open) {
        t.setStatus(DONE.contains(status) ? Task.TaskStatus.COMPLETED : Task.TaskStatus.CANCELLED);
        t.setLastModified(new Date());
        t.setExecutionPeriod(new Period().setStart(t.getAuthoredOn()).setEnd(new Date()));
        if (r.getStatus() == DiagnosticReportStatus.FINAL && r.hasResultsInterpreter()) {
          t.setOwner(r.getResultsInterpreterFirstRep().copy());
        }
        t.addOutput().setType(new CodeableConcept().setText("report-status"))
            .setValue(new org.hl7.fhir.r4.model.StringType(status));
        last = tasks.updateSystem(t);
      }
      return last;
    }
    if (!asksForReview(r) || !open.isEmpty()
        || !tasks.find(TaskService.RADIOLOGIST_REVIEW, focus, Set.of(), 0, 1).isEmpty()) {
      return null;
    }
    Task t = new Task();
    t.setStatus(Task.TaskStatus.REQUESTED);
    t.setIntent(Task.TaskIntent.ORDER);
    t.setPriority(Task.TaskPriority.URGENT);
    t.setCode(new CodeableConcept(new Coding(TaskService.CS_TASK, TaskService.RADIOLOGIST_REVIEW,
        "Radiologist review of an AI report")));
    t.setDescription("The AI asks for a radiologist's review of its report");
    t.setFocus(new Reference(focus));
    if (r.hasSubject()) {
      t.setFor(r.getSubject().copy());
    }
    r.getBasedOn().forEach(b -> t.addBasedOn(b.copy()));
    t.setAuthoredOn(new Date());
    t.setLastModified(new Date());
    return tasks.createSystem(t);
  }
}

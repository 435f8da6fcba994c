package org.vetpacs.fhir.service;

import ca.uhn.fhir.context.FhirContext;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Task;
import org.vetpacs.model.fhir.VetFhir;

/**
 * Workflow Tasks the server creates for staff: one {@value #RECONCILE_STUDY} Task per study that
 * matched no order and no registered animal, or matched ambiguously (Task.focus = the
 * ImagingStudy), and one {@value #MERGE_PATIENTS} or {@value #SPLIT_STUDY} Task per merge or split
 * (already completed, for the record), and one {@value #RADIOLOGIST_REVIEW} Task per AI report
 * that asks for a radiologist (Task.focus = the DiagnosticReport, see {@link
 * RadiologistReviewService}). Status {@code requested} while it waits; {@code completed} or {@code cancelled} when
 * staff acted (FHIR R4 Task state machine). Every version is kept, so the Task history is the
 * audit trail of a reconciliation. Searchable by status, focus, code and patient ({@code for}).
 */
public class TaskService extends ResourceService<Task> {

  /** The code system of VetPACS's workflow Task codes. */
  public static final String CS_TASK = VetFhir.BASE + "/CodeSystem/workflow-task";

  /** Task.code of a study waiting in the reconciliation queue. */
  public static final String RECONCILE_STUDY = "reconcile-study";

  /** Task.code of a study split between two animals (recorded when done). */
  public static final String SPLIT_STUDY = "split-study";

  /** Task.code of a patient merge (recorded when done). */
  public static final String MERGE_PATIENTS = "merge-patients";

  /** Task.code of an AI report escalated to a radiologist (see RadiologistReviewService). */
  public static final String RADIOLOGIST_REVIEW = "radiologist-review";

  /**
   * Creates the service.
   *
   * @param ctx the R4 context
   * @param store the store
   */
  public TaskService(FhirContext ctx, FhirResourceStore store) {
    super(ctx, store, null);
  }

  @Override
  protected Class<Task> type() {
    return Task.class;
  }

  @Override
  protected String profile() {
    return null;
  }

  @Override
  protected Date dateOf(Task t) {
    return t.getAuthoredOn();
  }

  @Override
  protected void index(Task t, SearchKeys keys) {
    t.getIdentifier().forEach(i -> keys.identifier("identifier", i));
    if (t.hasStatus()) {
      keys.token("status", t.getStatus().getSystem(), t.getStatus().toCode());
    }
    keys.concept("code", t.getCode());
    keys.reference("focus", t.getFocus());
    keys.reference("subject", t.getFor());
    keys.reference("patient", t.getFor());
    t.getBasedOn().forEach(b -> keys.reference("based-on", b));
    keys.reference("owner", t.getOwner());
  }

  /**
   * Stores a Task the server wrote.
   *
   * @param task the task
   * @return the stored task
   */
  public Task createSystem(Task task) {
    return createUnvalidated(task).resource();
  }

  /**
   * Stores a new version the server wrote.
   *
   * @param task the task (with its id)
   * @return the stored version
   */
  public Task updateSystem(Task task) {
    return systemUpdate(task.getIdElement().getIdPart(), task);
  }

  /**
   * The Tasks with a code and, optionally, a focus and statuses.
   *
   * @param code {@value #RECONCILE_STUDY} or {@value #MERGE_PATIENTS}
   * @param focus e.g. {@code ImagingStudy/1.2.3}, or null for any
   * @param statuses the statuses, or empty for any
   * @param offset the first result
   * @param limit at most this many
   * @return the tasks, newest first
   */
  public List<Task> find(String code, String focus, Set<String> statuses, int offset, int limit) {
    StoreQuery.Builder q = new StoreQuery.Builder(typeName())
        .and(new StoreQuery.AnyKey(Set.of(SearchKeys.tokenKey("code", CS_TASK, code))));
    if (focus != null) {
      q.and(new StoreQuery.AnyKey(Set.of("focus=" + focus)));
    }
    if (!statuses.isEmpty()) {
      q.and(new StoreQuery.AnyKey(
          statuses.stream().map(s -> "status:code=" + s).collect(java.util.stream.Collectors.toSet())));
    }
    q.sort(StoreQuery.Sort.DATE, true);
    return store.search(q.build(), offset, limit).stream().map(this::parse).toList();
  }

  /**
   * How many Tasks {@link #find} would return without paging.
   *
   * @param code the code
   * @param statuses the statuses, or empty for any
   * @return the count
   */
  public long count(String code, Set<String> statuses) {
    StoreQuery.Builder q = new StoreQuery.Builder(typeName())
        .and(new StoreQuery.AnyKey(Set.of(SearchKeys.tokenKey("code", CS_TASK, code))));
    if (!statuses.isEmpty()) {
      q.and(new StoreQuery.AnyKey(
          statuses.stream().map(s -> "status:code=" + s).collect(java.util.stream.Collectors.toSet())));
    }
    return store.count(q.build());
  }
}

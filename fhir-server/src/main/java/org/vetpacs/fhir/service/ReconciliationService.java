package org.vetpacs.fhir.service;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.vetpacs.dicomweb.dicom.DicomDataset;
import org.vetpacs.dicomweb.dicom.InstanceHeader;
import org.vetpacs.dicomweb.index.IndexRepository;
import org.vetpacs.dicomweb.index.StudyRecord;
import org.vetpacs.dicomweb.lifecycle.HeaderCorrectionService;
import org.vetpacs.fhir.service.ReconciliationException.Kind;
import org.vetpacs.model.fhir.DicomPatientModule;
import org.vetpacs.model.fhir.VetFhir;

/**
 * The clinic workflow between an arriving study and the registry: matches each study to its order
 * and animal ({@link StudyMatcher}), tells the ingest pipeline which header values to coerce to,
 * queues what cannot be matched as a FHIR Task ({@value TaskService#RECONCILE_STUDY}), and carries
 * out staff actions (assign a study to a patient and order, merge two patients, split a study),
 * each re-applied to the stored headers and the index ({@link HeaderCorrectionService}) and
 * recorded in a Task that is kept with its history (the audit trail). Nothing is deleted: a replaced header value stays in
 * Original Attributes Sequence, a merged Patient stays, inactive, with a {@code replaced-by} link.
 *
 * <p>The decision for a study is taken once, from its first instance, and remembered (in memory
 * for a few minutes; durably through the study's coerced header or its Task), so every instance of
 * a study gets the same answer. A study staff assigned keeps its assignment for instances that
 * arrive later.
 */
public class ReconciliationService {

  private static final Logger LOG = Logger.getLogger(ReconciliationService.class.getName());
  private static final long DECISION_TTL_MILLIS = 5 * 60_000L;
  private static final int DECISION_CACHE_MAX = 10_000;

  private final StudyMatcher matcher;
  private final TaskService tasks;
  private final PatientService patients;
  private final ServiceRequestService orders;
  private final ImagingStudyService studies;
  private final IndexRepository index;
  private final HeaderCorrectionService corrections;
  private final Consumer<String> studyChanged;
  private final Map<String, Decision> decisions = new ConcurrentHashMap<>();

  private record Decision(StudyMatcher.Match match, boolean queued, long at) {}

  /**
   * Creates the service.
   *
   * @param matcher the matching rules
   * @param tasks the Tasks
   * @param patients patients
   * @param orders orders
   * @param studies the ImagingStudy projection
   * @param index the DICOM index
   * @param corrections rewrites stored headers
   * @param studyChanged told the Study Instance UID after a correction changed an ImagingStudy
   */
  public ReconciliationService(StudyMatcher matcher, TaskService tasks, PatientService patients,
      ServiceRequestService orders, ImagingStudyService studies, IndexRepository index,
      HeaderCorrectionService corrections, Consumer<String> studyChanged) {
    this.matcher = matcher;
    this.tasks = tasks;
    this.patients = patients;
    this.orders = orders;
    this.studies = studies;
    this.index = index;
    this.corrections = corrections;
    this.studyChanged = studyChanged;
  }

  // ---- on arrival -----------------------------------------------------------------------------

  /**
   * The values an arriving instance's header must carry: the matched animal's and order's, or
   * none when the study is unmatched or waits in the queue (it is then stored as received).
   *
   * @param header the header as received
   * @return the values, or empty
   */
  public Optional<DicomDataset> coerce(InstanceHeader header) {
    Decision d = decision(header.studyInstanceUid(), () -> matcher.match(
        header.accessionNumber(), module(header.patientName(), header.patientId(),
            header.patientBirthDate(), header.patientSex(), header.patientSpeciesDescription(),
            header.patientBreedDescription(), header.responsiblePerson(),
            header.responsibleOrganization())));
    StudyMatcher.Match m = d.match();
    if (m.outcome() != StudyMatcher.Outcome.MATCHED) {
      return Optional.empty();
    }
    return Optional.of(AnimalHeader.of(m.patient(), m.owner(), m.order(),
        header.patientSpeciesDescription(), header.patientBreedDescription()));
  }

  /**
   * Called after instances of a study were stored (in the background): queues the study as a Task
   * when it matched no order and no registered animal, or several.
   *
   * @param studyInstanceUid the study
   * @return the decision
   */
  public Optional<StudyMatcher.Match> studyArrived(String studyInstanceUid) {
    StudyRecord study = index.findStudy(studyInstanceUid).orElse(null);
    if (study == null) {
      return Optional.empty();
    }
    Decision d = decision(studyInstanceUid, () -> matcher.match(study.getAccessionNumber(),
        module(study)));
    if (d.match().outcome() != StudyMatcher.Outcome.MATCHED && !d.queued()) {
      synchronized (this) {
        if (tasks.find(TaskService.RECONCILE_STUDY, focus(studyInstanceUid), Set.of(), 0, 1)
            .isEmpty()) {
          tasks.createSystem(queueItem(study, d.match()));
          LOG.info(() -> "Study " + studyInstanceUid + " queued for reconciliation ("
              + d.match().outcome() + ")");
        }
        decisions.put(studyInstanceUid, new Decision(d.match(), true, System.currentTimeMillis()));
      }
    }
    return Optional.of(d.match());
  }

  /**
   * Called when no instance of a study arrived for the quiet period: completes its order.
   *
   * @param studyInstanceUid the study
   * @return the order completed, if any
   */
  public Optional<String> studyComplete(String studyInstanceUid) {
    Optional<StudyMatcher.Match> m = studyArrived(studyInstanceUid);
    if (m.isEmpty() || m.get().order() == null) {
      return Optional.empty();
    }
    String id = m.get().order().getIdElement().getIdPart();
    return orders.complete(id) ? Optional.of(id) : Optional.empty();
  }

  private Decision decision(String uid, java.util.function.Supplier<StudyMatcher.Match> decide) {
    long now = System.currentTimeMillis();
    Decision cached = decisions.get(uid);
    if (cached != null && now - cached.at() < DECISION_TTL_MILLIS) {
      return cached;
    }
    if (decisions.size() > DECISION_CACHE_MAX) {
      decisions.clear();
    }
    Decision d;
    List<Task> items = tasks.find(TaskService.RECONCILE_STUDY, focus(uid), Set.of(), 0, 1);
    if (!items.isEmpty()) {
      Task t = items.get(0);
      String patient = outputReference(t, "patient", "Patient/");
      if (t.getStatus() == Task.TaskStatus.COMPLETED && patient != null) {
        d = new Decision(matcher.assigned(patient, outputReference(t, "order", "ServiceRequest/")),
            true, now);
      } else {
        d = new Decision(new StudyMatcher.Match(StudyMatcher.Outcome.UNMATCHED, "queued", null,
            null, null, List.of()), true, now);
      }
    } else {
      d = new Decision(decide.get(), false, now);
    }
    decisions.put(uid, d);
    return d;
  }

  private Task queueItem(StudyRecord study, StudyMatcher.Match m) {
    Task t = new Task();
    t.setStatus(Task.TaskStatus.REQUESTED);
    t.setIntent(Task.TaskIntent.ORDER);
    t.setCode(code(TaskService.RECONCILE_STUDY, "Reconcile an unmatched study"));
    t.setFocus(new Reference(focus(study.getStudyInstanceUid())));
    boolean ambiguous = m.outcome() == StudyMatcher.Outcome.AMBIGUOUS;
    t.setBusinessStatus(new CodeableConcept().setText(ambiguous ? "ambiguous" : "unmatched"));
    t.setDescription(ambiguous
        ? "The study fits several orders or patients (rule: " + m.rule() + "); choose one"
        : "The study matches no order and no registered patient; assign it");
    t.setAuthoredOn(new Date());
    t.setLastModified(new Date());
    input(t, "received-patient-id", study.getPatientId());
    input(t, "received-patient-name", study.getPatientName());
    input(t, "received-accession-number", study.getAccessionNumber());
    for (String candidate : m.candidates()) {
      t.addInput().setType(new CodeableConcept().setText("candidate"))
          .setValue(new Reference("Patient/" + candidate));
    }
    return t;
  }

  // ---- staff actions --------------------------------------------------------------------------

  /**
   * Assigns a queued study to a patient and optionally an order: the stored headers get the
   * animal's (and the order's accession number), the index follows, the Task is completed.
   *
   * @param taskId the queue item (Task id)
   * @param patientId the Patient id
   * @param orderId the ServiceRequest id, or null
   * @param actor who did it (for the record)
   * @return the completed Task
   */
  public Task assign(String taskId, String patientId, String orderId, String actor) {
    if (patientId == null || patientId.isBlank()) {
      throw new ReconciliationException(Kind.INVALID, "patient is required");
    }
    Task task = readTask(taskId, TaskService.RECONCILE_STUDY);
    if (task.getStatus() != Task.TaskStatus.REQUESTED) {
      throw new ReconciliationException(Kind.CONFLICT,
          "Queue item " + taskId + " is " + task.getStatus().toCode() + ", not requested");
    }
    String uid = task.getFocus().getReference().substring("ImagingStudy/".length());
    StudyRecord study = index.findStudy(uid).orElseThrow(() ->
        new ReconciliationException(Kind.NOT_FOUND, "Study " + uid + " is no longer stored"));
    StudyMatcher.Match m = assigned(patientId, orderId);
    String patientRef = "Patient/" + m.patient().getIdElement().getIdPart();
    if (m.order() != null && !patientRef.equals(SearchKeys.relative(
        m.order().getSubject().getReference()))) {
      throw new ReconciliationException(Kind.CONFLICT,
          "Order " + orderId + " is not an order of " + patientRef);
    }
    String oldPatientId = study.getPatientId();
    DicomDataset desired = AnimalHeader.of(m.patient(), m.owner(), m.order(),
        study.getPatientSpeciesDescription(), study.getPatientBreedDescription());
    HeaderCorrectionService.Correction done = corrections.correct(uid, null, desired);
    decisions.put(uid, new Decision(m, true, System.currentTimeMillis()));
    retireDerivedPatients(oldPatientId, patientRef);
    studies.studyUpdated(uid);
    if (m.order() != null) {
      orders.complete(m.order().getIdElement().getIdPart());
    }
    task.setStatus(Task.TaskStatus.COMPLETED);
    task.setFor(new Reference(patientRef));
    task.setLastModified(new Date());
    task.setExecutionPeriod(new Period().setEnd(new Date()));
    task.addOutput().setType(new CodeableConcept().setText("action"))
        .setValue(new StringType("assign"));
    task.addOutput().setType(new CodeableConcept().setText("patient"))
        .setValue(new Reference(patientRef));
    if (m.order() != null) {
      task.addOutput().setType(new CodeableConcept().setText("order"))
          .setValue(new Reference("ServiceRequest/" + m.order().getIdElement().getIdPart()));
    }
    record(task, done, actor, "assigned to " + patientRef
        + (m.order() == null ? "" : " and ServiceRequest/" + m.order().getIdElement().getIdPart()));
    Task saved = tasks.updateSystem(task);
    studyChanged.accept(uid);
    LOG.info(() -> "Study " + uid + " assigned to " + patientRef + " by " + actor + "; "
        + done.instances() + " instance(s) corrected");
    return saved;
  }

  /**
   * Merges two patients: the source's studies (headers and index) and orders go to the target;
   * the source becomes inactive with a {@code replaced-by} link (the target gets {@code replaces}).
   *
   * @param sourceId the Patient id that goes away
   * @param targetId the Patient id that stays
   * @param actor who did it
   * @return the completed merge Task (the record)
   */
  public Task merge(String sourceId, String targetId, String actor) {
    if (sourceId == null || targetId == null || sourceId.isBlank() || targetId.isBlank()) {
      throw new ReconciliationException(Kind.INVALID, "source and target are required");
    }
    Patient source;
    Patient target;
    try {
      source = patients.read(sourceId);
      target = patients.read(targetId);
    } catch (ResourceNotFoundException e) {
      throw new ReconciliationException(Kind.NOT_FOUND, "No such patient");
    }
    if (sourceId.equals(targetId)) {
      throw new ReconciliationException(Kind.CONFLICT, "A patient cannot be merged into itself");
    }
    if (source.getLink().stream().anyMatch(l -> l.getType() == Patient.LinkType.REPLACEDBY)
        || target.getLink().stream().anyMatch(l -> l.getType() == Patient.LinkType.REPLACEDBY)) {
      throw new ReconciliationException(Kind.CONFLICT, "Patient already merged into another");
    }
    String targetRef = "Patient/" + targetId;
    String sourceRef = "Patient/" + sourceId;
    StudyMatcher.Match m = matcher.assigned(targetId, null);
    Set<String> studyUids = new LinkedHashSet<>();
    source.getIdentifier().stream()
        .filter(i -> i.hasValue() && !VetFhir.SID_MICROCHIP.equals(i.getSystem()))
        .forEach(i -> studyUids.addAll(index.studyUidsOfPatient(i.getValue())));
    int instances = 0;
    List<Integer> tags = new ArrayList<>();
    for (String uid : studyUids) {
      StudyRecord study = index.findStudy(uid).orElse(null);
      if (study == null) {
        continue;
      }
      DicomDataset desired = AnimalHeader.of(m.patient(), m.owner(), null,
          study.getPatientSpeciesDescription(), study.getPatientBreedDescription());
      desired.remove(AnimalHeader.ACCESSION_NUMBER); // a study keeps its own order
      HeaderCorrectionService.Correction done = corrections.correct(uid, null, desired);
      instances += done.instances();
      done.changedTags().stream().filter(t -> !tags.contains(t)).forEach(tags::add);
    }
    int movedOrders = 0;
    for (ServiceRequest order : orders.ofSubject(sourceRef)) {
      orders.moveToSubject(order.getIdElement().getIdPart(), targetRef);
      movedOrders++;
    }
    source.setActive(false);
    source.addLink().setOther(new Reference(targetRef)).setType(Patient.LinkType.REPLACEDBY);
    patients.systemUpdate(sourceId, source);
    target.addLink().setOther(new Reference(sourceRef)).setType(Patient.LinkType.REPLACES);
    patients.systemUpdate(targetId, target);
    decisions.clear();
    for (String uid : studyUids) {
      studies.studyUpdated(uid);
      studyChanged.accept(uid);
    }
    Task t = new Task();
    t.setStatus(Task.TaskStatus.COMPLETED);
    t.setIntent(Task.TaskIntent.ORDER);
    t.setCode(code(TaskService.MERGE_PATIENTS, "Merge two patients"));
    t.setFocus(new Reference(sourceRef));
    t.setFor(new Reference(targetRef));
    t.setAuthoredOn(new Date());
    t.setLastModified(new Date());
    t.setExecutionPeriod(new Period().setEnd(new Date()));
    t.addOutput().setType(new CodeableConcept().setText("action")).setValue(new StringType("merge"));
    t.addOutput().setType(new CodeableConcept().setText("studies"))
        .setValue(new IntegerType(studyUids.size()));
    t.addOutput().setType(new CodeableConcept().setText("orders"))
        .setValue(new IntegerType(movedOrders));
    record(t, new HeaderCorrectionService.Correction(instances, tags), actor,
        "merged " + sourceRef + " into " + targetRef);
    Task saved = tasks.createSystem(t);
    LOG.info(() -> sourceRef + " merged into " + targetRef + " by " + actor);
    return saved;
  }

  /**
   * Splits a study that went to the wrong animal: the given series move to a new study (a new Study
   * Instance UID, since a study belongs to one animal) of another patient, optionally of an order.
   * The study and the remaining series keep their UID and animal. Splitting off every series is
   * refused: that is an assignment or a merge.
   *
   * @param studyInstanceUid the study
   * @param seriesInstanceUids the series that belong to the other animal
   * @param patientId the Patient id they belong to
   * @param orderId the ServiceRequest id, or null
   * @param actor who did it
   * @return the completed split Task (the record; its output names the new study)
   */
  public Task split(String studyInstanceUid, List<String> seriesInstanceUids, String patientId,
      String orderId, String actor) {
    if (studyInstanceUid == null || seriesInstanceUids == null || seriesInstanceUids.isEmpty()
        || patientId == null || patientId.isBlank()) {
      throw new ReconciliationException(Kind.INVALID, "study, series and patient are required");
    }
    StudyRecord study = index.findStudy(studyInstanceUid).orElseThrow(() ->
        new ReconciliationException(Kind.NOT_FOUND, "No study " + studyInstanceUid));
    Set<String> present = new LinkedHashSet<>();
    index.seriesOfStudy(studyInstanceUid).forEach(s -> present.add(s.getSeriesInstanceUid()));
    if (!present.containsAll(seriesInstanceUids)) {
      throw new ReconciliationException(Kind.NOT_FOUND,
          "Not every series named is a series of study " + studyInstanceUid);
    }
    if (present.size() == new LinkedHashSet<>(seriesInstanceUids).size()) {
      throw new ReconciliationException(Kind.CONFLICT,
          "Every series of the study was named: assign the study instead of splitting it");
    }
    StudyMatcher.Match m = assigned(patientId, orderId);
    String patientRef = "Patient/" + m.patient().getIdElement().getIdPart();
    DicomDataset desired = AnimalHeader.of(m.patient(), m.owner(), m.order(),
        study.getPatientSpeciesDescription(), study.getPatientBreedDescription());
    if (m.order() == null) {
      desired.put(AnimalHeader.ACCESSION_NUMBER, "SH", ""); // not the other animal's order
    }
    String newUid = "2.25." + new java.math.BigInteger(1, uuidBytes(java.util.UUID.randomUUID()));
    HeaderCorrectionService.Correction done =
        corrections.moveSeries(studyInstanceUid, seriesInstanceUids, newUid, desired);
    Task t = new Task();
    t.setStatus(Task.TaskStatus.COMPLETED);
    t.setIntent(Task.TaskIntent.ORDER);
    t.setCode(code(TaskService.SPLIT_STUDY, "Split a study between two animals"));
    t.setFocus(new Reference(focus(studyInstanceUid)));
    t.setFor(new Reference(patientRef));
    t.setAuthoredOn(new Date());
    t.setLastModified(new Date());
    t.setExecutionPeriod(new Period().setEnd(new Date()));
    t.addOutput().setType(new CodeableConcept().setText("action")).setValue(new StringType("split"));
    t.addOutput().setType(new CodeableConcept().setText("new-study"))
        .setValue(new Reference(focus(newUid)));
    t.addOutput().setType(new CodeableConcept().setText("patient"))
        .setValue(new Reference(patientRef));
    if (m.order() != null) {
      t.addOutput().setType(new CodeableConcept().setText("order"))
          .setValue(new Reference("ServiceRequest/" + m.order().getIdElement().getIdPart()));
    }
    record(t, done, actor, "moved " + seriesInstanceUids.size() + " series of " + studyInstanceUid
        + " to new study " + newUid + " of " + patientRef);
    Task saved = tasks.createSystem(t);
    decisions.remove(studyInstanceUid);
    decisions.put(newUid, new Decision(m, true, System.currentTimeMillis()));
    studies.studyUpdated(studyInstanceUid);
    studies.studyUpdated(newUid);
    studyChanged.accept(studyInstanceUid);
    studyChanged.accept(newUid);
    if (m.order() != null) {
      orders.complete(m.order().getIdElement().getIdPart());
    }
    LOG.info(() -> "Study " + studyInstanceUid + " split by " + actor + ": "
        + seriesInstanceUids.size() + " series to " + newUid + " of " + patientRef);
    return saved;
  }

  private static byte[] uuidBytes(java.util.UUID u) {
    return java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
        .putLong(u.getLeastSignificantBits()).array();
  }

  // ---- reading --------------------------------------------------------------------------------

  /**
   * The queue: reconciliation Tasks in some statuses, newest first.
   *
   * @param statuses e.g. {@code requested}; empty for all
   * @param offset the first
   * @param limit at most this many
   * @return the Tasks
   */
  public List<Task> queue(Set<String> statuses, int offset, int limit) {
    return tasks.find(TaskService.RECONCILE_STUDY, null, statuses, offset, limit);
  }

  /**
   * How many items the queue has in these statuses.
   *
   * @param statuses the statuses, empty for all
   * @return the count
   */
  public long queueSize(Set<String> statuses) {
    return tasks.count(TaskService.RECONCILE_STUDY, statuses);
  }

  /**
   * One queue item.
   *
   * @param taskId the Task id
   * @return the Task
   */
  public Task item(String taskId) {
    return readTask(taskId, TaskService.RECONCILE_STUDY);
  }

  /**
   * The audit trail: every completed staff action (assignments, merges, splits), newest first.
   *
   * @param offset the first
   * @param limit at most this many
   * @return the Tasks
   */
  public List<Task> audit(int offset, int limit) {
    List<Task> all = new ArrayList<>();
    all.addAll(tasks.find(TaskService.RECONCILE_STUDY, null, Set.of("completed"), 0,
        offset + limit));
    all.addAll(tasks.find(TaskService.MERGE_PATIENTS, null, Set.of(), 0, offset + limit));
    all.addAll(tasks.find(TaskService.SPLIT_STUDY, null, Set.of(), 0, offset + limit));
    all.sort((a, b) -> b.getLastModified().compareTo(a.getLastModified()));
    return all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** Derived Patients of the old header now stand for the assigned one (nothing is deleted). */
  private void retireDerivedPatients(String oldPatientId, String patientRef) {
    if (oldPatientId == null || oldPatientId.isBlank()) {
      return;
    }
    for (Patient p : patients.findByIdentifier(VetFhir.SID_PATIENT_ID, oldPatientId)) {
      if (PatientService.isDerived(p) && p.getActive() != Boolean.FALSE
          && p.getLink().stream().noneMatch(l -> l.getType() == Patient.LinkType.REPLACEDBY)
          && index.studyUidsOfPatient(oldPatientId).isEmpty()) {
        p.setActive(false);
        p.addLink().setOther(new Reference(patientRef)).setType(Patient.LinkType.REPLACEDBY);
        patients.systemUpdate(p.getIdElement().getIdPart(), p);
      }
    }
  }

  private static void record(Task t, HeaderCorrectionService.Correction done, String actor,
      String what) {
    t.addOutput().setType(new CodeableConcept().setText("instances-corrected"))
        .setValue(new IntegerType(done.instances()));
    List<String> tags = done.changedTags().stream()
        .map(tag -> String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF)).toList();
    t.addOutput().setType(new CodeableConcept().setText("attributes-corrected"))
        .setValue(new StringType(String.join(" ", tags)));
    String who = actor == null || actor.isBlank() ? "unknown" : actor;
    t.addNote(new Annotation().setAuthor(new StringType(who)).setTime(new Date())
        .setText(Instant.now() + " " + who + ": " + what + "; " + done.instances()
            + " instance(s) rewritten, previous values kept in Original Attributes Sequence"));
  }

  private Task readTask(String taskId, String code) {
    Task t;
    try {
      t = tasks.read(taskId);
    } catch (ResourceNotFoundException e) {
      throw new ReconciliationException(Kind.NOT_FOUND, "No queue item " + taskId);
    }
    boolean ours = t.getCode().getCoding().stream()
        .anyMatch(c -> TaskService.CS_TASK.equals(c.getSystem()) && code.equals(c.getCode()));
    if (!ours) {
      throw new ReconciliationException(Kind.NOT_FOUND, "No queue item " + taskId);
    }
    return t;
  }

  private static String outputReference(Task t, String type, String prefix) {
    for (Task.TaskOutputComponent o : t.getOutput()) {
      if (type.equals(o.getType().getText()) && o.getValue() instanceof Reference r
          && r.hasReference() && r.getReference().startsWith(prefix)) {
        return r.getReference().substring(prefix.length());
      }
    }
    return null;
  }

  private static void input(Task t, String type, String value) {
    if (value != null && !value.isBlank()) {
      t.addInput().setType(new CodeableConcept().setText(type)).setValue(new StringType(value));
    }
  }

  private static CodeableConcept code(String code, String display) {
    return new CodeableConcept(new Coding(TaskService.CS_TASK, code, display));
  }

  static String focus(String studyInstanceUid) {
    return "ImagingStudy/" + studyInstanceUid;
  }

  /** The animal (and order) staff named, or a 404 when either is unknown. */
  private StudyMatcher.Match assigned(String patientId, String orderId) {
    try {
      return matcher.assigned(patientId, blankToNull(orderId));
    } catch (ResourceNotFoundException e) {
      throw new ReconciliationException(Kind.NOT_FOUND, "No such patient or order");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static DicomPatientModule module(StudyRecord s) {
    return module(s.getPatientName(), s.getPatientId(), s.getPatientBirthDate(),
        s.getPatientSex(), s.getPatientSpeciesDescription(), s.getPatientBreedDescription(),
        s.getResponsiblePerson(), s.getResponsibleOrganization());
  }

  private static DicomPatientModule module(String name, String id, String birth, String sex,
      String species, String breed, String responsible, String organization) {
    return DicomPatientModule.basic(name, id, birth, sex, species, breed, responsible,
        organization);
  }
}

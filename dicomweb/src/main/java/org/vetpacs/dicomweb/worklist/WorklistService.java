package org.vetpacs.dicomweb.worklist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.vetpacs.model.animal.Breed;
import org.vetpacs.model.animal.NeuterStatus;
import org.vetpacs.model.animal.Sex;
import org.vetpacs.model.animal.Species;

/**
 * The store of scheduled procedure steps behind the Modality Worklist (PS3.4 K.6): it checks and
 * completes new items, keeps their status, and answers worklist queries with the matching rules of
 * PS3.4 C.2.2.2 ({@link WorklistQuery}) and the return keys of Table K.6-1 ({@link
 * WorklistDicomJson}). The DIMSE Modality Worklist C-FIND SCP calls {@link #find}; the HTTP face
 * {@code /api/worklist} calls the rest.
 *
 * <p>Uniqueness of Accession Number and Study Instance UID is checked before insert, for a clear
 * answer, and enforced by unique indexes (see {@code infrastructure.MongoIndexes}), which close the
 * race between two concurrent creations. Status changes of one item are serialized inside this
 * process; across nodes the last write wins.
 *
 * <p>Never logs a patient's or owner's name.
 */
@ApplicationScoped
public class WorklistService {

  private static final Logger LOG = Logger.getLogger(WorklistService.class.getName());

  /** Defined terms of Responsible Person Role (0010,2298), PS3.3 C.7.1.1 / CID 7450. */
  static final Set<String> RESPONSIBLE_PERSON_ROLES =
      Set.of(
          "OWNER",
          "PARENT",
          "CHILD",
          "SPOUSE",
          "SIBLING",
          "RELATIVE",
          "GUARDIAN",
          "CUSTODIAN",
          "AGENT",
          "INVESTIGATOR",
          "VETERINARIAN");

  /** Defined terms of Requested Procedure Priority (0040,1003), PS3.3 C.4.11 (Requested Procedure). */
  static final Set<String> PRIORITIES = Set.of("STAT", "HIGH", "ROUTINE", "MEDIUM", "LOW");

  /** Sex words from practice-management systems that also say whether the animal is neutered. */
  private static final Map<String, NeuterStatus> NEUTER_IN_SEX =
      Map.ofEntries(
          Map.entry("mn", NeuterStatus.ALTERED),
          Map.entry("mc", NeuterStatus.ALTERED),
          Map.entry("fs", NeuterStatus.ALTERED),
          Map.entry("neutered male", NeuterStatus.ALTERED),
          Map.entry("castrated male", NeuterStatus.ALTERED),
          Map.entry("spayed female", NeuterStatus.ALTERED),
          Map.entry("neutered female", NeuterStatus.ALTERED),
          Map.entry("gelding", NeuterStatus.ALTERED),
          Map.entry("mi", NeuterStatus.UNALTERED),
          Map.entry("fi", NeuterStatus.UNALTERED),
          Map.entry("intact male", NeuterStatus.UNALTERED),
          Map.entry("intact female", NeuterStatus.UNALTERED),
          Map.entry("stallion", NeuterStatus.UNALTERED));

  private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);
  private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss", Locale.ROOT);
  private static final DateTimeFormatter ACCESSION_DATE =
      DateTimeFormatter.ofPattern("uuMMdd", Locale.ROOT);
  private static final int STRIPES = 64;

  private final Object[] locks = new Object[STRIPES];
  private final SecureRandom random = new SecureRandom();
  private WorklistRepository repository;
  private Clock clock;

  protected WorklistService() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  @Inject
  public WorklistService(WorklistRepository repository) {
    this(repository, Clock.systemDefaultZone());
  }

  /**
   * @param clock gives "now" for timestamps, and "today" (in the clock's zone: the clinic's) for a
   *     step scheduled without a date
   */
  public WorklistService(WorklistRepository repository, Clock clock) {
    this();
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * Validates and stores a new scheduled procedure step.
   *
   * <p>Required: PatientName, PatientID, Modality. Assigned when absent: AccessionNumber ({@code
   * VP} + YYMMDD + 6 random characters), StudyInstanceUID (a {@code 2.25} UUID-derived UID, PS3.5
   * B.2, so the images carry the UID the order knows), RequestedProcedureID (the Accession Number),
   * ScheduledProcedureStepID, ScheduledProcedureStepStartDate and Time (now),
   * ScheduledProcedureStepStatus (SCHEDULED; a new step may also be ARRIVED or READY), and
   * ResponsiblePersonRole (OWNER, when a ResponsiblePerson is given). Species and breed text is
   * mapped to the canonical description and SNOMED CT code where the vocabulary knows it ("dog"
   * becomes "Canine", 448771007); unknown text is kept as given, without a code.
   *
   * @throws WorklistException INVALID for a missing or malformed value, CONFLICT for an Accession
   *     Number or Study Instance UID already in the worklist
   */
  public WorklistItem create(NewWorklistItem request) {
    return insertNew(validated(request));
  }

  private WorklistItem insertNew(WorklistItem item) {
    if (item.getAccessionNumber() == null) {
      item.setAccessionNumber(newAccessionNumber());
    } else if (repository.existsByAccessionNumber(item.getAccessionNumber())) {
      throw WorklistException.conflict(
          "AccessionNumber " + item.getAccessionNumber() + " is already in the worklist");
    }
    if (item.getStudyInstanceUid() == null) {
      item.setStudyInstanceUid(newUid());
    } else if (repository.existsByStudyInstanceUid(item.getStudyInstanceUid())) {
      throw WorklistException.conflict(
          "StudyInstanceUID " + item.getStudyInstanceUid() + " is already in the worklist");
    }
    if (item.getRequestedProcedureId() == null) {
      item.setRequestedProcedureId(item.getAccessionNumber());
    }
    if (item.getScheduledProcedureStepId() == null) {
      item.setScheduledProcedureStepId("SPS" + randomChars(10));
    }
    item.setId(UUID.randomUUID().toString());
    String now = Instant.now(clock).toString();
    item.setCreatedAt(now);
    item.setUpdatedAt(now);
    repository.insert(item);
    LOG.info(
        () ->
            "Worklist item "
                + item.getId()
                + " scheduled: accession "
                + item.getAccessionNumber()
                + ", modality "
                + item.getModality()
                + ", station "
                + item.getScheduledStationAeTitle()
                + ", "
                + item.getScheduledProcedureStepStartDate());
    return item;
  }

  /**
   * Schedules, or reschedules, the one item of an order (the FHIR face calls this for an active
   * ServiceRequest). Idempotent: the first call creates the item with {@code orderId} stored on it,
   * later calls replace its attributes with the request's, keeping what the server assigned
   * (Study Instance UID, Requested Procedure ID, Scheduled Procedure Step ID, Accession Number
   * unless the request names one) and the step's status. An item already COMPLETED or
   * DISCONTINUED is left as it is. Calls for one order are serialized inside this process.
   *
   * @param orderId the order's id (e.g. a ServiceRequest id)
   * @param request the attributes, checked as by {@link #create}
   * @return the stored item
   * @throws WorklistException INVALID or CONFLICT as {@link #create}
   */
  public WorklistItem scheduleForOrder(String orderId, NewWorklistItem request) {
    synchronized (lockFor("order:" + orderId)) {
      Optional<WorklistItem> existing = repository.findByOrderId(orderId);
      WorklistItem item = validated(request);
      item.setOrderId(orderId);
      if (existing.isEmpty()) {
        return insertNew(item);
      }
      WorklistItem old = existing.get();
      if (old.status().isFinal()) {
        return old;
      }
      if (item.getAccessionNumber() == null) {
        item.setAccessionNumber(old.getAccessionNumber());
      } else if (!item.getAccessionNumber().equals(old.getAccessionNumber())
          && repository.existsByAccessionNumber(item.getAccessionNumber())) {
        throw WorklistException.conflict(
            "AccessionNumber " + item.getAccessionNumber() + " is already in the worklist");
      }
      if (item.getStudyInstanceUid() == null) {
        item.setStudyInstanceUid(old.getStudyInstanceUid());
      }
      if (item.getRequestedProcedureId() == null) {
        item.setRequestedProcedureId(old.getRequestedProcedureId());
      }
      if (item.getScheduledProcedureStepId() == null) {
        item.setScheduledProcedureStepId(old.getScheduledProcedureStepId());
      }
      item.setScheduledProcedureStepStatus(old.getScheduledProcedureStepStatus());
      item.setId(old.getId());
      item.setCreatedAt(old.getCreatedAt());
      item.setUpdatedAt(Instant.now(clock).toString());
      repository.update(item);
      LOG.info(() -> "Worklist item " + item.getId() + " of order " + orderId + " updated");
      return item;
    }
  }

  /**
   * The item scheduled from an order.
   *
   * @param orderId the order's id
   * @return the item, if the order has one
   */
  public Optional<WorklistItem> findByOrder(String orderId) {
    return orderId == null ? Optional.empty() : repository.findByOrderId(orderId);
  }

  /**
   * Ends the item of an order: COMPLETED (the order was fulfilled) or DISCONTINUED (it was
   * revoked). Either way it leaves the worklist; nothing happens when the order has no item or its
   * item is already final.
   *
   * @param orderId the order's id
   * @param status COMPLETED or DISCONTINUED
   * @return the item, if the order has one
   */
  public Optional<WorklistItem> endOrder(String orderId, ProcedureStepStatus status) {
    if (!status.isFinal()) {
      throw new IllegalArgumentException("An order ends COMPLETED or DISCONTINUED: " + status);
    }
    // No order lock here: updateStatus serializes the change on the item itself.
    Optional<WorklistItem> item = repository.findByOrderId(orderId);
    if (item.isEmpty() || item.get().status().isFinal()) {
      return item;
    }
    return Optional.of(updateStatus(item.get().getId(), status));
  }

  /**
   * The item with that id.
   *
   * @throws WorklistException NOT_FOUND
   */
  public WorklistItem get(String id) {
    return lookup(id).orElseThrow(() -> WorklistException.notFound(id));
  }

  /**
   * The items matching a Modality Worklist query, ordered by scheduled start date and time.
   *
   * @param matchKeys matching keys by DICOM keyword (or tag), as described by {@link
   *     WorklistQuery}; keys it does not support are ignored
   * @throws WorklistException INVALID for a malformed matching value
   */
  public List<WorklistItem> search(Map<String, String> matchKeys) {
    WorklistQuery query = WorklistQuery.parse(matchKeys);
    return repository.candidates(query).stream()
        .filter(query::matches)
        .sorted(
            Comparator.comparing(WorklistItem::getScheduledProcedureStepStartDate)
                .thenComparing(WorklistItem::getScheduledProcedureStepStartTime)
                .thenComparing(WorklistItem::getAccessionNumber))
        .toList();
  }

  /**
   * What the Modality Worklist C-FIND SCP answers: one DICOM JSON object (PS3.18 F.2) per matching
   * item, with the return keys of PS3.4 Table K.6-1 and the veterinary patient attributes ({@link
   * WorklistDicomJson}).
   *
   * @param matchKeys matching keys of the C-FIND identifier by keyword, the attributes of Scheduled
   *     Procedure Step Sequence flattened to the top level (see {@link WorklistQuery})
   * @throws WorklistException INVALID for a malformed matching value
   */
  public List<String> find(Map<String, String> matchKeys) {
    return search(matchKeys).stream().map(WorklistDicomJson::of).toList();
  }

  /**
   * Moves the step to another status (PS3.3 C.4.10 defined terms; see {@link
   * ProcedureStepStatus#canMoveTo} for what is allowed).
   *
   * @throws WorklistException NOT_FOUND, or CONFLICT when the step may not move to that status
   */
  public WorklistItem updateStatus(String id, ProcedureStepStatus status) {
    synchronized (lockFor(id)) {
      WorklistItem item = get(id);
      ProcedureStepStatus current = item.status();
      if (!current.canMoveTo(status)) {
        throw WorklistException.conflict(
            "Worklist item " + id + " is " + current + " and cannot become " + status);
      }
      if (current != status) {
        item.setScheduledProcedureStepStatus(status.name());
        item.setUpdatedAt(Instant.now(clock).toString());
        repository.update(item);
        LOG.info(() -> "Worklist item " + id + ": " + current + " -> " + status);
      }
      return item;
    }
  }

  /**
   * Discontinues the step: it leaves the worklist but stays on record (the worklist's delete).
   * Discontinuing a discontinued step again changes nothing.
   *
   * @throws WorklistException NOT_FOUND, or CONFLICT when the step is already COMPLETED
   */
  public WorklistItem discontinue(String id) {
    return updateStatus(id, ProcedureStepStatus.DISCONTINUED);
  }

  private Optional<WorklistItem> lookup(String id) {
    return id == null || id.isBlank() ? Optional.empty() : repository.findById(id);
  }

  private Object lockFor(String id) {
    return locks[Math.floorMod(id.hashCode(), STRIPES)];
  }

  /** The request checked value by value (PS3.5 VRs), normalized, with defaults filled in. */
  private WorklistItem validated(NewWorklistItem r) {
    WorklistItem item = new WorklistItem();
    item.setPatientName(
        required("PatientName", DicomValues.pn("PatientName", r.get("PatientName"))));
    item.setPatientId(required("PatientID", DicomValues.lo("PatientID", r.get("PatientID"))));
    item.setPatientBirthDate(DicomValues.da("PatientBirthDate", r.get("PatientBirthDate")));
    setSexAndNeuterStatus(item, r);
    setSpeciesAndBreed(item, r);

    item.setResponsiblePerson(DicomValues.pn("ResponsiblePerson", r.get("ResponsiblePerson")));
    String role = DicomValues.cs("ResponsiblePersonRole", r.get("ResponsiblePersonRole"));
    if (role != null && !RESPONSIBLE_PERSON_ROLES.contains(role)) {
      throw WorklistException.invalid(
          "ResponsiblePersonRole must be one of " + RESPONSIBLE_PERSON_ROLES + ": " + role);
    }
    if (role == null && item.getResponsiblePerson() != null) {
      role = "OWNER"; // the clinic convention: the responsible person is the owner
    }
    item.setResponsiblePersonRole(role);
    item.setResponsibleOrganization(
        DicomValues.lo("ResponsibleOrganization", r.get("ResponsibleOrganization")));

    item.setAccessionNumber(DicomValues.sh("AccessionNumber", r.get("AccessionNumber")));
    item.setRequestedProcedureId(
        DicomValues.sh("RequestedProcedureID", r.get("RequestedProcedureID")));
    item.setRequestedProcedureDescription(
        DicomValues.lo("RequestedProcedureDescription", r.get("RequestedProcedureDescription")));
    setRequestedProcedureCode(item, r);
    item.setStudyInstanceUid(DicomValues.ui("StudyInstanceUID", r.get("StudyInstanceUID")));
    item.setReferringPhysicianName(
        DicomValues.pn("ReferringPhysicianName", r.get("ReferringPhysicianName")));
    item.setRequestingPhysician(
        DicomValues.pn("RequestingPhysician", r.get("RequestingPhysician")));
    item.setReasonForRequestedProcedure(
        DicomValues.lo(
            "ReasonForTheRequestedProcedure", r.get("ReasonForTheRequestedProcedure")));
    String priority =
        DicomValues.cs("RequestedProcedurePriority", r.get("RequestedProcedurePriority"));
    if (priority != null && !PRIORITIES.contains(priority)) {
      throw WorklistException.invalid(
          "RequestedProcedurePriority must be one of " + PRIORITIES + ": " + priority);
    }
    item.setRequestedProcedurePriority(priority);

    item.setModality(required("Modality", DicomValues.cs("Modality", r.get("Modality"))));
    item.setScheduledStationAeTitle(
        DicomValues.ae("ScheduledStationAETitle", r.get("ScheduledStationAETitle")));
    LocalDateTime now = LocalDateTime.now(clock);
    String date =
        DicomValues.da("ScheduledProcedureStepStartDate", r.get("ScheduledProcedureStepStartDate"));
    String time =
        DicomValues.tm("ScheduledProcedureStepStartTime", r.get("ScheduledProcedureStepStartTime"));
    item.setScheduledProcedureStepStartDate(date != null ? date : now.format(DA));
    item.setScheduledProcedureStepStartTime(time != null ? time : now.format(TM));
    item.setScheduledPerformingPhysicianName(
        DicomValues.pn(
            "ScheduledPerformingPhysicianName", r.get("ScheduledPerformingPhysicianName")));
    item.setScheduledProcedureStepDescription(
        DicomValues.lo(
            "ScheduledProcedureStepDescription", r.get("ScheduledProcedureStepDescription")));
    item.setScheduledProcedureStepId(
        DicomValues.sh("ScheduledProcedureStepID", r.get("ScheduledProcedureStepID")));
    String statusText = r.get("ScheduledProcedureStepStatus");
    ProcedureStepStatus status =
        statusText == null || statusText.isBlank()
            ? ProcedureStepStatus.SCHEDULED
            : ProcedureStepStatus.parse(statusText);
    if (!status.isWaiting()) {
      throw WorklistException.invalid(
          "ScheduledProcedureStepStatus of a new step must be SCHEDULED, ARRIVED or READY, not "
              + status);
    }
    item.setScheduledProcedureStepStatus(status.name());
    return item;
  }

  private static void setSexAndNeuterStatus(WorklistItem item, NewWorklistItem r) {
    String sexText = DicomValues.lo("PatientSex", r.get("PatientSex"));
    if (sexText != null) {
      Sex sex =
          Sex.fromText(sexText)
              .orElseThrow(
                  () ->
                      WorklistException.invalid(
                          "PatientSex must be M, F or O (PS3.3 C.7.1.1): " + sexText));
      item.setPatientSex(sex.dicomValue());
    }
    String neuterText = DicomValues.lo("PatientSexNeutered", r.get("PatientSexNeutered"));
    NeuterStatus neuter = null;
    if (neuterText != null) {
      neuter =
          NeuterStatus.fromText(neuterText)
              .orElseThrow(
                  () ->
                      WorklistException.invalid(
                          "PatientSexNeutered must be ALTERED or UNALTERED (PS3.3 C.7.1.1): "
                              + neuterText));
    } else if (sexText != null) {
      neuter = NEUTER_IN_SEX.get(sexText.toLowerCase(Locale.ROOT)); // "MN", "spayed female"
    }
    item.setPatientSexNeutered(neuter == null ? null : neuter.dicomValue());
  }

  /**
   * Species and breed: the canonical description and the SNOMED CT code when the vocabulary knows
   * the text; a known breed also gives the species when none was sent; a known breed of another
   * species than the one sent is refused, since it would go into every image.
   */
  private static void setSpeciesAndBreed(WorklistItem item, NewWorklistItem r) {
    String speciesText =
        DicomValues.lo("PatientSpeciesDescription", r.get("PatientSpeciesDescription"));
    String breedText = DicomValues.lo("PatientBreedDescription", r.get("PatientBreedDescription"));
    Species species = Species.fromText(speciesText).orElse(null);
    Breed breed = null;
    if (breedText != null) {
      breed = Breed.fromText(breedText, species).orElse(null);
      Breed anySpecies = Breed.fromText(breedText).orElse(null);
      if (breed == null
          && species != null
          && anySpecies != null
          && anySpecies.species() != species) {
        throw WorklistException.invalid(
            "PatientBreedDescription "
                + breedText
                + " is a breed of "
                + anySpecies.species().commonName()
                + ", not of "
                + species.commonName());
      }
      if (breed != null && species == null && speciesText == null) {
        species = breed.species();
      }
    }
    if (species != null) {
      item.setPatientSpeciesDescription(species.dicomDescription());
      item.setPatientSpeciesCode(species.snomedCode());
      item.setPatientSpeciesCodeMeaning(species.snomedDisplay());
    } else {
      item.setPatientSpeciesDescription(speciesText);
    }
    if (breed != null) {
      item.setPatientBreedDescription(breed.description());
      item.setPatientBreedCode(breed.snomedCode());
      item.setPatientBreedCodeMeaning(breed.snomedDisplay());
    } else {
      item.setPatientBreedDescription(breedText);
    }
  }

  private static void setRequestedProcedureCode(WorklistItem item, NewWorklistItem r) {
    String value = DicomValues.sh("RequestedProcedureCodeSequence CodeValue", r.codeValue());
    String scheme =
        DicomValues.sh(
            "RequestedProcedureCodeSequence CodingSchemeDesignator", r.codingSchemeDesignator());
    String meaning = DicomValues.lo("RequestedProcedureCodeSequence CodeMeaning", r.codeMeaning());
    int given = (value == null ? 0 : 1) + (scheme == null ? 0 : 1) + (meaning == null ? 0 : 1);
    if (given != 0 && given != 3) {
      throw WorklistException.invalid(
          "RequestedProcedureCodeSequence needs CodeValue, CodingSchemeDesignator and CodeMeaning"
              + " (PS3.3 Table 8.8-1)");
    }
    item.setRequestedProcedureCodeValue(value);
    item.setRequestedProcedureCodingSchemeDesignator(scheme);
    item.setRequestedProcedureCodeMeaning(meaning);
  }

  private static String required(String keyword, String value) {
    if (value == null) {
      throw WorklistException.invalid(keyword + " is required");
    }
    return value;
  }

  private String newAccessionNumber() {
    String prefix = "VP" + LocalDateTime.now(clock).format(ACCESSION_DATE);
    for (int attempt = 0; attempt < 10; attempt++) {
      String candidate = prefix + randomChars(6);
      if (!repository.existsByAccessionNumber(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("Could not find a free accession number");
  }

  /** A UID under the 2.25 root from a random UUID (PS3.5 B.2), at most 44 characters. */
  static String newUid() {
    UUID uuid = UUID.randomUUID();
    ByteBuffer bytes = ByteBuffer.allocate(16);
    bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    return "2.25." + new BigInteger(1, bytes.array());
  }

  /** Upper-case letters and digits, without the look-alikes 0/O and 1/I. */
  private String randomChars(int n) {
    String alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }
}

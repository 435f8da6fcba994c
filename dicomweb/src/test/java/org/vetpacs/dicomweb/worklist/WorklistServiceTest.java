package org.vetpacs.dicomweb.worklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Creating, reading and changing scheduled procedure steps: the rules of {@link WorklistService}.
 */
class WorklistServiceTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:30:15Z"), ZoneOffset.UTC);

  private InMemoryWorklistRepository repository;
  private WorklistService service;

  @BeforeEach
  void setUp() {
    repository = new InMemoryWorklistRepository();
    service = new WorklistService(repository, CLOCK);
  }

  static NewWorklistItem minimal() {
    return new NewWorklistItem()
        .set("PatientName", "BAILEY^SMITH")
        .set("PatientID", "VP0001")
        .set("Modality", "DX");
  }

  private WorklistException refused(NewWorklistItem request) {
    return assertThrows(WorklistException.class, () -> service.create(request));
  }

  @Test
  void createAssignsAccessionStudyUidStepIdsAndSchedulesForNow() {
    WorklistItem item = service.create(minimal());

    assertTrue(item.getAccessionNumber().matches("VP261125[A-Z0-9]{6}"), item.getAccessionNumber());
    assertTrue(item.getStudyInstanceUid().startsWith("2.25."), item.getStudyInstanceUid());
    assertTrue(DicomValues.isUid(item.getStudyInstanceUid()));
    assertEquals(item.getAccessionNumber(), item.getRequestedProcedureId());
    assertTrue(item.getScheduledProcedureStepId().matches("SPS[A-Z0-9]{10}"));
    assertEquals("20261125", item.getScheduledProcedureStepStartDate());
    assertEquals("093015", item.getScheduledProcedureStepStartTime());
    assertEquals("SCHEDULED", item.getScheduledProcedureStepStatus());
    assertEquals("2026-11-25T09:30:15Z", item.getCreatedAt());
    assertEquals(item.getCreatedAt(), item.getUpdatedAt());
    assertEquals(item, repository.items.get(item.getId()));
  }

  @Test
  void createKeepsValuesTheCallerAssigned() {
    WorklistItem item =
        service.create(
            minimal()
                .set("AccessionNumber", "ACC-42")
                .set("StudyInstanceUID", "1.2.826.0.1.3680043.10.1.42")
                .set("RequestedProcedureID", "RP42")
                .set("ScheduledProcedureStepID", "SPS42")
                .set("ScheduledProcedureStepStartDate", "20261201")
                .set("ScheduledProcedureStepStartTime", "143000")
                .set("ScheduledStationAETitle", "DR_ROOM_1")
                .set("ScheduledProcedureStepStatus", "arrived")
                .set("Modality", "cr"));
    assertEquals("ACC-42", item.getAccessionNumber());
    assertEquals("1.2.826.0.1.3680043.10.1.42", item.getStudyInstanceUid());
    assertEquals("RP42", item.getRequestedProcedureId());
    assertEquals("SPS42", item.getScheduledProcedureStepId());
    assertEquals("20261201", item.getScheduledProcedureStepStartDate());
    assertEquals("143000", item.getScheduledProcedureStepStartTime());
    assertEquals("DR_ROOM_1", item.getScheduledStationAeTitle());
    assertEquals("ARRIVED", item.getScheduledProcedureStepStatus());
    assertEquals("CR", item.getModality());
  }

  @Test
  void twoItemsGetDifferentAccessionNumbersAndStudyUids() {
    WorklistItem a = service.create(minimal());
    WorklistItem b = service.create(minimal());
    assertNotEquals(a.getId(), b.getId());
    assertNotEquals(a.getAccessionNumber(), b.getAccessionNumber());
    assertNotEquals(a.getStudyInstanceUid(), b.getStudyInstanceUid());
  }

  @ParameterizedTest
  @CsvSource({"PatientName", "PatientID", "Modality"})
  void createRequires(String keyword) {
    WorklistException e = refused(minimal().set(keyword, "  "));
    assertEquals(WorklistException.Kind.INVALID, e.kind());
    assertEquals(keyword + " is required", e.getMessage());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ScheduledProcedureStepStartDate|2026-12-01|YYYYMMDD",
        "ScheduledProcedureStepStartDate|20260230|YYYYMMDD",
        "PatientBirthDate|2019031|YYYYMMDD",
        "ScheduledProcedureStepStartTime|1430|HHMMSS",
        "ScheduledProcedureStepStartTime|246000|HHMMSS",
        "ScheduledProcedureStepStartTime|14:30:00|HHMMSS",
        "ScheduledStationAETitle|DR_ROOM_1_NORTH_WING|longer than 16",
        "AccessionNumber|ACC-0123456789-XY|longer than 16",
        "PatientName|BAILEY\\SMITH|backslash",
        "PatientSex|dragon|M, F or O",
        "PatientSexNeutered|maybe|ALTERED or UNALTERED",
        "Modality|D-X|CS",
        "StudyInstanceUID|1.2.03|valid UID",
        "ResponsiblePersonRole|NEIGHBOUR|ResponsiblePersonRole must be one of",
        "ScheduledProcedureStepStatus|STARTED|must be SCHEDULED, ARRIVED or READY",
        "ScheduledProcedureStepStatus|WAITING|must be one of"
      })
  void createRejectsMalformedValueWithReason(String keyword, String value, String reason) {
    WorklistException e = refused(minimal().set(keyword, value));
    assertEquals(WorklistException.Kind.INVALID, e.kind());
    assertTrue(e.getMessage().contains(keyword), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void createRejectsUnknownAttributeKeyword() {
    WorklistException e =
        assertThrows(WorklistException.class, () -> new NewWorklistItem().set("PatientId", "x"));
    assertEquals(WorklistException.Kind.INVALID, e.kind());
    assertTrue(e.getMessage().contains("PatientId"));
  }

  @Test
  void createAcceptsSixteenCharacterAeTitle() {
    assertEquals(
        "ABCDEFGHIJKLMNOP",
        service
            .create(minimal().set("ScheduledStationAETitle", "ABCDEFGHIJKLMNOP"))
            .getScheduledStationAeTitle());
  }

  @Test
  void createMapsSpeciesAndBreedTextToCanonicalDescriptionsAndSnomedCodes() {
    WorklistItem item =
        service.create(
            minimal()
                .set("PatientSpeciesDescription", "dog")
                .set("PatientBreedDescription", "labrador retriever"));
    assertEquals("Canine", item.getPatientSpeciesDescription());
    assertEquals("448771007", item.getPatientSpeciesCode());
    assertEquals("Canis lupus familiaris", item.getPatientSpeciesCodeMeaning());
    assertEquals("Labrador Retriever", item.getPatientBreedDescription());
    assertEquals("62137007", item.getPatientBreedCode());
    assertEquals("Labrador retriever dog breed", item.getPatientBreedCodeMeaning());
  }

  @Test
  void createTakesTheSpeciesFromAKnownBreedWhenNoneIsSent() {
    WorklistItem item = service.create(minimal().set("PatientBreedDescription", "Siamese"));
    assertEquals("Feline", item.getPatientSpeciesDescription());
    assertEquals("448169003", item.getPatientSpeciesCode());
    assertEquals("65694005", item.getPatientBreedCode());
  }

  @Test
  void createRefusesABreedOfAnotherSpecies() {
    WorklistException e =
        refused(
            minimal()
                .set("PatientSpeciesDescription", "Feline")
                .set("PatientBreedDescription", "Beagle"));
    assertEquals(WorklistException.Kind.INVALID, e.kind());
    assertTrue(e.getMessage().contains("breed of dog, not of cat"), e.getMessage());
  }

  @Test
  void createKeepsUnknownSpeciesAndBreedTextWithoutCodes() {
    WorklistItem item =
        service.create(
            minimal()
                .set("PatientSpeciesDescription", "Axolotl")
                .set("PatientBreedDescription", "Leucistic"));
    assertEquals("Axolotl", item.getPatientSpeciesDescription());
    assertNull(item.getPatientSpeciesCode());
    assertEquals("Leucistic", item.getPatientBreedDescription());
    assertNull(item.getPatientBreedCode());
  }

  @Test
  void createWritesKnownSpeciesWithoutVerifiedCodeAsTextOnly() {
    WorklistItem item = service.create(minimal().set("PatientSpeciesDescription", "budgie"));
    assertEquals("Avian", item.getPatientSpeciesDescription());
    assertNull(item.getPatientSpeciesCode());
  }

  @Test
  void createReadsNeuterStatusFromPracticeManagementSexCodes() {
    WorklistItem neutered = service.create(minimal().set("PatientSex", "MN"));
    assertEquals("M", neutered.getPatientSex());
    assertEquals("ALTERED", neutered.getPatientSexNeutered());
    WorklistItem intact = service.create(minimal().set("PatientSex", "female"));
    assertEquals("F", intact.getPatientSex());
    assertNull(intact.getPatientSexNeutered());
    WorklistItem explicit =
        service.create(minimal().set("PatientSex", "F").set("PatientSexNeutered", "spayed"));
    assertEquals("ALTERED", explicit.getPatientSexNeutered());
  }

  @Test
  void createMakesTheResponsiblePersonTheOwner() {
    WorklistItem item = service.create(minimal().set("ResponsiblePerson", "SMITH^JANE"));
    assertEquals("SMITH^JANE", item.getResponsiblePerson());
    assertEquals("OWNER", item.getResponsiblePersonRole());
    assertNull(service.create(minimal()).getResponsiblePersonRole());
  }

  @Test
  void createRefusesDuplicateAccessionNumberAndStudyUidWithConflict() {
    service.create(minimal().set("AccessionNumber", "A1").set("StudyInstanceUID", "1.2.3.4"));
    WorklistException accession = refused(minimal().set("AccessionNumber", "A1"));
    assertEquals(WorklistException.Kind.CONFLICT, accession.kind());
    assertTrue(accession.getMessage().contains("A1"));
    WorklistException uid = refused(minimal().set("StudyInstanceUID", "1.2.3.4"));
    assertEquals(WorklistException.Kind.CONFLICT, uid.kind());
    assertEquals(1, repository.items.size());
  }

  @Test
  void createTakesARequestedProcedureCodeOnlyWhole() {
    WorklistItem item =
        service.create(minimal().requestedProcedureCode("VP-THX2", "99VETPACS", "Thorax 2 views"));
    assertEquals("VP-THX2", item.getRequestedProcedureCodeValue());
    assertEquals("99VETPACS", item.getRequestedProcedureCodingSchemeDesignator());
    assertEquals("Thorax 2 views", item.getRequestedProcedureCodeMeaning());
    WorklistException e = refused(minimal().requestedProcedureCode("VP-THX2", null, "Thorax"));
    assertTrue(e.getMessage().contains("RequestedProcedureCodeSequence"));
  }

  @Test
  void getOfUnknownIdIsNotFound() {
    WorklistException e = assertThrows(WorklistException.class, () -> service.get("nope"));
    assertEquals(WorklistException.Kind.NOT_FOUND, e.kind());
  }

  @Test
  void statusMovesThroughTheDayAndStampsTheChange() {
    Clock later = Clock.offset(CLOCK, java.time.Duration.ofMinutes(5));
    String id = service.create(minimal()).getId();
    service = new WorklistService(repository, later);
    assertEquals(
        "ARRIVED",
        service.updateStatus(id, ProcedureStepStatus.ARRIVED).getScheduledProcedureStepStatus());
    assertEquals(
        "READY",
        service.updateStatus(id, ProcedureStepStatus.READY).getScheduledProcedureStepStatus());
    assertEquals(
        "STARTED",
        service.updateStatus(id, ProcedureStepStatus.STARTED).getScheduledProcedureStepStatus());
    WorklistItem done = service.updateStatus(id, ProcedureStepStatus.COMPLETED);
    assertEquals("COMPLETED", done.getScheduledProcedureStepStatus());
    assertEquals("2026-11-25T09:35:15Z", done.getUpdatedAt());
    assertEquals("2026-11-25T09:30:15Z", done.getCreatedAt());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "COMPLETED,SCHEDULED",
    "COMPLETED,DISCONTINUED",
    "DISCONTINUED,READY",
    "STARTED,SCHEDULED"
  })
  void statusChangeOutOfFinalOrStartedStepIsAConflict(String from, String to) {
    WorklistItem item = service.create(minimal());
    item.setScheduledProcedureStepStatus(from);
    WorklistException e =
        assertThrows(
            WorklistException.class,
            () -> service.updateStatus(item.getId(), ProcedureStepStatus.valueOf(to)));
    assertEquals(WorklistException.Kind.CONFLICT, e.kind());
    assertEquals(from, repository.items.get(item.getId()).getScheduledProcedureStepStatus());
  }

  @Test
  void settingTheSameStatusAgainChangesNothing() {
    String id = service.create(minimal()).getId();
    service.updateStatus(id, ProcedureStepStatus.SCHEDULED);
    assertEquals(0, repository.updates);
  }

  @Test
  void discontinueTakesTheStepOffTheWorklistAndIsIdempotent() {
    WorklistItem item = service.create(minimal());
    assertEquals(1, service.find(java.util.Map.of()).size());
    assertEquals(
        "DISCONTINUED", service.discontinue(item.getId()).getScheduledProcedureStepStatus());
    assertEquals(
        "DISCONTINUED", service.discontinue(item.getId()).getScheduledProcedureStepStatus());
    assertEquals(0, service.find(java.util.Map.of()).size());
    assertEquals(item, service.get(item.getId())); // still on record
  }

  @Test
  void updateOfUnknownIdIsNotFound() {
    WorklistException e =
        assertThrows(WorklistException.class, () -> service.discontinue("no-such-id"));
    assertEquals(WorklistException.Kind.NOT_FOUND, e.kind());
  }

  @Test
  void statusTextIsReadIgnoringCaseAndUnknownTextIsInvalid() {
    assertEquals(ProcedureStepStatus.READY, ProcedureStepStatus.parse(" ready "));
    assertEquals(
        WorklistException.Kind.INVALID,
        assertThrows(WorklistException.class, () -> ProcedureStepStatus.parse("CANCELED")).kind());
  }
}

package org.vetpacs.dicomweb.worklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Worklist queries through {@link WorklistService#search}: the matching rules of PS3.4 C.2.2.2 on
 * the matching keys of Table K.6-1, and the default status filter.
 */
class WorklistMatchingTest {

  private WorklistService service;

  @BeforeEach
  void setUp() {
    service = new WorklistService(new InMemoryWorklistRepository(), WorklistServiceTest.CLOCK);
    schedule("BAILEY^SMITH", "VP1", "DX", "DR1", "20261125", "083000", "Canine");
    schedule("bella^jones", "VP2", "DX", "DR1", "20261125", "101500", "Feline");
    schedule("MAX^BROWN", "VP3", "CT", "CT_SCANNER", "20261126", "140000", "Canine");
    schedule("LUNA^SMITH", "VP4", "US", "US1", "20261124", "235959", "Equine");
  }

  private void schedule(
      String name,
      String id,
      String modality,
      String ae,
      String date,
      String time,
      String species) {
    service.create(
        new NewWorklistItem()
            .set("PatientName", name)
            .set("PatientID", id)
            .set("Modality", modality)
            .set("ScheduledStationAETitle", ae)
            .set("ScheduledProcedureStepStartDate", date)
            .set("ScheduledProcedureStepStartTime", time)
            .set("PatientSpeciesDescription", species)
            .set("ScheduledPerformingPhysicianName", "DR^HOUSE")
            .set("AccessionNumber", "ACC" + id));
  }

  /** Patient IDs of the matches, in the order returned. */
  private List<String> ids(String... keysAndValues) {
    Map<String, String> keys = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      keys.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return service.search(keys).stream().map(WorklistItem::getPatientId).toList();
  }

  private WorklistException.Kind refusal(String key, String value) {
    return assertThrows(WorklistException.class, () -> service.search(Map.of(key, value))).kind();
  }

  @Test
  void noKeysMatchEveryWaitingStepOrderedByStartDateAndTime() {
    assertEquals(List.of("VP4", "VP1", "VP2", "VP3"), ids());
  }

  @Test
  void emptyValuesAndLoneAsteriskAreUniversalMatching() {
    assertEquals(
        List.of("VP4", "VP1", "VP2", "VP3"),
        ids(
            "PatientName",
            "",
            "Modality",
            "*",
            "ScheduledProcedureStepStartDate",
            "",
            "StudyInstanceUID",
            "",
            "ScheduledProcedureStepStatus",
            ""));
  }

  @Test
  void patientNameMatchesIgnoringCase() {
    assertEquals(List.of("VP1"), ids("PatientName", "bailey^smith"));
    assertEquals(List.of("VP2"), ids("PatientName", "BELLA^JONES"));
  }

  @Test
  void patientNameSingleValueMatchingIsWholeValue() {
    assertEquals(List.of(), ids("PatientName", "BAILEY"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "*^SMITH|VP4,VP1",
        "b*|VP1,VP2",
        "?AX^BROWN|VP3",
        "B??LEY*|VP1",
        "*a*|VP4,VP1,VP2,VP3",
        "L?NA|''"
      })
  void patientNameWildcards(String pattern, String expected) {
    List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(","));
    assertEquals(want, ids("PatientName", pattern));
  }

  @Test
  void wildcardCharactersInTheValueAreTheOnlySpecialOnes() {
    assertEquals(List.of(), ids("PatientName", "BAILEY.SMITH"));
    assertEquals(List.of(), ids("PatientName", "(.*)"));
  }

  @Test
  void nonNameKeysMatchCaseSensitively() {
    assertEquals(List.of("VP1"), ids("PatientID", "VP1"));
    assertEquals(List.of(), ids("PatientID", "vp1"));
    assertEquals(List.of("VP1", "VP2"), ids("ScheduledStationAETitle", "DR1"));
    assertEquals(List.of(), ids("ScheduledStationAETitle", "dr1"));
    assertEquals(List.of("VP3"), ids("ScheduledStationAETitle", "CT*"));
  }

  @Test
  void modalityAndStatusCodeStringsAreReadInUpperCase() {
    assertEquals(List.of("VP1", "VP2"), ids("Modality", "dx"));
    assertEquals(
        List.of("VP4", "VP1", "VP2", "VP3"), ids("ScheduledProcedureStepStatus", "scheduled"));
  }

  @Test
  void speciesDescriptionMatchesIgnoringCase() {
    assertEquals(List.of("VP1", "VP3"), ids("PatientSpeciesDescription", "canine"));
    assertEquals(List.of("VP2"), ids("PatientSpeciesDescription", "FEL*"));
  }

  @Test
  void keysCombineWithAnd() {
    assertEquals(
        List.of("VP1"),
        ids(
            "Modality",
            "DX",
            "PatientName",
            "*SMITH",
            "ScheduledProcedureStepStartDate",
            "20261125"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "20261125|VP1,VP2",
        "20261124-20261125|VP4,VP1,VP2",
        "20261125-|VP1,VP2,VP3",
        "-20261125|VP4,VP1,VP2",
        "20261127-20261231|''"
      })
  void startDateSingleValueAndRanges(String value, String expected) {
    List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(","));
    assertEquals(want, ids("ScheduledProcedureStepStartDate", value));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0800-1200|VP1,VP2",
        "10|VP2",
        "1015|VP2",
        "101500|VP2",
        "1016|''",
        "-0830|VP1",
        "1400-|VP4,VP3",
        "2359|VP4",
        "083000.000-101500.5|VP1,VP2"
      })
  void startTimeSingleValueAndRangesWithPartialTimesCoveringTheirHourOrMinute(
      String value, String expected) {
    List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(","));
    assertEquals(want, ids("ScheduledProcedureStepStartTime", value));
  }

  @Test
  void dateAndTimeAreMatchedIndependently() {
    assertEquals(
        List.of("VP1"),
        ids(
            "ScheduledProcedureStepStartDate",
            "20261125",
            "ScheduledProcedureStepStartTime",
            "-0900"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-25",
        "20261325",
        "2026112",
        "20261125*",
        "20261126-20261125",
        "-",
        "a-b-c"
      })
  void malformedDatesAreRefused(String value) {
    assertEquals(WorklistException.Kind.INVALID, refusal("ScheduledProcedureStepStartDate", value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"25", "0861", "08:30", "1200-0800", "1?00"})
  void malformedTimesAreRefused(String value) {
    assertEquals(WorklistException.Kind.INVALID, refusal("ScheduledProcedureStepStartTime", value));
  }

  @Test
  void studyInstanceUidTakesAListOfUids() {
    List<WorklistItem> all = service.search(Map.of());
    String a = all.get(0).getStudyInstanceUid();
    String c = all.get(2).getStudyInstanceUid();
    assertEquals(List.of("VP4"), ids("StudyInstanceUID", a));
    assertEquals(List.of("VP4", "VP2"), ids("StudyInstanceUID", a + "\\" + c));
    assertEquals(WorklistException.Kind.INVALID, refusal("StudyInstanceUID", "1.2.*"));
  }

  @Test
  void aBackslashInASingleValuedKeyIsRefused() {
    assertEquals(WorklistException.Kind.INVALID, refusal("PatientID", "VP1\\VP2"));
  }

  @Test
  void onlyWaitingStepsMatchUnlessTheStatusIsAskedFor() {
    List<WorklistItem> all = service.search(Map.of());
    service.updateStatus(all.get(0).getId(), ProcedureStepStatus.STARTED); // VP4
    service.updateStatus(all.get(1).getId(), ProcedureStepStatus.COMPLETED); // VP1
    service.discontinue(all.get(2).getId()); // VP2
    service.updateStatus(all.get(3).getId(), ProcedureStepStatus.READY); // VP3

    assertEquals(List.of("VP3"), ids());
    assertEquals(List.of("VP3"), ids("ScheduledProcedureStepStatus", ""));
    assertEquals(List.of("VP1"), ids("ScheduledProcedureStepStatus", "COMPLETED"));
    assertEquals(List.of("VP4"), ids("ScheduledProcedureStepStatus", "STARTED"));
    assertEquals(List.of("VP2"), ids("ScheduledProcedureStepStatus", "DISCONTINUED"));
    assertEquals(List.of("VP4", "VP1", "VP2", "VP3"), ids("ScheduledProcedureStepStatus", "*"));
    assertEquals(List.of("VP4"), ids("ScheduledProcedureStepStatus", "ST*"));
  }

  @Test
  void anUnknownStatusIsRefused() {
    assertEquals(
        WorklistException.Kind.INVALID, refusal("ScheduledProcedureStepStatus", "CANCELED"));
  }

  @Test
  void keysMayBeGivenAsTagsAndUnsupportedKeysAreIgnoredAsReturnKeys() {
    assertEquals(List.of("VP3"), ids("00100010", "max*", "00080060", "CT"));
    assertEquals(List.of("VP3"), ids("0008006a", "ignored", "00080060", "CT"));
    assertEquals(List.of("VP1"), ids("PatientID", "VP1", "PatientWeight", "", "AdmissionID", "X1"));
    assertTrue(WorklistQuery.isMatchingKey("ScheduledStationAETitle"));
    assertTrue(WorklistQuery.isMatchingKey("00400001"));
    assertFalse(WorklistQuery.isMatchingKey("PatientWeight"));
  }

  @Test
  void indexConditionsCarryExactListAndRangeKeysAndTheDefaultStatus() {
    WorklistQuery query =
        WorklistQuery.parse(
            Map.of(
                "Modality", "DX",
                "PatientName", "BAILEY*",
                "ScheduledStationAETitle", "DR*",
                "ScheduledProcedureStepStartDate", "20261101-20261130",
                "ScheduledProcedureStepStartTime", "08"));
    assertTrue(query.indexConditions().contains(new WorklistQuery.Equals("modality", "DX")));
    assertTrue(
        query
            .indexConditions()
            .contains(
                new WorklistQuery.Between(
                    "scheduledProcedureStepStartDate", "20261101", "20261130")));
    assertTrue(
        query
            .indexConditions()
            .contains(
                new WorklistQuery.Between("scheduledProcedureStepStartTime", "080000", "085959")));
    assertTrue(
        query
            .indexConditions()
            .contains(
                new WorklistQuery.OneOf(
                    "scheduledProcedureStepStatus", List.of("SCHEDULED", "ARRIVED", "READY"))));
    assertEquals(4, query.indexConditions().size()); // no condition for the wildcards
  }
}

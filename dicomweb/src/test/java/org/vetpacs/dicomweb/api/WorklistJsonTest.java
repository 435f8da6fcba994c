package org.vetpacs.dicomweb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vetpacs.dicomweb.worklist.NewWorklistItem;
import org.vetpacs.dicomweb.worklist.WorklistException;
import org.vetpacs.dicomweb.worklist.WorklistItem;

/**
 * The JSON shape of {@code /api/worklist}: what is read, what is refused and why, what is written.
 */
class WorklistJsonTest {

  private static String refusal(Runnable call) {
    WorklistException e = assertThrows(WorklistException.class, call::run);
    assertEquals(WorklistException.Kind.INVALID, e.kind());
    return e.getMessage();
  }

  @Test
  void newItemReadsKeywordMembersAndTheProcedureCode() {
    NewWorklistItem item =
        WorklistJson.newItem(
            "{\"PatientName\":\"BAILEY^SMITH\",\"PatientID\":\"VP1\",\"Modality\":\"DX\","
                + "\"PatientBirthDate\":null,"
                + "\"RequestedProcedureCodeSequence\":[{\"CodeValue\":\"T2\","
                + "\"CodingSchemeDesignator\":\"99VETPACS\",\"CodeMeaning\":\"Thorax\"}]}");
    assertEquals("BAILEY^SMITH", item.get("PatientName"));
    assertEquals("DX", item.get("Modality"));
    assertEquals(null, item.get("PatientBirthDate"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "[1,2]", "{\"PatientName\":"})
  void aBodyThatIsNotAJsonObjectIsRefused(String body) {
    assertTrue(refusal(() -> WorklistJson.newItem(body)).contains("JSON object"));
  }

  @Test
  void aNonStringValueIsRefusedWithTheKeyword() {
    String reason = refusal(() -> WorklistJson.newItem("{\"PatientBirthDate\":20190301}"));
    assertTrue(reason.startsWith("PatientBirthDate must be a JSON string"), reason);
  }

  @Test
  void anUnknownMemberIsRefusedWithTheKeyword() {
    assertTrue(
        refusal(() -> WorklistJson.newItem("{\"PatientId\":\"VP1\"}")).contains("PatientId"));
  }

  @Test
  void statusBodyNamesTheNewStatus() {
    assertEquals("ARRIVED", WorklistJson.status("{\"status\":\"ARRIVED\"}"));
    assertTrue(refusal(() -> WorklistJson.status("{}")).contains("status"));
    assertTrue(refusal(() -> WorklistJson.status("{\"state\":\"READY\"}")).contains("state"));
  }

  @Test
  void listFiltersMapToMatchingKeysAndUnknownFiltersAreRefused() {
    assertEquals(
        Map.of("Modality", "DX", "ScheduledProcedureStepStartDate", "20261125", "PatientID", "VP1"),
        WorklistJson.listFilters(
            Map.of(
                "modality",
                List.of("DX"),
                "date",
                List.of("20261125"),
                "patientId",
                List.of("VP1"))));
    assertTrue(
        refusal(() -> WorklistJson.listFilters(Map.of("name", List.of("x")))).contains("name"));
    assertTrue(
        refusal(() -> WorklistJson.listFilters(Map.of("modality", List.of("DX", "CT"))))
            .contains("more than once"));
  }

  @Test
  void matchTakesSupportedMatchingKeysOnly() {
    assertEquals(
        Map.of("PatientName", "BAI*", "00080060", "DX"),
        WorklistJson.matchKeys(Map.of("PatientName", List.of("BAI*"), "00080060", List.of("DX"))));
    assertTrue(
        refusal(() -> WorklistJson.matchKeys(Map.of("PatientWeight", List.of("12"))))
            .contains("PatientWeight"));
  }

  @Test
  void representationHasIdKeywordsAndCodeSequencesAndLeavesOutEmptyValues() {
    WorklistItem item = new WorklistItem();
    item.setId("42");
    item.setPatientName("BAILEY^SMITH");
    item.setPatientSpeciesDescription("Canine");
    item.setPatientSpeciesCode("448771007");
    item.setPatientSpeciesCodeMeaning("Canis lupus familiaris");
    item.setScheduledProcedureStepStatus("SCHEDULED");
    JsonObject json = WorklistJson.toJson(item);
    assertEquals("42", json.getString("id"));
    assertEquals("BAILEY^SMITH", json.getString("PatientName"));
    assertEquals(
        "SCT",
        json.getJsonArray("PatientSpeciesCodeSequence")
            .getJsonObject(0)
            .getString("CodingSchemeDesignator"));
    assertFalse(json.containsKey("PatientBreedCodeSequence"));
    assertFalse(json.containsKey("PatientBirthDate"));
  }
}

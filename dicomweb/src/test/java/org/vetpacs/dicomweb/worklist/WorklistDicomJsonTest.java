package org.vetpacs.dicomweb.worklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A worklist item as a Modality Worklist C-FIND result in DICOM JSON (PS3.4 Table K.6-1, PS3.18
 * F.2).
 */
class WorklistDicomJsonTest {

  private WorklistService service;

  @BeforeEach
  void setUp() {
    service = new WorklistService(new InMemoryWorklistRepository(), WorklistServiceTest.CLOCK);
  }

  private static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  private static String value(JsonObject dataSet, String tag) {
    return dataSet.getJsonObject(tag).getJsonArray("Value").getString(0);
  }

  private static String name(JsonObject dataSet, String tag) {
    return dataSet
        .getJsonObject(tag)
        .getJsonArray("Value")
        .getJsonObject(0)
        .getString("Alphabetic");
  }

  private static JsonObject onlyItem(JsonObject dataSet, String tag) {
    JsonObject sequence = dataSet.getJsonObject(tag);
    assertEquals("SQ", sequence.getString("vr"), tag);
    JsonArray items = sequence.getJsonArray("Value");
    assertEquals(1, items.size(), tag);
    return items.getJsonObject(0);
  }

  private JsonObject fullItem() {
    WorklistItem item =
        service.create(
            new NewWorklistItem()
                .set("PatientName", "BAILEY^SMITH")
                .set("PatientID", "VP0798850")
                .set("PatientBirthDate", "20190301")
                .set("PatientSex", "MN")
                .set("PatientSpeciesDescription", "dog")
                .set("PatientBreedDescription", "Beagle")
                .set("ResponsiblePerson", "SMITH^JANE")
                .set("ResponsibleOrganization", "Smith Family")
                .set("AccessionNumber", "ACC123")
                .set("RequestedProcedureDescription", "Thorax, 2 views")
                .set("StudyInstanceUID", "1.2.826.0.1.3680043.10.1.7")
                .set("ReferringPhysicianName", "HERRIOT^JAMES")
                .set("Modality", "DX")
                .set("ScheduledStationAETitle", "DR1")
                .set("ScheduledProcedureStepStartDate", "20261125")
                .set("ScheduledProcedureStepStartTime", "103000")
                .set("ScheduledPerformingPhysicianName", "NURSE^ANNA")
                .set("ScheduledProcedureStepDescription", "Thorax DX")
                .set("ScheduledProcedureStepID", "SPS1")
                .requestedProcedureCode("VP-THX2", "99VETPACS", "Thorax 2 views"));
    return parse(WorklistDicomJson.of(item));
  }

  @Test
  void topLevelCarriesPatientOrderAndVeterinaryAttributes() {
    JsonObject json = fullItem();
    assertEquals("ISO_IR 192", value(json, "00080005"));
    assertEquals("ACC123", value(json, "00080050"));
    assertEquals("HERRIOT^JAMES", name(json, "00080090"));
    assertEquals("BAILEY^SMITH", name(json, "00100010"));
    assertEquals("VP0798850", value(json, "00100020"));
    assertEquals("20190301", value(json, "00100030"));
    assertEquals("M", value(json, "00100040"));
    assertEquals("Canine", value(json, "00102201"));
    assertEquals("ALTERED", value(json, "00102203"));
    assertEquals("Beagle", value(json, "00102292"));
    assertEquals("SMITH^JANE", name(json, "00102297"));
    assertEquals("OWNER", value(json, "00102298"));
    assertEquals("Smith Family", value(json, "00102299"));
    assertEquals("1.2.826.0.1.3680043.10.1.7", value(json, "0020000D"));
    assertEquals("Thorax, 2 views", value(json, "00321060"));
    assertEquals("ACC123", value(json, "00401001")); // Requested Procedure ID = accession
    assertEquals("PN", json.getJsonObject("00100010").getString("vr"));
    assertEquals("UI", json.getJsonObject("0020000D").getString("vr"));
  }

  @Test
  void scheduledProcedureStepSequenceHoldsTheOneStep() {
    JsonObject step = onlyItem(fullItem(), "00400100");
    assertEquals("DX", value(step, "00080060"));
    assertEquals("DR1", value(step, "00400001"));
    assertEquals("AE", step.getJsonObject("00400001").getString("vr"));
    assertEquals("20261125", value(step, "00400002"));
    assertEquals("103000", value(step, "00400003"));
    assertEquals("TM", step.getJsonObject("00400003").getString("vr"));
    assertEquals("NURSE^ANNA", name(step, "00400006"));
    assertEquals("Thorax DX", value(step, "00400007"));
    assertEquals("SPS1", value(step, "00400009"));
    assertEquals("SCHEDULED", value(step, "00400020"));
  }

  @Test
  void speciesAndBreedAreSnomedCodeItems() {
    JsonObject json = fullItem();
    JsonObject species = onlyItem(json, "00102202");
    assertEquals("448771007", value(species, "00080100"));
    assertEquals("SCT", value(species, "00080102"));
    assertEquals("Canis lupus familiaris", value(species, "00080104"));
    JsonObject breed = onlyItem(json, "00102293");
    assertEquals("44696006", value(breed, "00080100"));
    assertEquals("SCT", value(breed, "00080102"));
    assertEquals("Beagle", value(breed, "00080104"));
    JsonObject procedure = onlyItem(json, "00321064");
    assertEquals("VP-THX2", value(procedure, "00080100"));
    assertEquals("99VETPACS", value(procedure, "00080102"));
  }

  @Test
  void attributesAreInAscendingTagOrder() {
    JsonObject json = fullItem();
    List<String> tags = new ArrayList<>(json.keySet());
    List<String> sorted = new ArrayList<>(tags);
    sorted.sort(null);
    assertEquals(sorted, tags);
  }

  @Test
  void missingValuesAreEmptyAttributesAndMissingCodesEmptySequences() {
    WorklistItem item =
        service.create(
            new NewWorklistItem()
                .set("PatientName", "TWEETY^PIE")
                .set("PatientID", "VP9")
                .set("Modality", "DX")
                .set("PatientSpeciesDescription", "budgie"));
    JsonObject json = parse(WorklistDicomJson.of(item));
    assertEquals(
        Json.createObjectBuilder().add("vr", "DA").build(), json.getJsonObject("00100030"));
    assertFalse(json.getJsonObject("00102202").containsKey("Value")); // Avian: no verified code
    assertFalse(json.getJsonObject("00102293").containsKey("Value"));
    assertFalse(json.getJsonObject("00080090").containsKey("Value"));
    assertEquals("Avian", value(json, "00102201"));
    assertTrue(
        onlyItem(json, "00400100")
            .getJsonObject("00400001")
            .keySet()
            .equals(java.util.Set.of("vr")));
  }

  @Test
  void textIsEscapedAsJson() {
    WorklistItem item =
        service.create(
            new NewWorklistItem()
                .set("PatientName", "ZOË^O\"BRIEN")
                .set("PatientID", "VP10")
                .set("Modality", "US")
                .set("ScheduledProcedureStepDescription", "Abdomen \"FAST\" scan / follow-up"));
    JsonObject json = parse(WorklistDicomJson.of(item));
    assertEquals("ZOË^O\"BRIEN", name(json, "00100010"));
    assertEquals(
        "Abdomen \"FAST\" scan / follow-up", value(onlyItem(json, "00400100"), "00400007"));
  }

  @Test
  void findAnswersOneParsableObjectPerMatch() {
    fullItem();
    List<String> found = service.find(Map.of("Modality", "DX", "PatientName", "bailey*"));
    assertEquals(1, found.size());
    assertEquals("VP0798850", value(parse(found.get(0)), "00100020"));
    try (JsonReader reader = Json.createReader(new StringReader(WorklistDicomJson.array(found)))) {
      assertEquals(1, reader.readArray().size());
    }
    assertEquals("[]", WorklistDicomJson.array(List.of()));
  }
}

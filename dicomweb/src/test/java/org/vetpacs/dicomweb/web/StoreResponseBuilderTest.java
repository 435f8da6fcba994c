package org.vetpacs.dicomweb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vetpacs.dicomweb.ingest.DicomStatus;
import org.vetpacs.dicomweb.ingest.StoreOutcome;

/** The STOW-RS Store Instances Response, PS3.18 10.5.3. */
class StoreResponseBuilderTest {

  private static final String BASE = "http://pacs.example:8080/dicom-web";
  private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
  private static final String STUDY = "1.2.826.0.1.1";
  private static final String SERIES = "1.2.826.0.1.1.2";

  private static StoreOutcome stored(String sop) {
    return new StoreOutcome(DicomStatus.SUCCESS, CT, sop, STUDY, SERIES, "stored");
  }

  private static StoreOutcome storedInStudy(String study, String sop) {
    return new StoreOutcome(DicomStatus.SUCCESS, CT, sop, study, SERIES, "stored");
  }

  private static StoreOutcome warned(String sop) {
    return new StoreOutcome(
        DicomStatus.COERCION_OF_DATA_ELEMENTS, CT, sop, STUDY, SERIES, "coerced");
  }

  private static StoreOutcome failed(DicomStatus status, String sop) {
    return new StoreOutcome(status, CT, sop, STUDY, SERIES, "failed");
  }

  private static StoreResponseBuilder builder(StoreOutcome... outcomes) {
    StoreResponseBuilder builder = new StoreResponseBuilder(BASE);
    for (StoreOutcome o : outcomes) {
      builder.add(o);
    }
    return builder;
  }

  private static JsonObject json(StoreResponseBuilder builder) {
    try (JsonReader reader = Json.createReader(new StringReader(builder.toJson()))) {
      return reader.readObject();
    }
  }

  private static JsonArray items(JsonObject response, String tag) {
    JsonObject attribute = response.getJsonObject(tag);
    assertEquals("SQ", attribute.getString("vr"), tag);
    return attribute.getJsonArray("Value");
  }

  private static String firstString(JsonObject dataSet, String tag) {
    return dataSet.getJsonObject(tag).getJsonArray("Value").getString(0);
  }

  private static String instanceUrl(String study, String sop) {
    return BASE + "/studies/" + study + "/series/" + SERIES + "/instances/" + sop;
  }

  @Test
  void allStoredWithoutWarningIs200() {
    assertEquals(200, builder(stored("1.1"), stored("1.2")).httpStatus());
  }

  @Test
  void someFailedIs202() {
    assertEquals(
        202, builder(stored("1.1"), failed(DicomStatus.CANNOT_UNDERSTAND, "1.2")).httpStatus());
  }

  @Test
  void allStoredButOneWithWarningIs202() {
    assertEquals(202, builder(stored("1.1"), warned("1.2")).httpStatus());
  }

  @Test
  void onlyWarningsIs202() {
    assertEquals(202, builder(warned("1.1")).httpStatus());
  }

  @Test
  void noneStoredIs409() {
    assertEquals(
        409,
        builder(
                failed(DicomStatus.CANNOT_UNDERSTAND, "1.1"),
                failed(DicomStatus.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, "1.2"))
            .httpStatus());
  }

  @Test
  void referencedSopSequenceHasRetrieveUrlPerStoredInstance() {
    JsonObject response = json(builder(stored("1.1"), stored("1.2")));
    JsonArray referenced = items(response, "00081199");
    assertEquals(2, referenced.size());
    for (int i = 0; i < 2; i++) {
      JsonObject item = referenced.getJsonObject(i);
      String sop = "1." + (i + 1);
      assertEquals(CT, firstString(item, "00081150"));
      assertEquals(sop, firstString(item, "00081155"));
      assertEquals("UR", item.getJsonObject("00081190").getString("vr"));
      assertEquals(instanceUrl(STUDY, sop), firstString(item, "00081190"));
      assertFalse(item.containsKey("00081196"), "no Warning Reason for a clean store");
    }
    assertFalse(response.containsKey("00081198"), "no Failed SOP Sequence when none failed");
  }

  @Test
  void singleStudyGetsStudyRetrieveUrlAtTopLevel() {
    JsonObject response = json(builder(stored("1.1"), stored("1.2")));
    assertEquals(BASE + "/studies/" + STUDY, firstString(response, "00081190"));
  }

  @Test
  void storesInTwoStudiesGetNoStudyRetrieveUrl() {
    JsonObject response =
        json(builder(storedInStudy("1.2.3", "1.1"), storedInStudy("1.2.4", "1.2")));
    assertFalse(response.containsKey("00081190"));
    JsonArray referenced = items(response, "00081199");
    assertEquals(instanceUrl("1.2.3", "1.1"), firstString(referenced.getJsonObject(0), "00081190"));
    assertEquals(instanceUrl("1.2.4", "1.2"), firstString(referenced.getJsonObject(1), "00081190"));
  }

  @Test
  void failedSopSequenceCarriesFailureReasonAsNumber() {
    JsonObject response =
        json(
            builder(
                stored("1.1"),
                failed(DicomStatus.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, "1.2"),
                failed(DicomStatus.CANNOT_UNDERSTAND, "1.3")));
    JsonArray failed = items(response, "00081198");
    assertEquals(2, failed.size());
    JsonObject first = failed.getJsonObject(0);
    assertEquals(CT, firstString(first, "00081150"));
    assertEquals("1.2", firstString(first, "00081155"));
    assertEquals("US", first.getJsonObject("00081197").getString("vr"));
    assertEquals(0xA900, first.getJsonObject("00081197").getJsonArray("Value").getInt(0));
    assertEquals(
        0xC000,
        failed.getJsonObject(1).getJsonObject("00081197").getJsonArray("Value").getInt(0));
    assertEquals(1, items(response, "00081199").size());
  }

  @Test
  void failureWithUnreadableUidsHasEmptyUidAttributes() {
    StoreOutcome unreadable =
        new StoreOutcome(DicomStatus.CANNOT_UNDERSTAND, "", "", "", "", "not DICOM");
    JsonObject response = json(builder(unreadable));
    JsonObject item = items(response, "00081198").getJsonObject(0);
    assertEquals("UI", item.getJsonObject("00081155").getString("vr"));
    assertFalse(item.getJsonObject("00081155").containsKey("Value"));
    assertEquals(0xC000, item.getJsonObject("00081197").getJsonArray("Value").getInt(0));
  }

  @Test
  void noneStoredHasEmptyReferencedSopSequenceAndNoStudyUrl() {
    JsonObject response = json(builder(failed(DicomStatus.CANNOT_UNDERSTAND, "1.1")));
    JsonObject referenced = response.getJsonObject("00081199");
    assertEquals("SQ", referenced.getString("vr"));
    assertFalse(referenced.containsKey("Value"));
    assertFalse(response.containsKey("00081190"));
  }

  @Test
  void storedWithWarningCarriesWarningReason() {
    JsonObject item = items(json(builder(warned("1.1"))), "00081199").getJsonObject(0);
    assertEquals("US", item.getJsonObject("00081196").getString("vr"));
    assertEquals(0xB000, item.getJsonObject("00081196").getJsonArray("Value").getInt(0));
    assertEquals(instanceUrl(STUDY, "1.1"), firstString(item, "00081190"));
  }

  @Test
  void warningsExplainEachNonSuccessPart() {
    List<String> warnings =
        builder(stored("1.1"), failed(DicomStatus.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, "1.2"))
            .warnings();
    assertEquals(1, warnings.size());
    String warning = warnings.get(0);
    assertTrue(warning.startsWith("299 VetPACS \"part 2: A900H "), warning);
    assertTrue(warning.endsWith("\""), warning);
  }

  @Test
  void warningTextCannotBreakOutOfItsQuotedString() {
    StoreOutcome o =
        new StoreOutcome(DicomStatus.CANNOT_UNDERSTAND, "", "", "", "", "bad \"quote\" \\ here");
    String warning = builder(o).warnings().get(0);
    String inner = warning.substring(warning.indexOf('"') + 1, warning.length() - 1);
    assertFalse(inner.contains("\""), warning);
    assertFalse(inner.contains("\\"), warning);
  }
}

package org.vetpacs.dicomweb.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vetpacs.dicomweb.index.InstanceRecord;

class BulkDataUrisTest {

  private static final String URL = "http://h/dicom-web/studies/1/series/2/instances/3";

  @Test
  void pixelDataOfAnImageGetsABulkDataUriAndItsVr() {
    String stored =
        "{\"00280010\":{\"vr\":\"US\",\"Value\":[64]},\"00280100\":{\"vr\":\"US\",\"Value\":[16]}}";
    JsonObject result = addTo(stored, URL, TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN);
    JsonObject pixelData = result.getJsonObject("7FE00010");
    assertEquals("OW", pixelData.getString("vr"));
    assertEquals(URL + "/bulkdata/7FE00010", pixelData.getString("BulkDataURI"));
  }

  @Test
  void eightBitAndEncapsulatedPixelDataAreOb() {
    String stored =
        "{\"00280010\":{\"vr\":\"US\",\"Value\":[64]},\"00280100\":{\"vr\":\"US\",\"Value\":[8]}}";
    assertEquals("OB", addTo(stored, URL, TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN)
        .getJsonObject("7FE00010").getString("vr"));
    assertEquals("OB", addTo(stored, URL, TransferSyntaxes.JPEG_BASELINE)
        .getJsonObject("7FE00010").getString("vr"));
  }

  @Test
  void largeBinaryValuesLeftOutGetUrisAlsoInsideSequenceItems() {
    String stored =
        "{\"00091010\":{\"vr\":\"OB\"},"
            + "\"00091011\":{\"vr\":\"OB\",\"InlineBinary\":\"AAE=\"},"
            + "\"00400260\":{\"vr\":\"SQ\",\"Value\":[{},{\"00091012\":{\"vr\":\"OW\"}}]}}";
    JsonObject result = addTo(stored, URL, TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN);
    assertEquals(URL + "/bulkdata/00091010",
        result.getJsonObject("00091010").getString("BulkDataURI"));
    assertFalse(result.getJsonObject("00091011").containsKey("BulkDataURI"));
    assertEquals(URL + "/bulkdata/00400260/2/00091012",
        result.getJsonObject("00400260").getJsonArray("Value").getJsonObject(1)
            .getJsonObject("00091012").getString("BulkDataURI"));
    assertFalse(result.containsKey("7FE00010"), "no Rows: not an image, no Pixel Data added");
  }

  @Test
  void valuedAttributesAreLeftAsStored() {
    String stored = "{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"BAILEY^SMITH\"}]}}";
    JsonObject result = addTo(stored, URL, TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN);
    assertEquals("BAILEY^SMITH", result.getJsonObject("00100010").getJsonArray("Value")
        .getJsonObject(0).getString("Alphabetic"));
  }

  @Test
  void aSequenceWhoseValueComesBeforeItsVrStillGetsUrisInItsItems() {
    String stored =
        "{\"00400260\":{\"Value\":[{\"00091012\":{\"vr\":\"OW\"}},\"x\"],\"vr\":\"SQ\"}}";
    JsonObject result = addTo(stored, URL, TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN);
    var items = result.getJsonObject("00400260").getJsonArray("Value");
    assertEquals(URL + "/bulkdata/00400260/1/00091012",
        items.getJsonObject(0).getJsonObject("00091012").getString("BulkDataURI"));
    assertEquals(0, items.getJsonObject(1).size(), "an item that is not an object stays empty");
  }

  @Test
  void numbersStringsAndLiteralsAreCopiedUnchanged() {
    String stored =
        "{\"00281050\":{\"vr\":\"DS\",\"Value\":[40.5,-1200]},"
            + "\"00200013\":{\"vr\":\"IS\",\"Value\":[12345678901234]},"
            + "\"00080090\":{\"vr\":\"PN\"},"
            + "\"00100020\":{\"vr\":\"LO\",\"Value\":[\"A \\\"quoted\\\" \\u00e9\",null]}}";
    assertEquals(Json.createReader(new java.io.StringReader(stored)).readObject(),
        addTo(stored, URL, TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN));
  }

  @Test
  void metadataIsOneJsonArrayWithAnObjectPerInstanceAndBulkDataUrisOfEach() throws Exception {
    InstanceRecord image = record("1.1", "{\"00280010\":{\"vr\":\"US\",\"Value\":[64]}}");
    InstanceRecord noMetadata = record("1.2", null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new MetadataService().write(List.of(image, noMetadata), "http://h/dicom-web", out);
    var array =
        Json.createReader(new ByteArrayInputStream(out.toByteArray())).readArray();
    assertEquals(2, array.size());
    assertEquals("http://h/dicom-web/studies/1/series/2/instances/1.1/bulkdata/7FE00010",
        array.getJsonObject(0).getJsonObject("7FE00010").getString("BulkDataURI"));
    assertEquals(0, array.getJsonObject(1).size());
  }

  private static InstanceRecord record(String sop, String metadata) {
    InstanceRecord r = new InstanceRecord();
    r.setSopInstanceUid(sop);
    r.setStudyInstanceUid("1");
    r.setSeriesInstanceUid("2");
    r.setTransferSyntaxUid(TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN);
    r.setMetadata(metadata);
    return r;
  }

  /** The object {@link BulkDataUris#writeTo} writes, parsed back. */
  private static JsonObject addTo(String stored, String url, String transferSyntax) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = BulkDataUris.generator(out)) {
      BulkDataUris.writeTo(stored, url, transferSyntax, json);
    }
    return Json.createReader(
            new java.io.StringReader(out.toString(StandardCharsets.UTF_8)))
        .readObject();
  }
}

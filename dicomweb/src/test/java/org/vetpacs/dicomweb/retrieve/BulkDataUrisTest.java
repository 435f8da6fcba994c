package org.vetpacs.dicomweb.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class BulkDataUrisTest {

  private static final String URL = "http://h/dicom-web/studies/1/series/2/instances/3";

  @Test
  void pixelDataOfAnImageGetsABulkDataUriAndItsVr() {
    String stored =
        "{\"00280010\":{\"vr\":\"US\",\"Value\":[64]},\"00280100\":{\"vr\":\"US\",\"Value\":[16]}}";
    JsonObject result = BulkDataUris.addTo(stored, URL, TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN);
    JsonObject pixelData = result.getJsonObject("7FE00010");
    assertEquals("OW", pixelData.getString("vr"));
    assertEquals(URL + "/bulkdata/7FE00010", pixelData.getString("BulkDataURI"));
  }

  @Test
  void eightBitAndEncapsulatedPixelDataAreOb() {
    String stored =
        "{\"00280010\":{\"vr\":\"US\",\"Value\":[64]},\"00280100\":{\"vr\":\"US\",\"Value\":[8]}}";
    assertEquals("OB", BulkDataUris.addTo(stored, URL, TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN)
        .getJsonObject("7FE00010").getString("vr"));
    assertEquals("OB", BulkDataUris.addTo(stored, URL, TransferSyntaxes.JPEG_BASELINE)
        .getJsonObject("7FE00010").getString("vr"));
  }

  @Test
  void largeBinaryValuesLeftOutGetUrisAlsoInsideSequenceItems() {
    String stored =
        "{\"00091010\":{\"vr\":\"OB\"},"
            + "\"00091011\":{\"vr\":\"OB\",\"InlineBinary\":\"AAE=\"},"
            + "\"00400260\":{\"vr\":\"SQ\",\"Value\":[{},{\"00091012\":{\"vr\":\"OW\"}}]}}";
    JsonObject result = BulkDataUris.addTo(stored, URL, TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN);
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
    JsonObject result = BulkDataUris.addTo(stored, URL, TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN);
    assertEquals("BAILEY^SMITH", result.getJsonObject("00100010").getJsonArray("Value")
        .getJsonObject(0).getString("Alphabetic"));
  }
}

package org.vetpacs.dicomweb.retrieve;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import java.util.Set;

/**
 * Adds BulkDataURIs (PS3.18 F.2.6) to an instance's stored DICOM JSON.
 *
 * <p>The index keeps each header as written by {@code DicomJsonWriter}: binary values over 1024
 * bytes carry only their VR, and Pixel Data is not there at all (the header is read up to it). For
 * WADO-RS metadata each such binary attribute gets {@code "BulkDataURI":
 * "{instance}/bulkdata/{tag path}"}, and Pixel Data is added, with its VR, for image instances
 * (those with Rows). A tag path is the tag as 8 hex digits, or for a value in a sequence item
 * {@code {sequence tag}/{item number, 1-based}/{tag}} and so on.
 */
public final class BulkDataUris {

  /** Pixel Data (7FE0,0010). */
  public static final String PIXEL_DATA = "7FE00010";

  private static final String ROWS = "00280010";
  private static final String BITS_ALLOCATED = "00280100";
  private static final Set<String> BINARY_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "UN");

  private BulkDataUris() {}

  /**
   * The instance's metadata object with BulkDataURIs.
   *
   * @param storedJson the stored DICOM JSON object of the instance
   * @param instanceUrl absolute URL of the instance resource, without a trailing slash
   * @param transferSyntaxUid the instance's stored transfer syntax (decides Pixel Data's VR)
   */
  public static JsonObject addTo(String storedJson, String instanceUrl, String transferSyntaxUid) {
    JsonObject stored;
    try (JsonReader reader = Json.createReader(new StringReader(storedJson))) {
      stored = reader.readObject();
    }
    JsonObjectBuilder result = dataSet(stored, instanceUrl + "/bulkdata/");
    if (!stored.containsKey(PIXEL_DATA) && stored.containsKey(ROWS)) {
      result.add(
          PIXEL_DATA,
          Json.createObjectBuilder()
              .add("vr", pixelDataVr(stored, transferSyntaxUid))
              .add("BulkDataURI", instanceUrl + "/bulkdata/" + PIXEL_DATA));
    }
    return result.build();
  }

  private static JsonObjectBuilder dataSet(JsonObject dataSet, String prefix) {
    JsonObjectBuilder out = Json.createObjectBuilder();
    for (Map.Entry<String, JsonValue> entry : dataSet.entrySet()) {
      String tag = entry.getKey();
      if (!(entry.getValue() instanceof JsonObject attribute)) {
        out.add(tag, entry.getValue());
        continue;
      }
      String vr = attribute.getString("vr", "");
      if ("SQ".equals(vr) && attribute.get("Value") instanceof JsonArray items) {
        JsonArrayBuilder newItems = Json.createArrayBuilder();
        for (int i = 0; i < items.size(); i++) {
          JsonValue item = items.get(i);
          newItems.add(
              item instanceof JsonObject itemObject
                  ? dataSet(itemObject, prefix + tag + "/" + (i + 1) + "/")
                  : Json.createObjectBuilder());
        }
        out.add(tag, Json.createObjectBuilder(attribute).add("Value", newItems));
      } else if (BINARY_VRS.contains(vr) && isBulk(attribute)) {
        out.add(tag, Json.createObjectBuilder(attribute).add("BulkDataURI", prefix + tag));
      } else {
        out.add(tag, attribute);
      }
    }
    return out;
  }

  /** A binary attribute whose value was left out: no Value, InlineBinary or BulkDataURI. */
  private static boolean isBulk(JsonObject attribute) {
    return !attribute.containsKey("Value")
        && !attribute.containsKey("InlineBinary")
        && !attribute.containsKey("BulkDataURI");
  }

  /**
   * OB when encapsulated or 8 bits allocated, OW otherwise (PS3.5 A.1-A.4, 8.2: Implicit VR files
   * and native data of more than 8 bits carry OW).
   */
  private static String pixelDataVr(JsonObject stored, String transferSyntaxUid) {
    if (!TransferSyntaxes.isNative(transferSyntaxUid)
        && !TransferSyntaxes.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.equals(transferSyntaxUid)) {
      return "OB";
    }
    int bitsAllocated = 16;
    if (stored.get(BITS_ALLOCATED) instanceof JsonObject attribute
        && attribute.get("Value") instanceof JsonArray values
        && !values.isEmpty()
        && values.get(0) instanceof JsonNumber number) {
      bitsAllocated = number.intValue();
    }
    return bitsAllocated <= 8 && !TransferSyntaxes.IMPLICIT_VR_LITTLE_ENDIAN.equals(transferSyntaxUid)
        ? "OB"
        : "OW";
  }
}

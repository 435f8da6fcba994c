package org.vetpacs.dicomweb.retrieve;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>The stored JSON is streamed, parser event to generator call, into the response: no object
 * tree per instance. The JSON-P provider is looked up once: {@code Json.createReader} and the
 * other {@code Json} shortcuts look it up through {@code ServiceLoader} on every call, which in the
 * web application scanned every jar of the WAR and was ~80% of a study metadata request's CPU
 * (JFR, issue #8).
 */
public final class BulkDataUris {

  /** Pixel Data (7FE0,0010). */
  public static final String PIXEL_DATA = "7FE00010";

  private static final String ROWS = "00280010";
  private static final String BITS_ALLOCATED = "00280100";
  private static final Set<String> BINARY_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "UN");

  private static final JsonProvider JSON = JsonProvider.provider();
  private static final JsonParserFactory PARSERS = JSON.createParserFactory(Map.of());
  private static final JsonGeneratorFactory GENERATORS = JSON.createGeneratorFactory(Map.of());

  private BulkDataUris() {}

  /** A JSON generator writing UTF-8 (PS3.18 F.2) to {@code out}, for {@link #writeTo}. */
  public static JsonGenerator generator(OutputStream out) {
    return GENERATORS.createGenerator(out, StandardCharsets.UTF_8);
  }

  /**
   * Writes the instance's metadata object, with BulkDataURIs, as the next value of {@code out}
   * (an element of the metadata array).
   *
   * @param storedJson the stored DICOM JSON object of the instance
   * @param instanceUrl absolute URL of the instance resource, without a trailing slash
   * @param transferSyntaxUid the instance's stored transfer syntax (decides Pixel Data's VR)
   * @param out where the object is written
   */
  public static void writeTo(
      String storedJson, String instanceUrl, String transferSyntaxUid, JsonGenerator out) {
    try (JsonParser in = PARSERS.createParser(new StringReader(storedJson))) {
      if (in.next() != Event.START_OBJECT) {
        throw new IllegalArgumentException("Stored DICOM JSON is not an object");
      }
      String prefix = instanceUrl + "/bulkdata/";
      TopLevel top = new TopLevel();
      out.writeStartObject();
      dataSet(in, out, prefix, top);
      if (!top.hasPixelData && top.hasRows) {
        out.writeStartObject(PIXEL_DATA)
            .write("vr", pixelDataVr(top.bitsAllocated, transferSyntaxUid))
            .write("BulkDataURI", prefix + PIXEL_DATA)
            .writeEnd();
      }
      out.writeEnd();
    }
  }

  /** What the top-level data set says about Pixel Data, gathered while it streams by. */
  private static final class TopLevel {
    boolean hasRows;
    boolean hasPixelData;
    int bitsAllocated = 16;
  }

  /**
   * Copies the members of a data set object up to its END_OBJECT (not written: the caller ends
   * it). {@code top} is null inside sequence items.
   */
  private static void dataSet(JsonParser in, JsonGenerator out, String prefix, TopLevel top) {
    for (Event e = in.next(); e != Event.END_OBJECT; e = in.next()) {
      String tag = in.getString();
      Event value = in.next();
      if (top != null) {
        top.hasRows |= ROWS.equals(tag);
        top.hasPixelData |= PIXEL_DATA.equals(tag);
      }
      if (value == Event.START_OBJECT) {
        attribute(in, out, tag, prefix, top);
      } else {
        copy(in, value, out, tag);
      }
    }
  }

  /** Copies one attribute object, adding a BulkDataURI when its binary value was left out. */
  private static void attribute(
      JsonParser in, JsonGenerator out, String tag, String prefix, TopLevel top) {
    out.writeStartObject(tag);
    String vr = null;
    boolean valued = false; // a Value, InlineBinary or BulkDataURI: nothing to add
    JsonArray valueBeforeVr = null;
    for (Event e = in.next(); e != Event.END_OBJECT; e = in.next()) {
      String name = in.getString();
      Event value = in.next();
      switch (name) {
        case "vr" -> {
          vr = value == Event.VALUE_STRING ? in.getString() : null;
          copy(in, value, out, name);
        }
        case "Value" -> {
          valued = true;
          if (vr == null && value == Event.START_ARRAY) {
            valueBeforeVr = in.getArray(); // whether it is a sequence is not known yet
          } else if ("SQ".equals(vr) && value == Event.START_ARRAY) {
            items(in, out, prefix + tag + "/");
          } else if (top != null && BITS_ALLOCATED.equals(tag) && value == Event.START_ARRAY) {
            JsonArray values = in.getArray();
            if (!values.isEmpty() && values.get(0) instanceof JsonNumber number) {
              top.bitsAllocated = number.intValue();
            }
            out.write(name, values);
          } else {
            copy(in, value, out, name);
          }
        }
        case "InlineBinary", "BulkDataURI" -> {
          valued = true;
          copy(in, value, out, name);
        }
        default -> copy(in, value, out, name);
      }
    }
    if (valueBeforeVr != null) {
      if ("SQ".equals(vr)) {
        try (JsonParser items = PARSERS.createParser(valueBeforeVr)) {
          items.next();
          items(items, out, prefix + tag + "/");
        }
      } else {
        out.write("Value", valueBeforeVr);
      }
    }
    if (!valued && vr != null && BINARY_VRS.contains(vr)) {
      out.write("BulkDataURI", prefix + tag);
    }
    out.writeEnd();
  }

  /** The items of a sequence's Value (the parser just past its START_ARRAY), each a data set. */
  private static void items(JsonParser in, JsonGenerator out, String sequencePrefix) {
    out.writeStartArray("Value");
    int item = 0;
    for (Event e = in.next(); e != Event.END_ARRAY; e = in.next()) {
      item++;
      out.writeStartObject();
      if (e == Event.START_OBJECT) {
        dataSet(in, out, sequencePrefix + item + "/", null);
      } else if (e == Event.START_ARRAY) {
        in.skipArray(); // not a data set: written as an empty item, as before
      }
      out.writeEnd();
    }
    out.writeEnd();
  }

  /** Copies the value that {@code e} starts, as member {@code name} (or an array element). */
  private static void copy(JsonParser in, Event e, JsonGenerator out, String name) {
    switch (e) {
      case START_OBJECT -> {
        if (name == null) {
          out.writeStartObject();
        } else {
          out.writeStartObject(name);
        }
        for (Event m = in.next(); m != Event.END_OBJECT; m = in.next()) {
          String key = in.getString();
          copy(in, in.next(), out, key);
        }
        out.writeEnd();
      }
      case START_ARRAY -> {
        if (name == null) {
          out.writeStartArray();
        } else {
          out.writeStartArray(name);
        }
        for (Event m = in.next(); m != Event.END_ARRAY; m = in.next()) {
          copy(in, m, out, null);
        }
        out.writeEnd();
      }
      case VALUE_STRING -> {
        if (name == null) {
          out.write(in.getString());
        } else {
          out.write(name, in.getString());
        }
      }
      case VALUE_NUMBER -> {
        if (name == null) {
          out.write(in.getBigDecimal());
        } else {
          out.write(name, in.getBigDecimal());
        }
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        if (name == null) {
          out.write(e == Event.VALUE_TRUE);
        } else {
          out.write(name, e == Event.VALUE_TRUE);
        }
      }
      case VALUE_NULL -> {
        if (name == null) {
          out.writeNull();
        } else {
          out.writeNull(name);
        }
      }
      default -> throw new IllegalStateException("Unexpected JSON event " + e);
    }
  }

  /**
   * OB when encapsulated or 8 bits allocated, OW otherwise (PS3.5 A.1-A.4, 8.2: Implicit VR files
   * and native data of more than 8 bits carry OW).
   */
  private static String pixelDataVr(int bitsAllocated, String transferSyntaxUid) {
    if (!TransferSyntaxes.isNative(transferSyntaxUid)
        && !TransferSyntaxes.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.equals(transferSyntaxUid)) {
      return "OB";
    }
    return bitsAllocated <= 8 && !TransferSyntaxes.IMPLICIT_VR_LITTLE_ENDIAN.equals(transferSyntaxUid)
        ? "OB"
        : "OW";
  }
}

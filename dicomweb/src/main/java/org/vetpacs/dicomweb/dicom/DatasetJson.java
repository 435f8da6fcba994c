package org.vetpacs.dicomweb.dicom;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads and writes {@link DicomDataset} as the DICOM JSON Model (PS3.18 F.2). */
public final class DatasetJson {

  /**
   * Looked up once: every {@code Json.createReader} looks the JSON-P provider up again, which in
   * the application server scans the class path (most of the CPU of a QIDO-RS instance search or a
   * C-FIND that parses a stored header per instance). The factory is thread-safe.
   */
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private DatasetJson() {}

  /** Parses one DICOM JSON object. */
  public static DicomDataset parse(String json) {
    try (JsonReader reader = READERS.createReader(new StringReader(json))) {
      return fromObject(reader.readObject());
    }
  }

  private static DicomDataset fromObject(JsonObject object) {
    DicomDataset dataset = new DicomDataset();
    for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
      int tag = (int) Long.parseLong(entry.getKey(), 16);
      JsonObject element = entry.getValue().asJsonObject();
      String vr = element.getString("vr", "UN");
      List<Object> values = new ArrayList<>();
      JsonArray array = element.containsKey("Value") ? element.getJsonArray("Value") : null;
      if (array != null) {
        for (JsonValue value : array) {
          values.add(toValue(vr, value));
        }
      }
      String bulk = element.containsKey("BulkDataURI") ? element.getString("BulkDataURI") : null;
      String inline = element.containsKey("InlineBinary") ? element.getString("InlineBinary") : null;
      dataset.put(tag, new DicomDataset.Element(vr, values, bulk, inline));
    }
    return dataset;
  }

  private static Object toValue(String vr, JsonValue value) {
    switch (value.getValueType()) {
      case NULL:
        return null;
      case NUMBER:
        JsonNumber n = (JsonNumber) value;
        return n.isIntegral() ? (Object) n.longValue() : (Object) n.doubleValue();
      case STRING:
        return ((JsonString) value).getString();
      case OBJECT:
        JsonObject o = value.asJsonObject();
        if ("PN".equals(vr)) {
          return personName(o);
        }
        return fromObject(o);
      default:
        return value.toString();
    }
  }

  private static String personName(JsonObject name) {
    String alphabetic = name.getString("Alphabetic", "");
    String ideographic = name.getString("Ideographic", "");
    String phonetic = name.getString("Phonetic", "");
    if (!phonetic.isEmpty()) {
      return alphabetic + "=" + ideographic + "=" + phonetic;
    }
    if (!ideographic.isEmpty()) {
      return alphabetic + "=" + ideographic;
    }
    return alphabetic;
  }

  /** Writes a JSON array of data sets. */
  public static String array(List<DicomDataset> datasets) {
    StringBuilder out = new StringBuilder(512 * (datasets.size() + 1));
    out.append('[');
    for (int i = 0; i < datasets.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      write(datasets.get(i), out);
    }
    return out.append(']').toString();
  }

  /** Writes one data set as a JSON object. */
  public static String toJson(DicomDataset dataset) {
    StringBuilder out = new StringBuilder(1024);
    write(dataset, out);
    return out.toString();
  }

  static void write(DicomDataset dataset, StringBuilder out) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<Integer, DicomDataset.Element> entry : dataset.elements().entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      DicomDataset.Element e = entry.getValue();
      out.append('"').append(DicomDataset.hex(entry.getKey())).append("\":{\"vr\":\"");
      out.append(e.vr()).append('"');
      if (e.bulkDataUri() != null) {
        out.append(",\"BulkDataURI\":");
        DicomJsonWriter.appendString(e.bulkDataUri(), out);
      } else if (e.inlineBinary() != null) {
        out.append(",\"InlineBinary\":");
        DicomJsonWriter.appendString(e.inlineBinary(), out);
      } else if (!e.values().isEmpty()) {
        out.append(",\"Value\":[");
        for (int i = 0; i < e.values().size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          writeValue(e.vr(), e.values().get(i), out);
        }
        out.append(']');
      }
      out.append('}');
    }
    out.append('}');
  }

  private static void writeValue(String vr, Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof DicomDataset item) {
      write(item, out);
    } else if (value instanceof Number number) {
      out.append(number);
    } else if ("PN".equals(vr)) {
      String[] groups = value.toString().split("=", -1);
      String[] names = {"Alphabetic", "Ideographic", "Phonetic"};
      out.append('{');
      boolean first = true;
      for (int i = 0; i < groups.length && i < names.length; i++) {
        if (groups[i].isEmpty()) {
          continue;
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        out.append('"').append(names[i]).append("\":");
        DicomJsonWriter.appendString(groups[i], out);
      }
      out.append('}');
    } else {
      DicomJsonWriter.appendString(value.toString(), out);
    }
  }
}

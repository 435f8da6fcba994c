package org.vetpacs.dicomweb.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a PixelMed data set as the DICOM JSON Model (PS3.18 F.2).
 *
 * <p>Group 0002 (File Meta Information) and group lengths are left out, as in WADO-RS metadata.
 * Binary values up to {@link #INLINE_BINARY_LIMIT} bytes are written as InlineBinary (F.2.7);
 * larger ones and Pixel Data carry only their VR here: the metadata service adds a BulkDataURI.
 */
public final class DicomJsonWriter {

  /** Largest binary value written inline; larger ones are bulk data (PS3.18 F.2.7). */
  public static final int INLINE_BINARY_LIMIT = 1024;

  private static final Set<String> NUMBER_VRS =
      Set.of("US", "SS", "UL", "SL", "FL", "FD", "UV", "SV", "IS", "DS");
  private static final Set<String> BINARY_VRS = Set.of("OB", "OW", "OF", "OD", "OL", "OV", "UN");
  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private DicomJsonWriter() {}

  /** The data set as one DICOM JSON object. */
  public static String toJson(AttributeList list) throws DicomException {
    StringBuilder out = new StringBuilder(4096);
    writeDataSet(list, out);
    return out.toString();
  }

  private static void writeDataSet(AttributeList list, StringBuilder out) throws DicomException {
    out.append('{');
    boolean first = true;
    for (Iterator<Attribute> it = list.values().iterator(); it.hasNext(); ) {
      Attribute attribute = it.next();
      AttributeTag tag = attribute.getTag();
      if (tag.getGroup() == 0x0002 || tag.getElement() == 0x0000) {
        continue;
      }
      if (!first) {
        out.append(',');
      }
      first = false;
      out.append('"').append(DicomDataset.hex((tag.getGroup() << 16) | tag.getElement()));
      out.append("\":");
      writeAttribute(attribute, out);
    }
    out.append('}');
  }

  private static void writeAttribute(Attribute attribute, StringBuilder out)
      throws DicomException {
    String vr = attribute.getVRAsString();
    out.append("{\"vr\":\"").append(vr).append('"');
    if (attribute instanceof SequenceAttribute sequence) {
      if (sequence.getNumberOfItems() > 0) {
        out.append(",\"Value\":[");
        for (int i = 0; i < sequence.getNumberOfItems(); i++) {
          if (i > 0) {
            out.append(',');
          }
          SequenceItem item = sequence.getItem(i);
          writeDataSet(item.getAttributeList(), out);
        }
        out.append(']');
      }
    } else if (BINARY_VRS.contains(vr)) {
      long length = attribute.getVL();
      if (length > 0 && length <= INLINE_BINARY_LIMIT) {
        byte[] bytes = attribute.getByteValues();
        if (bytes != null && bytes.length > 0) {
          out.append(",\"InlineBinary\":\"")
              .append(Base64.getEncoder().encodeToString(bytes))
              .append('"');
        }
      }
    } else if (attribute.getVM() > 0) {
      String[] values = attribute.getStringValues();
      if (values != null && values.length > 0) {
        out.append(",\"Value\":[");
        for (int i = 0; i < values.length; i++) {
          if (i > 0) {
            out.append(',');
          }
          writeValue(vr, values[i], out);
        }
        out.append(']');
      }
    }
    out.append('}');
  }

  private static void writeValue(String vr, String raw, StringBuilder out) {
    String value = raw == null ? "" : raw.trim();
    if (value.isEmpty()) {
      out.append("null"); // PS3.18 F.2.5: an empty value in a multi-valued attribute is null
    } else if ("AT".equals(vr)) {
      // PS3.18 F.2.3: an AT value is "ggggeeee"; PixelMed renders it as "(0xgggg,0xeeee)"
      appendString(value.replaceAll("[^0-9A-Fa-f,]|0x", "").replace(",", "").toUpperCase(), out);
    } else if ("PN".equals(vr)) {
      // PS3.18 F.2.2: component groups alphabetic=ideographic=phonetic
      String[] groups = value.split("=", -1);
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
        appendString(groups[i], out);
      }
      out.append('}');
    } else if (NUMBER_VRS.contains(vr) && isJsonNumber(value)) {
      out.append(stripPlus(value));
    } else {
      appendString(value, out);
    }
  }

  private static String stripPlus(String value) {
    return value.startsWith("+") ? value.substring(1) : value;
  }

  private static boolean isJsonNumber(String value) {
    return JSON_NUMBER.matcher(stripPlus(value)).matches();
  }

  /** Appends {@code value} as a JSON string literal (RFC 8259 escaping). */
  public static void appendString(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}

package org.vetpacs.dicomweb.dicom;

import java.util.Map;

/**
 * Writes {@link DicomDataset} as the Native DICOM Model (PS3.19 A.1), the XML form of QIDO-RS and
 * STOW-RS responses ({@code application/dicom+xml}).
 */
public final class DatasetXml {

  private DatasetXml() {}

  /** One data set as a complete XML document. */
  public static String document(DicomDataset dataset) {
    StringBuilder out = new StringBuilder(2048);
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<NativeDicomModel xmlns=\"http://dicom.nema.org/PS3.19/models/NativeDICOM\">");
    writeAttributes(dataset, out);
    out.append("</NativeDicomModel>\n");
    return out.toString();
  }

  private static void writeAttributes(DicomDataset dataset, StringBuilder out) {
    for (Map.Entry<Integer, DicomDataset.Element> entry : dataset.elements().entrySet()) {
      DicomDataset.Element e = entry.getValue();
      String keyword = Keywords.keywordOf(entry.getKey());
      out.append("<DicomAttribute tag=\"").append(DicomDataset.hex(entry.getKey())).append('"');
      if (keyword != null) {
        out.append(" keyword=\"").append(keyword).append('"');
      }
      out.append(" vr=\"").append(e.vr()).append("\">");
      if (e.bulkDataUri() != null) {
        out.append("<BulkData uri=\"").append(escape(e.bulkDataUri())).append("\"/>");
      } else if (e.inlineBinary() != null) {
        out.append("<InlineBinary>").append(e.inlineBinary()).append("</InlineBinary>");
      } else {
        int number = 1;
        for (Object value : e.values()) {
          if (value instanceof DicomDataset item) {
            out.append("<Item number=\"").append(number).append("\">");
            writeAttributes(item, out);
            out.append("</Item>");
          } else if ("PN".equals(e.vr())) {
            out.append("<PersonName number=\"").append(number).append("\">");
            if (value != null) {
              writePersonName(value.toString(), out);
            }
            out.append("</PersonName>");
          } else {
            out.append("<Value number=\"").append(number).append("\">");
            if (value != null) {
              out.append(escape(value.toString()));
            }
            out.append("</Value>");
          }
          number++;
        }
      }
      out.append("</DicomAttribute>");
    }
  }

  /** PS3.19 A.1.1: Alphabetic/Ideographic/Phonetic groups with FamilyName ... NameSuffix. */
  private static void writePersonName(String name, StringBuilder out) {
    String[] groups = name.split("=", -1);
    String[] groupNames = {"Alphabetic", "Ideographic", "Phonetic"};
    String[] components = {"FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix"};
    for (int g = 0; g < groups.length && g < groupNames.length; g++) {
      if (groups[g].isEmpty()) {
        continue;
      }
      out.append('<').append(groupNames[g]).append('>');
      String[] parts = groups[g].split("\\^", -1);
      for (int c = 0; c < parts.length && c < components.length; c++) {
        if (!parts[c].isEmpty()) {
          out.append('<').append(components[c]).append('>').append(escape(parts[c]));
          out.append("</").append(components[c]).append('>');
        }
      }
      out.append("</").append(groupNames[g]).append('>');
    }
  }

  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (char c : value.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            continue; // not allowed in XML 1.0
          }
          out.append(c);
        }
      }
    }
    return out.toString();
  }
}

package org.vetpacs.dicomweb.web;

import java.util.List;
import org.vetpacs.dicomweb.dicom.DicomJsonWriter;
import org.vetpacs.dicomweb.index.StudyRecord;

/**
 * The study-level QIDO-RS result (PS3.18 10.6.3, Table 10.6.3-3 attributes, plus the veterinary
 * patient attributes of PS3.3 C.7.1.1) as DICOM JSON, written from the index without touching the
 * stored files.
 */
final class StudyJson {

  private StudyJson() {}

  static String array(List<StudyRecord> studies, String dicomWebRoot) {
    StringBuilder out = new StringBuilder(512 * (studies.size() + 1));
    out.append('[');
    for (int i = 0; i < studies.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      object(studies.get(i), dicomWebRoot, out);
    }
    return out.append(']').toString();
  }

  private static void object(StudyRecord s, String root, StringBuilder out) {
    out.append('{');
    string(out, "00080005", "CS", "ISO_IR 192"); // Specific Character Set: JSON is UTF-8
    string(out, "00080020", "DA", s.getStudyDate());
    string(out, "00080030", "TM", s.getStudyTime());
    string(out, "00080050", "SH", s.getAccessionNumber());
    strings(out, "00080061", "CS", s.getModalitiesInStudy());
    name(out, "00080090", s.getReferringPhysicianName());
    string(out, "00081030", "LO", s.getStudyDescription());
    string(out, "00081190", "UR", root + "/studies/" + s.getStudyInstanceUid());
    name(out, "00100010", s.getPatientName());
    string(out, "00100020", "LO", s.getPatientId());
    string(out, "00100030", "DA", s.getPatientBirthDate());
    string(out, "00100040", "CS", s.getPatientSex());
    string(out, "00102201", "LO", s.getPatientSpeciesDescription());
    string(out, "00102292", "LO", s.getPatientBreedDescription());
    name(out, "00102297", s.getResponsiblePerson());
    string(out, "00102299", "LO", s.getResponsibleOrganization());
    string(out, "0020000D", "UI", s.getStudyInstanceUid());
    string(out, "00200010", "SH", s.getStudyId());
    number(out, "00201206", s.getNumberOfSeries());
    number(out, "00201208", s.getNumberOfInstances());
    out.setLength(out.length() - 1); // the last comma
    out.append('}');
  }

  private static void string(StringBuilder out, String tag, String vr, String value) {
    out.append('"').append(tag).append("\":{\"vr\":\"").append(vr).append('"');
    if (value != null && !value.isEmpty()) {
      out.append(",\"Value\":[");
      DicomJsonWriter.appendString(value, out);
      out.append(']');
    }
    out.append("},");
  }

  private static void strings(StringBuilder out, String tag, String vr, List<String> values) {
    out.append('"').append(tag).append("\":{\"vr\":\"").append(vr).append('"');
    if (values != null && !values.isEmpty()) {
      out.append(",\"Value\":[");
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        DicomJsonWriter.appendString(values.get(i), out);
      }
      out.append(']');
    }
    out.append("},");
  }

  private static void name(StringBuilder out, String tag, String value) {
    out.append('"').append(tag).append("\":{\"vr\":\"PN\"");
    if (value != null && !value.isEmpty()) {
      out.append(",\"Value\":[{\"Alphabetic\":");
      DicomJsonWriter.appendString(value, out);
      out.append("}]");
    }
    out.append("},");
  }

  private static void number(StringBuilder out, String tag, int value) {
    out.append('"').append(tag).append("\":{\"vr\":\"IS\",\"Value\":[").append(value).append("]},");
  }
}

package org.vetpacs.dicomweb.worklist;

import java.util.List;
import org.vetpacs.dicomweb.dicom.DicomJsonWriter;
import org.vetpacs.model.animal.SnomedConcept;

/**
 * One worklist item as the DICOM JSON Model (PS3.18 F.2): the return keys of the Modality Worklist
 * Information Model (PS3.4 Table K.6-1) this archive holds, with the step inside Scheduled
 * Procedure Step Sequence (0040,0100), plus the veterinary attributes of the Patient Module (PS3.3
 * C.7.1.1) so the modality copies species, breed, neuter status and owner into the images and
 * nobody retypes them.
 *
 * <p>Every attribute is written, in ascending tag order; one without a value is written with its VR
 * and no {@code Value} (a zero-length Type 2 value, PS3.18 F.2.5), and an empty code sequence has
 * no items. The C-FIND SCP returns only the keys the identifier asked for.
 */
public final class WorklistDicomJson {

  /** Specific Character Set of every result: JSON is Unicode, written here as UTF-8. */
  static final String UTF8 = "ISO_IR 192";

  private WorklistDicomJson() {}

  /** The item as one DICOM JSON object. */
  public static String of(WorklistItem item) {
    StringBuilder out = new StringBuilder(2048);
    out.append('{');
    string(out, "00080005", "CS", UTF8);
    string(out, "00080050", "SH", item.getAccessionNumber());
    name(out, "00080090", item.getReferringPhysicianName());
    name(out, "00100010", item.getPatientName());
    string(out, "00100020", "LO", item.getPatientId());
    string(out, "00100030", "DA", item.getPatientBirthDate());
    string(out, "00100040", "CS", item.getPatientSex());
    string(out, "00102201", "LO", item.getPatientSpeciesDescription());
    code(
        out,
        "00102202",
        item.getPatientSpeciesCode(),
        SnomedConcept.DICOM_CODING_SCHEME,
        item.getPatientSpeciesCodeMeaning());
    string(out, "00102203", "CS", item.getPatientSexNeutered());
    string(out, "00102292", "LO", item.getPatientBreedDescription());
    code(
        out,
        "00102293",
        item.getPatientBreedCode(),
        SnomedConcept.DICOM_CODING_SCHEME,
        item.getPatientBreedCodeMeaning());
    name(out, "00102297", item.getResponsiblePerson());
    string(out, "00102298", "CS", item.getResponsiblePersonRole());
    string(out, "00102299", "LO", item.getResponsibleOrganization());
    string(out, "0020000D", "UI", item.getStudyInstanceUid());
    name(out, "00321032", item.getRequestingPhysician());
    string(out, "00321060", "LO", item.getRequestedProcedureDescription());
    code(
        out,
        "00321064",
        item.getRequestedProcedureCodeValue(),
        item.getRequestedProcedureCodingSchemeDesignator(),
        item.getRequestedProcedureCodeMeaning());
    // Scheduled Procedure Step Sequence (0040,0100): exactly one item (PS3.4 Table K.6-1)
    out.append("\"00400100\":{\"vr\":\"SQ\",\"Value\":[{");
    string(out, "00080060", "CS", item.getModality());
    string(out, "00400001", "AE", item.getScheduledStationAeTitle());
    string(out, "00400002", "DA", item.getScheduledProcedureStepStartDate());
    string(out, "00400003", "TM", item.getScheduledProcedureStepStartTime());
    name(out, "00400006", item.getScheduledPerformingPhysicianName());
    string(out, "00400007", "LO", item.getScheduledProcedureStepDescription());
    string(out, "00400009", "SH", item.getScheduledProcedureStepId());
    string(out, "00400020", "CS", item.getScheduledProcedureStepStatus());
    endObject(out);
    out.append("]},");
    string(out, "00401001", "SH", item.getRequestedProcedureId());
    string(out, "00401002", "LO", item.getReasonForRequestedProcedure());
    string(out, "00401003", "SH", item.getRequestedProcedurePriority());
    endObject(out);
    return out.toString();
  }

  /** Several items as a DICOM JSON array. */
  public static String array(List<String> objects) {
    return "[" + String.join(",", objects) + "]";
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

  /** PN as its Alphabetic component group (PS3.18 F.2.2). */
  private static void name(StringBuilder out, String tag, String value) {
    out.append('"').append(tag).append("\":{\"vr\":\"PN\"");
    if (value != null && !value.isEmpty()) {
      out.append(",\"Value\":[{\"Alphabetic\":");
      DicomJsonWriter.appendString(value, out);
      out.append("}]");
    }
    out.append("},");
  }

  /** A code sequence with one item (PS3.3 Table 8.8-1), or none when there is no code. */
  private static void code(
      StringBuilder out, String tag, String value, String scheme, String meaning) {
    out.append('"').append(tag).append("\":{\"vr\":\"SQ\"");
    if (value != null && !value.isEmpty()) {
      out.append(",\"Value\":[{");
      string(out, "00080100", "SH", value);
      string(out, "00080102", "SH", scheme);
      string(out, "00080104", "LO", meaning);
      endObject(out);
      out.append(']');
    }
    out.append("},");
  }

  /** Replaces the trailing comma of the last attribute with the closing brace. */
  private static void endObject(StringBuilder out) {
    out.setCharAt(out.length() - 1, '}');
  }
}

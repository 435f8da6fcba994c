package org.vetpacs.dicomweb.web;

import java.util.ArrayList;
import java.util.List;
import org.vetpacs.dicomweb.dicom.DicomJsonWriter;
import org.vetpacs.dicomweb.ingest.DicomStatus;
import org.vetpacs.dicomweb.ingest.StoreOutcome;

/**
 * Builds the STOW-RS Store Instances Response (PS3.18 10.5.3) from the per-instance outcomes, and
 * alone decides its HTTP status: 200 when every instance was stored without warning, 202 when some
 * failed or were stored with warnings, 409 when none was stored.
 */
public final class StoreResponseBuilder {

  private final String baseUrl;
  private final List<StoreOutcome> outcomes = new ArrayList<>();

  /** @param baseUrl the DICOMweb root, e.g. {@code http://host:8080/dicom-web} */
  public StoreResponseBuilder(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public void add(StoreOutcome outcome) {
    outcomes.add(outcome);
  }

  public List<StoreOutcome> outcomes() {
    return outcomes;
  }

  /** PS3.18 10.5.3.1. */
  public int httpStatus() {
    long stored = outcomes.stream().filter(StoreOutcome::stored).count();
    boolean allClean =
        outcomes.stream().allMatch(o -> o.status().kind() == DicomStatus.Kind.SUCCESS);
    if (stored == 0) {
      return 409;
    }
    return allClean ? 200 : 202;
  }

  /** The response as DICOM JSON. */
  public String toJson() {
    StringBuilder out = new StringBuilder(256 + outcomes.size() * 256);
    out.append('{');
    String study = singleStoredStudy();
    if (study != null) {
      // (0008,1190) Retrieve URL of the study
      out.append("\"00081190\":{\"vr\":\"UR\",\"Value\":[");
      DicomJsonWriter.appendString(baseUrl + "/studies/" + study, out);
      out.append("]},");
    }
    List<StoreOutcome> failed = outcomes.stream().filter(o -> !o.stored()).toList();
    if (!failed.isEmpty()) {
      out.append("\"00081198\":{\"vr\":\"SQ\",\"Value\":["); // Failed SOP Sequence
      for (int i = 0; i < failed.size(); i++) {
        StoreOutcome o = failed.get(i);
        if (i > 0) {
          out.append(',');
        }
        out.append('{');
        appendUid("00081150", o.sopClassUid(), out);
        appendUid("00081155", o.sopInstanceUid(), out);
        out.append("\"00081197\":{\"vr\":\"US\",\"Value\":[").append(o.status().code()).append("]}");
        out.append('}');
      }
      out.append("]},");
    }
    List<StoreOutcome> stored = outcomes.stream().filter(StoreOutcome::stored).toList();
    out.append("\"00081199\":{\"vr\":\"SQ\""); // Referenced SOP Sequence
    if (!stored.isEmpty()) {
      out.append(",\"Value\":[");
      for (int i = 0; i < stored.size(); i++) {
        StoreOutcome o = stored.get(i);
        if (i > 0) {
          out.append(',');
        }
        out.append('{');
        appendUid("00081150", o.sopClassUid(), out);
        appendUid("00081155", o.sopInstanceUid(), out);
        if (o.status().kind() == DicomStatus.Kind.WARNING) {
          out.append("\"00081196\":{\"vr\":\"US\",\"Value\":[")
              .append(o.status().code())
              .append("]},");
        }
        out.append("\"00081190\":{\"vr\":\"UR\",\"Value\":[");
        DicomJsonWriter.appendString(
            baseUrl
                + "/studies/"
                + o.studyInstanceUid()
                + "/series/"
                + o.seriesInstanceUid()
                + "/instances/"
                + o.sopInstanceUid(),
            out);
        out.append("]}}");
      }
      out.append(']');
    }
    out.append("}}");
    return out.toString();
  }

  /** Warning header values (RFC 7234 5.5) explaining failures, one per failed part. */
  public List<String> warnings() {
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      StoreOutcome o = outcomes.get(i);
      if (o.status().kind() != DicomStatus.Kind.SUCCESS) {
        String text =
            "part " + (i + 1) + ": " + o.status().hex() + " " + o.status().meaning() + ": "
                + o.message();
        warnings.add("299 VetPACS \"" + text.replace("\"", "'").replace("\\", "/") + "\"");
      }
    }
    return warnings;
  }

  private String singleStoredStudy() {
    List<String> studies =
        outcomes.stream()
            .filter(StoreOutcome::stored)
            .map(StoreOutcome::studyInstanceUid)
            .distinct()
            .toList();
    return studies.size() == 1 ? studies.get(0) : null;
  }

  private static void appendUid(String tag, String uid, StringBuilder out) {
    out.append('"').append(tag).append("\":{\"vr\":\"UI\"");
    if (uid != null && !uid.isEmpty()) {
      out.append(",\"Value\":[");
      DicomJsonWriter.appendString(uid, out);
      out.append(']');
    }
    out.append("},");
  }
}

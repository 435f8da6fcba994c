package org.vetpacs.dicomweb.web;

import java.util.ArrayList;
import java.util.List;
import org.vetpacs.dicomweb.dicom.DatasetJson;
import org.vetpacs.dicomweb.dicom.DatasetXml;
import org.vetpacs.dicomweb.dicom.DicomDataset;
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

  /** The Store Instances Response data set (PS3.18 10.5.3, Table 10.5.3-2). */
  public DicomDataset toDataset() {
    DicomDataset response = new DicomDataset();
    String study = singleStoredStudy();
    if (study != null) {
      response.put(0x00081190, "UR", baseUrl + "/studies/" + study); // Retrieve URL
    }
    List<DicomDataset> failed = new ArrayList<>();
    List<DicomDataset> referenced = new ArrayList<>();
    for (StoreOutcome o : outcomes) {
      DicomDataset item = new DicomDataset();
      item.put(0x00081150, "UI", o.sopClassUid()); // Referenced SOP Class UID
      item.put(0x00081155, "UI", o.sopInstanceUid()); // Referenced SOP Instance UID
      if (!o.stored()) {
        item.putNumber(0x00081197, "US", o.status().code()); // Failure Reason
        failed.add(item);
        continue;
      }
      if (o.status().kind() == DicomStatus.Kind.WARNING) {
        item.putNumber(0x00081196, "US", o.status().code()); // Warning Reason
      }
      item.put(
          0x00081190,
          "UR",
          baseUrl + "/studies/" + o.studyInstanceUid() + "/series/" + o.seriesInstanceUid()
              + "/instances/" + o.sopInstanceUid());
      referenced.add(item);
    }
    if (!failed.isEmpty()) {
      response.putSequence(0x00081198, failed); // Failed SOP Sequence
    }
    response.putSequence(0x00081199, referenced); // Referenced SOP Sequence
    return response;
  }

  /** The response as DICOM JSON. */
  public String toJson() {
    return DatasetJson.toJson(toDataset());
  }

  /** The response as a Native DICOM Model XML document (PS3.19). */
  public String toXml() {
    return DatasetXml.document(toDataset());
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
}

package org.vetpacs.dicomweb.query;

import java.util.List;
import org.vetpacs.dicomweb.dicom.DatasetJson;
import org.vetpacs.dicomweb.dicom.DicomDataset;
import org.vetpacs.dicomweb.index.InstanceRecord;
import org.vetpacs.dicomweb.index.SeriesRecord;
import org.vetpacs.dicomweb.index.StudyRecord;

/**
 * Query result data sets built from the index records, without touching the stored files: the
 * attributes of PS3.18 Tables 10.6.3-3 (study), 10.6.3-4 (series) and 10.6.3-5 (instance), the
 * veterinary patient attributes (PS3.3 C.7.1.1), and the counts.
 */
final class ResultDatasets {

  static final List<Integer> PATIENT_TAGS =
      List.of(0x00100010, 0x00100020, 0x00100030, 0x00100040, 0x00102201, 0x00102292, 0x00102297,
          0x00102299);

  /** Instance attributes returned by default (PS3.18 Table 10.6.3-5), from the stored header. */
  static final List<Integer> INSTANCE_DEFAULT_TAGS =
      List.of(0x00080016, 0x00080018, 0x00200013, 0x00280008, 0x00280010, 0x00280011, 0x00280100);

  private ResultDatasets() {}

  static DicomDataset study(StudyRecord s, String root) {
    DicomDataset d = new DicomDataset();
    d.put(0x00080005, "CS", "ISO_IR 192"); // JSON and XML answers are UTF-8
    d.put(0x00080020, "DA", s.getStudyDate());
    d.put(0x00080030, "TM", s.getStudyTime());
    d.put(0x00080050, "SH", s.getAccessionNumber());
    d.put(0x00080056, "CS", "ONLINE");
    d.putValues(0x00080061, "CS", s.getModalitiesInStudy());
    d.put(0x00080090, "PN", s.getReferringPhysicianName());
    d.put(0x00081030, "LO", s.getStudyDescription());
    if (root != null) {
      d.put(0x00081190, "UR", root + "/studies/" + s.getStudyInstanceUid());
    }
    patient(s, d);
    d.put(0x0020000D, "UI", s.getStudyInstanceUid());
    d.put(0x00200010, "SH", s.getStudyId());
    d.putNumber(0x00201206, "IS", s.getNumberOfSeries());
    d.putNumber(0x00201208, "IS", s.getNumberOfInstances());
    return d;
  }

  static void patient(StudyRecord s, DicomDataset d) {
    d.put(0x00100010, "PN", s.getPatientName());
    d.put(0x00100020, "LO", s.getPatientId());
    d.put(0x00100030, "DA", s.getPatientBirthDate());
    d.put(0x00100040, "CS", s.getPatientSex());
    d.put(0x00102201, "LO", s.getPatientSpeciesDescription());
    d.put(0x00102292, "LO", s.getPatientBreedDescription());
    d.put(0x00102297, "PN", s.getResponsiblePerson());
    d.put(0x00102299, "LO", s.getResponsibleOrganization());
  }

  static DicomDataset series(SeriesRecord s, String root) {
    DicomDataset d = new DicomDataset();
    d.put(0x00080005, "CS", "ISO_IR 192");
    d.put(0x00080056, "CS", "ONLINE");
    d.put(0x00080060, "CS", s.getModality());
    d.put(0x0008103E, "LO", s.getSeriesDescription());
    d.put(0x00180015, "CS", s.getBodyPartExamined());
    d.put(0x0020000D, "UI", s.getStudyInstanceUid());
    d.put(0x0020000E, "UI", s.getSeriesInstanceUid());
    d.put(0x00200011, "IS", s.getSeriesNumber());
    d.putNumber(0x00201209, "IS", s.getNumberOfInstances());
    if (root != null) {
      d.put(
          0x00081190,
          "UR",
          root + "/studies/" + s.getStudyInstanceUid() + "/series/" + s.getSeriesInstanceUid());
    }
    return d;
  }

  /** The instance's stored header (bulk values left out) and its retrieve URL. */
  static DicomDataset instanceHeader(InstanceRecord i) {
    DicomDataset header = DatasetJson.parse(i.getMetadata());
    for (Integer tag : List.copyOf(header.elements().keySet())) {
      DicomDataset.Element e = header.get(tag);
      boolean binaryWithoutValue =
          e.values().isEmpty() && e.inlineBinary() == null && e.bulkDataUri() == null
              && (e.vr().startsWith("O") || e.vr().equals("UN"));
      if (binaryWithoutValue) {
        header.remove(tag);
      }
    }
    return header;
  }

  static DicomDataset instance(InstanceRecord i, DicomDataset header, boolean all, String root) {
    DicomDataset d = new DicomDataset();
    if (all) {
      d.addMissing(header);
    } else {
      d.copyFrom(header, INSTANCE_DEFAULT_TAGS);
    }
    d.put(0x00080005, "CS", "ISO_IR 192");
    d.put(0x00080016, "UI", i.getSopClassUid());
    d.put(0x00080018, "UI", i.getSopInstanceUid());
    d.put(0x00080056, "CS", "ONLINE");
    d.put(0x0020000D, "UI", i.getStudyInstanceUid());
    d.put(0x0020000E, "UI", i.getSeriesInstanceUid());
    if (root != null) {
      d.put(
          0x00081190,
          "UR",
          root + "/studies/" + i.getStudyInstanceUid() + "/series/" + i.getSeriesInstanceUid()
              + "/instances/" + i.getSopInstanceUid());
    }
    return d;
  }
}

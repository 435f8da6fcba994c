package org.vetpacs.dicomweb.query;

import java.util.List;
import org.vetpacs.dicomweb.dicom.DatasetJson;
import org.vetpacs.dicomweb.dicom.DicomDataset;

/**
 * The matches of a query.
 *
 * @param datasets one data set per match, in order
 * @param truncated whether more matched than were returned (PS3.18 10.6.3.2 Warning)
 * @param warnings Warning texts for the client (e.g. keys that were not used for matching)
 */
public record QueryResult(List<DicomDataset> datasets, boolean truncated, List<String> warnings) {

  /** The matches as DICOM JSON objects (PS3.18 F.2), e.g. for a C-FIND SCP. */
  public List<String> matches() {
    return datasets.stream().map(DatasetJson::toJson).toList();
  }
}

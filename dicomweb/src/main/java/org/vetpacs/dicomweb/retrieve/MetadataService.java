package org.vetpacs.dicomweb.retrieve;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.vetpacs.dicomweb.index.InstanceRecord;

/**
 * WADO-RS Retrieve Metadata (PS3.18 10.4.1, "Metadata" resources; F.2 DICOM JSON Model): a JSON
 * array with one object per instance, from the DICOM JSON kept in the index (the files are not
 * read), with BulkDataURIs (F.2.6) for what was left out.
 */
@ApplicationScoped
public class MetadataService {

  /** Writes the metadata of {@code instances} as a JSON array, one instance at a time. */
  public void write(List<InstanceRecord> instances, String dicomWebRoot, OutputStream out)
      throws IOException {
    out.write('[');
    boolean first = true;
    for (InstanceRecord instance : instances) {
      if (!first) {
        out.write(',');
      }
      first = false;
      String metadata = instance.getMetadata() == null ? "{}" : instance.getMetadata();
      String json =
          BulkDataUris.addTo(metadata, instanceUrl(dicomWebRoot, instance), instance.getTransferSyntaxUid())
              .toString();
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
    out.write(']');
    out.flush();
  }

  /** Absolute URL of an instance resource under the DICOMweb root. */
  public static String instanceUrl(String dicomWebRoot, InstanceRecord instance) {
    return dicomWebRoot
        + "/studies/"
        + instance.getStudyInstanceUid()
        + "/series/"
        + instance.getSeriesInstanceUid()
        + "/instances/"
        + instance.getSopInstanceUid();
  }
}

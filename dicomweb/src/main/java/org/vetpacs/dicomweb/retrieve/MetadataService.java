package org.vetpacs.dicomweb.retrieve;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.vetpacs.dicomweb.index.InstanceRecord;

/**
 * WADO-RS Retrieve Metadata (PS3.18 10.4.1, "Metadata" resources; F.2 DICOM JSON Model): a JSON
 * array with one object per instance, from the DICOM JSON kept in the index (the files are not
 * read), with BulkDataURIs (F.2.6) for what was left out.
 */
@ApplicationScoped
public class MetadataService {

  /**
   * Writes the metadata of {@code instances} as a JSON array, one instance at a time, each stored
   * DICOM JSON streamed through {@link BulkDataUris#writeTo} into the response.
   */
  public void write(List<InstanceRecord> instances, String dicomWebRoot, OutputStream out)
      throws IOException {
    try (JsonGenerator json = BulkDataUris.generator(out)) {
      json.writeStartArray();
      for (InstanceRecord instance : instances) {
        String metadata = instance.getMetadata() == null ? "{}" : instance.getMetadata();
        BulkDataUris.writeTo(
            metadata, instanceUrl(dicomWebRoot, instance), instance.getTransferSyntaxUid(), json);
      }
      json.writeEnd();
    } catch (JsonException e) {
      // JsonGenerator wraps the stream's IOException (e.g. the client went away)
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
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

package org.vetpacs.dicomweb.lifecycle;

import java.util.List;

/**
 * CDI event fired after a DELETE removed instances (blobs and index records). Observers (the
 * ImagingStudy projection, routing, audit) react to it; the archive never calls them directly.
 *
 * @param studyInstanceUid the study the instances belonged to
 * @param seriesInstanceUids the series that lost instances
 * @param sopInstanceUids the instances removed
 * @param studyRemoved whether the study has no instance left (it is gone from the index)
 */
public record InstancesDeleted(
    String studyInstanceUid,
    List<String> seriesInstanceUids,
    List<String> sopInstanceUids,
    boolean studyRemoved) {

  public InstancesDeleted {
    seriesInstanceUids = List.copyOf(seriesInstanceUids);
    sopInstanceUids = List.copyOf(sopInstanceUids);
  }
}

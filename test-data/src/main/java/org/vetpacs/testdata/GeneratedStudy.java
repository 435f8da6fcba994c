package org.vetpacs.testdata;

import java.util.List;
import org.vetpacs.model.animal.Species;

/**
 * A study written by {@link StudyGenerator}, with the identifiers a test needs to find it again.
 *
 * @param studyInstanceUid Study Instance UID (0020,000D)
 * @param patientId Patient ID (0010,0020)
 * @param patientName Patient's Name (0010,0010), {@code PETNAME^OWNERLASTNAME}
 * @param accessionNumber Accession Number (0008,0050)
 * @param species the animal's species
 * @param modality Modality (0008,0060) of the study's series
 * @param instances the files, in the order written
 */
public record GeneratedStudy(
    String studyInstanceUid,
    String patientId,
    String patientName,
    String accessionNumber,
    Species species,
    String modality,
    List<GeneratedInstance> instances) {

  /** Makes the instance list unmodifiable. */
  public GeneratedStudy {
    instances = List.copyOf(instances);
  }

  /**
   * The total size of the study's files.
   *
   * @return bytes
   */
  public long totalBytes() {
    return instances.stream().mapToLong(GeneratedInstance::sizeBytes).sum();
  }
}

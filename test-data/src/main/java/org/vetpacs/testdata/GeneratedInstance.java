package org.vetpacs.testdata;

import java.nio.file.Path;

/**
 * One DICOM Part 10 file written by {@link StudyGenerator}.
 *
 * @param file where the file is
 * @param sopClassUid SOP Class UID (0008,0016)
 * @param sopInstanceUid SOP Instance UID (0008,0018)
 * @param seriesInstanceUid Series Instance UID (0020,000E)
 * @param sizeBytes the file's size in bytes
 */
public record GeneratedInstance(
    Path file, String sopClassUid, String sopInstanceUid, String seriesInstanceUid,
    long sizeBytes) {}

package org.vetpacs.dicomweb.ingest;

/**
 * CDI event fired after an instance is durably stored and indexed (never for a failed store or
 * an identical re-send). Observers (ImagingStudy projection, order matching, routing,
 * notifications, audit) react to it; the archive never calls them directly.
 */
public record InstanceStored(
    String studyInstanceUid,
    String seriesInstanceUid,
    String sopInstanceUid,
    String sopClassUid,
    String source) {}

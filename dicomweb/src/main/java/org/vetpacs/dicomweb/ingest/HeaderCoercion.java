package org.vetpacs.dicomweb.ingest;

import java.util.Optional;
import org.vetpacs.dicomweb.dicom.DicomDataset;
import org.vetpacs.dicomweb.dicom.InstanceHeader;

/**
 * A service provider the ingest pipeline consults once per instance, between parsing the header and
 * writing the blob (step 3 of the life of an instance, ARCHITECTURE.md): which values the stored
 * header must carry, e.g. the registered animal's name and ID when an order or the patient registry
 * knows the study. The archive does not know where the values come from (the workflow above it
 * implements this as a CDI bean); without an implementation nothing is coerced.
 *
 * <p>The pipeline compares the desired values with the header and rewrites only what differs,
 * keeping the previous values in Original Attributes Sequence (0400,0561) (PS3.3 C.12.1), and
 * answers the store with Warning 0xB000 "Coercion of data elements" (PS3.4 B.2.3, PS3.18 Table
 * I.2-1). An implementation must be quick and must not fail the store: a {@link RuntimeException}
 * is logged and the instance stored as received.
 */
public interface HeaderCoercion {

  /**
   * The values the stored header must carry.
   *
   * @param header the parsed header as received
   * @param source who sent it ({@code STOW-RS}, {@code DIMSE:<AE>})
   * @return top-level elements to set (an SQ element replaces the sequence), or empty for none
   */
  Optional<DicomDataset> coerce(InstanceHeader header, String source);
}

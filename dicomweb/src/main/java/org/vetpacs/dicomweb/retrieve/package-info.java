/**
 * The read side of the archive behind WADO-RS and WADO-URI (PS3.18 10.4 and 9): which stored
 * instances a study, series or instance resource names, their bytes as stored or transcoded to
 * Explicit VR Little Endian, their metadata as DICOM JSON with BulkDataURIs (PS3.18 F.2.6), bulk
 * data values and frames read by seeking in the stored file. Free of JAX-RS: failures are {@link
 * org.vetpacs.dicomweb.retrieve.RetrieveException}s with one reason each, mapped to HTTP statuses at
 * the edge.
 */
package org.vetpacs.dicomweb.retrieve;

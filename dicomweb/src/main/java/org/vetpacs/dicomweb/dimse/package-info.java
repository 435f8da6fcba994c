/**
 * The DIMSE face (PS3.7, PS3.8) on PixelMed's association layer: {@link
 * org.vetpacs.dicomweb.dimse.DimseListener} accepts connections, screens the A-ASSOCIATE-RQ's AE
 * titles (allow-list), lets PixelMed negotiate presentation contexts, and dispatches each request
 * to the {@code DimseService} of its SOP Class: Verification (C-ECHO), Storage (C-STORE into the
 * archive's one ingest pipeline, answered only after it returned) and Query/Retrieve MOVE and GET
 * (C-STORE sub-operations sent byte for byte from the blob store). A C-FIND service plugs in the
 * same way. PixelMed types stay inside this package and {@code dicom}.
 */
package org.vetpacs.dicomweb.dimse;

/**
 * The DICOM Conformance Statement (PS3.2), generated from the code that implements what it states:
 * the DIMSE presentation-context policy's SOP Classes and transfer syntaxes ({@link
 * org.vetpacs.dicomweb.dimse.DimseCapabilities}), the status codes ({@link
 * org.vetpacs.dicomweb.ingest.DicomStatus}), the DICOMweb resources ({@link
 * org.vetpacs.dicomweb.web.CapabilitiesDocument}) and the configuration. Served at {@code GET
 * /api/conformance/dicom}; a copy generated with the defaults is checked into {@code conformance/}.
 */
package org.vetpacs.dicomweb.conformance;

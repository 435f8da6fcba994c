/**
 * The FHIR R4 face of VetPACS: a HAPI FHIR plain {@code RestfulServer} at {@code /fhir}
 * ({@code web}), the clinic workflow rules per resource type ({@code service}) and the MongoDB
 * storage of FHIR resources with their versions ({@code infrastructure}). ImagingStudy is not
 * stored: it is derived from the DICOM index on every read.
 */
package org.vetpacs.fhir;

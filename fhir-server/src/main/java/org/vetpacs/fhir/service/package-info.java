/**
 * The rules of the FHIR face, one {@code *Service} per resource type over one versioned store
 * ({@link org.vetpacs.fhir.service.FhirResourceStore}): validation against our profiles before
 * anything is stored, versions and optimistic locking, search keys, status lifecycles, the
 * accession number of orders, includes, and the ImagingStudy projection of the DICOM index.
 */
package org.vetpacs.fhir.service;

/**
 * The rules of the FHIR face, one {@code *Service} per resource type over one versioned store
 * ({@link org.vetpacs.fhir.service.FhirResourceStore}): validation against our profiles before
 * anything is stored, versions and optimistic locking, search keys, status lifecycles, the
 * accession number of orders, includes, the ImagingStudy projection of the DICOM index, and
 * rest-hook Subscriptions (criteria matching through the same search, the outbox and its retry
 * policy).
 */
package org.vetpacs.fhir.service;

/**
 * MongoDB storage of FHIR resources through Eclipse JNoSQL: the current version of each resource
 * in {@code fhir_resources} (JSON + extracted search keys), every version in {@code fhir_history}.
 */
package org.vetpacs.fhir.infrastructure;

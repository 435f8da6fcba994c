/**
 * MongoDB storage of FHIR resources through Eclipse JNoSQL: the current version of each resource
 * in {@code fhir_resources} (JSON + extracted search keys), every version in {@code fhir_history};
 * the subscription outbox ({@code subscription_outbox}, {@code subscription_deliveries}) and the
 * worker that delivers it over HTTP; the CDI observers of {@code FhirResourceChanged} that keep
 * what follows a change in step (an order's worklist item and charge, an AI report's review Task).
 */
package org.vetpacs.fhir.infrastructure;

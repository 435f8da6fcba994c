/**
 * The HAPI FHIR plain server: the servlet at {@code /fhir/*} and one thin {@code
 * *ResourceProvider} per resource type, which parses parameters, calls its service and returns
 * what HAPI renders (JSON or XML, Bundles with paging links, CapabilityStatement). Errors are HAPI
 * exceptions carrying an OperationOutcome. Beside it, one JAX-RS endpoint of the FHIR face that no
 * FHIR interaction covers: a subscription's delivery log at {@code /api/subscriptions/{id}/deliveries}
 * (errors as problem+json).
 */
package org.vetpacs.fhir.web;

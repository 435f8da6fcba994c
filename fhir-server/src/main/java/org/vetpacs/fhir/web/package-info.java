/**
 * The HAPI FHIR plain server: the servlet at {@code /fhir/*} and one thin {@code
 * *ResourceProvider} per resource type, which parses parameters, calls its service and returns
 * what HAPI renders (JSON or XML, Bundles with paging links, CapabilityStatement). Errors are HAPI
 * exceptions carrying an OperationOutcome.
 */
package org.vetpacs.fhir.web;

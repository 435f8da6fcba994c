/**
 * The workflow's own HTTP API, for what no standard covers: the reconciliation queue ({@code
 * /api/reconciliation}) where staff assign unmatched studies and merge patients, and its audit
 * trail. JSON in and out; refusals as RFC 9457 {@code application/problem+json}. Each queue item
 * is also a FHIR Task ({@code /fhir/Task}).
 */
package org.vetpacs.fhir.api;

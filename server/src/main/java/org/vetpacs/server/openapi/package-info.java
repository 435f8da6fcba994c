/**
 * The OpenAPI 3 document Payara's MicroProfile OpenAPI serves at {@code /openapi}: the paths come
 * from scanning the JAX-RS endpoints, {@code META-INF/openapi.yaml} adds what a scan cannot see
 * (title, tags, how the FHIR servlet at {@code /fhir} is reached), and {@link
 * org.vetpacs.server.openapi.OpenApiPathFilter} tidies the scan. The conformance module keeps a
 * copy and fails the build when the served document differs.
 */
package org.vetpacs.server.openapi;

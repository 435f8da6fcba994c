/**
 * What VetPACS publishes about itself, as code: the canonical form of the OpenAPI document that is
 * checked into this module (the Java client in {@code org.vetpacs.conformance.client} is generated
 * from it at build time), and where the conformance suite finds the server under test.
 */
package org.vetpacs.conformance;

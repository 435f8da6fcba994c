/**
 * The black-box conformance suite: one {@code *IT} class per published statement (the OpenAPI
 * document, the DICOM Conformance Statement's DICOMweb and DIMSE services, the FHIR
 * CapabilityStatement), each checking that what is claimed answers as claimed and that what is not
 * claimed is absent. It talks to {@code -Dvetpacs.url} only, over HTTP and DICOM, so it runs
 * against any VetPACS (see conformance/README.md); the server module runs it against the embedded
 * server in {@code ConformanceSuiteIT}.
 */
package org.vetpacs.conformance.suite;

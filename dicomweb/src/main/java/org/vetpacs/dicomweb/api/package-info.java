/**
 * The {@code /api} face of the archive: what no DICOM or FHIR standard covers (today the DIMSE AE
 * configuration). Endpoints stay thin; errors are RFC 9457 {@code application/problem+json} from
 * the server's exception mappers.
 */
package org.vetpacs.dicomweb.api;

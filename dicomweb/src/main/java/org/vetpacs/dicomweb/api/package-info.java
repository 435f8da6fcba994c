/**
 * The archive's {@code /api} face: what no imaging standard covers, in plain JSON with RFC 9457
 * problem details: {@code WorklistEndpoint} ({@code /api/worklist}, the scheduling of Modality
 * Worklist items, PS3.4 K.6) and the DIMSE AE configuration ({@code /api/dicom/aes}). Endpoints stay
 * thin and leave the rules to the services.
 */
package org.vetpacs.dicomweb.api;

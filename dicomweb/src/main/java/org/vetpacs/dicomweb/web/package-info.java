/**
 * The DICOMweb face (PS3.18): STOW-RS, QIDO-RS and WADO-RS endpoints, DELETE of studies, series
 * and instances, the Capabilities transaction (PS3.18 8.9, a WADL document generated from these
 * endpoints) and CORS for browser viewers, plus the streaming multipart reader, media-type
 * negotiation and the Store Instances Response builder. Endpoints stay thin: parse, call one
 * service, map the result.
 */
package org.vetpacs.dicomweb.web;

/**
 * The DICOMweb face (PS3.18): STOW-RS, QIDO-RS and WADO-RS endpoints, the streaming multipart
 * reader, media-type negotiation and the Store Instances Response builder. Endpoints stay thin:
 * parse, call one service, map the result.
 */
package org.vetpacs.dicomweb.web;

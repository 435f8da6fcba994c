/**
 * The DICOM archive: ingest, storage, index, the DICOMweb face and the DIMSE face. Sub-packages
 * follow the project's shape ({@code web}, {@code dimse}, {@code ingest}, {@code query}, {@code
 * storage}, {@code index}, {@code infrastructure}).
 */
package org.vetpacs.dicomweb;

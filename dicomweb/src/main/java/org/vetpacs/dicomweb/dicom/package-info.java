/**
 * DICOM encoding with the PixelMed toolkit: reading and checking received Part 10 files and
 * writing the DICOM JSON model. PixelMed types stay inside this package and {@code dimse}; the rest
 * of the code sees {@link org.vetpacs.dicomweb.dicom.InstanceHeader}.
 */
package org.vetpacs.dicomweb.dicom;

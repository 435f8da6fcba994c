package org.vetpacs.dicomweb.dimse;

import java.util.List;

/**
 * The SOP Classes and Transfer Syntaxes the DIMSE face offers (PS3.4 Annex A, B, C; PS3.5 Annex
 * A; PS3.6 Annex A). The README's DIMSE section and the Conformance Statement list the same.
 */
final class Uids {

  private Uids() {}

  static final String VERIFICATION = "1.2.840.10008.1.1";

  static final String PATIENT_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.1.1";
  static final String STUDY_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.2.1";
  static final String MODALITY_WORKLIST_FIND = "1.2.840.10008.5.1.4.31";

  static final String STUDY_ROOT_MOVE = "1.2.840.10008.5.1.4.1.2.2.2";
  static final String STUDY_ROOT_GET = "1.2.840.10008.5.1.4.1.2.2.3";
  static final String PATIENT_ROOT_MOVE = "1.2.840.10008.5.1.4.1.2.1.2";
  static final String PATIENT_ROOT_GET = "1.2.840.10008.5.1.4.1.2.1.3";

  /** The storage SOP Classes a veterinary clinic meets (PS3.4 B.5). */
  static final List<String> STORAGE_SOP_CLASSES =
      List.of(
          "1.2.840.10008.5.1.4.1.1.1", // Computed Radiography Image
          "1.2.840.10008.5.1.4.1.1.1.1", // Digital X-Ray Image - For Presentation
          "1.2.840.10008.5.1.4.1.1.1.1.1", // Digital X-Ray Image - For Processing
          "1.2.840.10008.5.1.4.1.1.1.3", // Digital Intra-Oral X-Ray Image - For Presentation
          "1.2.840.10008.5.1.4.1.1.1.3.1", // Digital Intra-Oral X-Ray Image - For Processing
          "1.2.840.10008.5.1.4.1.1.2", // CT Image
          "1.2.840.10008.5.1.4.1.1.2.1", // Enhanced CT Image
          "1.2.840.10008.5.1.4.1.1.4", // MR Image
          "1.2.840.10008.5.1.4.1.1.4.1", // Enhanced MR Image
          "1.2.840.10008.5.1.4.1.1.6.1", // Ultrasound Image
          "1.2.840.10008.5.1.4.1.1.3.1", // Ultrasound Multi-frame Image
          "1.2.840.10008.5.1.4.1.1.7", // Secondary Capture Image
          "1.2.840.10008.5.1.4.1.1.7.2", // Multi-frame Grayscale Byte Secondary Capture Image
          "1.2.840.10008.5.1.4.1.1.7.3", // Multi-frame Grayscale Word Secondary Capture Image
          "1.2.840.10008.5.1.4.1.1.7.4", // Multi-frame True Color Secondary Capture Image
          "1.2.840.10008.5.1.4.1.1.77.1.1", // VL Endoscopic Image
          "1.2.840.10008.5.1.4.1.1.77.1.4", // VL Photographic Image
          "1.2.840.10008.5.1.4.1.1.104.1", // Encapsulated PDF (reports from modalities)
          "1.2.840.10008.5.1.4.1.1.88.59", // Key Object Selection Document
          "1.2.840.10008.5.1.4.1.1.88.67", // X-Ray Radiation Dose SR
          "1.2.840.10008.5.1.4.1.1.11.1"); // Grayscale Softcopy Presentation State

  static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
  static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

  /** Transfer syntaxes accepted for storage, stored as received (no transcoding) (PS3.5 A). */
  static final List<String> STORAGE_TRANSFER_SYNTAXES =
      List.of(
          EXPLICIT_VR_LITTLE_ENDIAN,
          IMPLICIT_VR_LITTLE_ENDIAN,
          "1.2.840.10008.1.2.1.99", // Deflated Explicit VR Little Endian
          "1.2.840.10008.1.2.2", // Explicit VR Big Endian (retired)
          "1.2.840.10008.1.2.4.50", // JPEG Baseline (Process 1)
          "1.2.840.10008.1.2.4.57", // JPEG Lossless, Non-Hierarchical (Process 14)
          "1.2.840.10008.1.2.4.70", // JPEG Lossless, First-Order Prediction (Process 14, SV1)
          "1.2.840.10008.1.2.4.90", // JPEG 2000 Image Compression (Lossless Only)
          "1.2.840.10008.1.2.4.91", // JPEG 2000 Image Compression
          "1.2.840.10008.1.2.5"); // RLE Lossless

  /** Transfer syntaxes for Verification and Query/Retrieve (command-like, small identifiers). */
  static final List<String> UNCOMPRESSED_LITTLE_ENDIAN =
      List.of(EXPLICIT_VR_LITTLE_ENDIAN, IMPLICIT_VR_LITTLE_ENDIAN);
}

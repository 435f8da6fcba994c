/**
 * A deterministic generator of synthetic veterinary DICOM studies, for tests, demos and load runs.
 *
 * <p>{@link org.vetpacs.testdata.StudyGenerator} writes DICOM Part 10 files (PS3.10 7.1, Explicit
 * VR Little Endian, PS3.5 A.2) with PixelMed: digital radiographs of a thorax (DX, PS3.3 A.26),
 * dental intra-oral series (IO, PS3.3 A.28), CT series (PS3.3 A.3), ultrasound cine loops (US
 * Multi-frame, PS3.3 A.7) and equine limb radiographs. Each instance carries the veterinary
 * attributes of the Patient Module (PS3.3 C.7.1.1): species and breed, as text and as codes,
 * neuter status and the responsible person (the owner) and organization (the clinic).
 *
 * <p>Everything, down to dates and UIDs, comes from one seeded random source, so the same seed and
 * the same calls give byte-identical files; no wall clock is read and no real patient data is used:
 * pet names, owners and clinics come from small fixed lists. {@link org.vetpacs.testdata.GenerateCli}
 * is the command-line front end.
 */
package org.vetpacs.testdata;

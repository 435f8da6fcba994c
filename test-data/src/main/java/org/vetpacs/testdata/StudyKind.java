package org.vetpacs.testdata;

/** The kinds of synthetic study {@link StudyGenerator} can write. */
public enum StudyKind {
  /** Digital radiographs of a dog's or cat's thorax: 2-3 views, DX For Presentation. */
  DR_THORAX,
  /** A dental series of 10-20 intra-oral radiographs, IO For Presentation. */
  DENTAL,
  /** An axial CT series of 100-300 slices of 512x512. */
  CT,
  /** Ultrasound cine loops: RGB multi-frame, 30 frames of 640x480 each. */
  US_CINE,
  /** Digital radiographs of a horse's distal limb: 2-4 views, DX For Presentation. */
  EQUINE_LIMB
}

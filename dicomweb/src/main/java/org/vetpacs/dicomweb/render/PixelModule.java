package org.vetpacs.dicomweb.render;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import java.util.Locale;

/**
 * What rendering needs of an instance: the Image Pixel Module (PS3.3 C.7.6.3), the Modality LUT as
 * Rescale Slope/Intercept (C.11.1) and the first stored VOI window (C.11.2).
 */
public record PixelModule(
    int rows,
    int columns,
    int samplesPerPixel,
    int bitsAllocated,
    int bitsStored,
    boolean signed,
    String photometric,
    int planarConfiguration,
    double rescaleSlope,
    double rescaleIntercept,
    VoiWindow storedWindow) {

  private static final AttributeTag VOI_LUT_FUNCTION = new AttributeTag(0x0028, 0x1056);

  /** Reads the module from a header. */
  public static PixelModule of(AttributeList header) {
    int bitsAllocated = Attribute.getSingleIntegerValueOrDefault(header, TagFromName.BitsAllocated, 0);
    double slope = Attribute.getSingleDoubleValueOrDefault(header, TagFromName.RescaleSlope, 1.0);
    return new PixelModule(
        Attribute.getSingleIntegerValueOrDefault(header, TagFromName.Rows, 0),
        Attribute.getSingleIntegerValueOrDefault(header, TagFromName.Columns, 0),
        Attribute.getSingleIntegerValueOrDefault(header, TagFromName.SamplesPerPixel, 1),
        bitsAllocated,
        Attribute.getSingleIntegerValueOrDefault(header, TagFromName.BitsStored, bitsAllocated),
        Attribute.getSingleIntegerValueOrDefault(header, TagFromName.PixelRepresentation, 0) == 1,
        Attribute.getSingleStringValueOrDefault(header, TagFromName.PhotometricInterpretation, "")
            .trim()
            .toUpperCase(Locale.ROOT),
        Attribute.getSingleIntegerValueOrDefault(header, TagFromName.PlanarConfiguration, 0),
        slope == 0 ? 1.0 : slope,
        Attribute.getSingleDoubleValueOrDefault(header, TagFromName.RescaleIntercept, 0.0),
        storedWindow(header));
  }

  private static VoiWindow storedWindow(AttributeList header) {
    double[] centers = doubles(header, TagFromName.WindowCenter);
    double[] widths = doubles(header, TagFromName.WindowWidth);
    if (centers.length == 0 || widths.length == 0) {
      return null;
    }
    try {
      String function = Attribute.getSingleStringValueOrDefault(header, VOI_LUT_FUNCTION, "LINEAR");
      return new VoiWindow(centers[0], widths[0], VoiWindow.Function.parse(function));
    } catch (IllegalArgumentException e) {
      return null; // an unusable stored window: fall back to the full range
    }
  }

  private static double[] doubles(AttributeList header, AttributeTag tag) {
    try {
      double[] values = Attribute.getDoubleValues(header, tag);
      return values == null ? new double[0] : values;
    } catch (RuntimeException e) {
      return new double[0];
    }
  }

  public boolean monochrome() {
    return photometric.startsWith("MONOCHROME");
  }

  /** Bytes of one frame of native pixel data. */
  public long frameLength() {
    return (long) rows * columns * samplesPerPixel * (bitsAllocated / 8);
  }
}

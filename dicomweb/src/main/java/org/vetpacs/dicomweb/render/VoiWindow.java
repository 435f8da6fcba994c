package org.vetpacs.dicomweb.render;

import java.util.Locale;

/**
 * A VOI window (PS3.3 C.11.2.1.2): center, width and VOI LUT Function, mapping modality values to
 * display values 0..255.
 *
 * @param center Window Center (0028,1050)
 * @param width Window Width (0028,1051); >= 1 for LINEAR, > 0 otherwise
 * @param function the VOI LUT Function (0028,1056)
 */
public record VoiWindow(double center, double width, Function function) {

  /** VOI LUT Function values (PS3.3 C.11.2.1.3) and their PS3.18 8.3.5.1.4 query keywords. */
  public enum Function {
    /** PS3.3 C.11.2.1.2.1; keyword {@code linear}. */
    LINEAR("linear"),
    /** PS3.3 C.11.2.1.3.2; keyword {@code linear-exact}. */
    LINEAR_EXACT("linear-exact"),
    /** PS3.3 C.11.2.1.3.1; keyword {@code sigmoid}. */
    SIGMOID("sigmoid");

    private final String keyword;

    Function(String keyword) {
      this.keyword = keyword;
    }

    /** By PS3.18 keyword ({@code linear-exact}) or DICOM value ({@code LINEAR_EXACT}). */
    public static Function parse(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
      for (Function f : values()) {
        if (f.keyword.equals(v)) {
          return f;
        }
      }
      throw new IllegalArgumentException("Unknown VOI LUT function: " + value);
    }
  }

  public VoiWindow {
    if (function == null) {
      function = Function.LINEAR;
    }
    if (!(width > 0) || (function == Function.LINEAR && width < 1)) {
      throw new IllegalArgumentException(
          "Window width must be " + (function == Function.LINEAR ? ">= 1" : "> 0") + ": " + width);
    }
  }

  /** The display value 0..255 of modality value {@code x}. */
  public int apply(double x) {
    double y;
    switch (function) {
      case LINEAR_EXACT -> {
        if (x <= center - width / 2) {
          y = 0;
        } else if (x > center + width / 2) {
          y = 1;
        } else {
          y = (x - center) / width + 0.5;
        }
      }
      case SIGMOID -> y = 1 / (1 + Math.exp(-4 * (x - center) / width));
      default -> {
        // PS3.3 C.11.2.1.2.1: the center is at c - 0.5 and the ramp spans w - 1.
        if (x <= center - 0.5 - (width - 1) / 2) {
          y = 0;
        } else if (x > center - 0.5 + (width - 1) / 2) {
          y = 1;
        } else {
          y = width == 1 ? 1 : (x - (center - 0.5)) / (width - 1) + 0.5;
        }
      }
    }
    return (int) Math.round(Math.max(0, Math.min(1, y)) * 255);
  }
}

package org.vetpacs.dicomweb.render;

import org.vetpacs.dicomweb.retrieve.RetrieveException;

/**
 * The rendering query parameters (PS3.18 8.3.5.1) of one request, parsed and checked; a malformed
 * value is a 400 (8.3.5.1: "the origin server shall return 400").
 *
 * @param window the VOI window asked for, or null for the instance's own (or its full range)
 * @param maxWidth viewport width (8.3.5.1.3 {@code vw}), or null
 * @param maxHeight viewport height ({@code vh}), or null; with {@code maxWidth} a box the image is
 *     fitted into with its aspect ratio kept
 * @param region source region {@code sx, sy, sw, sh} in pixels, or null for the whole image
 * @param quality 1..100 for lossy encodings (8.3.5.1.2), or null for the default
 * @param thumbnail whether this is a thumbnail (a small default size)
 */
public record RenderParameters(
    VoiWindow window,
    Integer maxWidth,
    Integer maxHeight,
    int[] region,
    Integer quality,
    boolean thumbnail) {

  /** Longest side of a thumbnail when no viewport is given. */
  public static final int THUMBNAIL_SIZE = 128;

  /** Default JPEG quality of rendered images and thumbnails. */
  public static final int DEFAULT_QUALITY = 90;

  /**
   * Parses the WADO-RS parameters {@code window}, {@code viewport} and {@code quality} (any may be
   * null).
   */
  public static RenderParameters parse(
      String window, String viewport, String quality, boolean thumbnail) {
    VoiWindow voi = window == null || window.isBlank() ? null : parseWindow(window);
    Integer vw = null;
    Integer vh = null;
    int[] region = null;
    if (viewport != null && !viewport.isBlank()) {
      String[] v = viewport.split(",", -1);
      if (v.length != 2 && v.length != 6) {
        throw bad("viewport is vw,vh or vw,vh,sx,sy,sw,sh (PS3.18 8.3.5.1.3): " + viewport);
      }
      vw = optionalPositive(v[0], "vw");
      vh = optionalPositive(v[1], "vh");
      if (vw == null && vh == null) {
        throw bad("viewport needs vw or vh");
      }
      if (v.length == 6) {
        if (thumbnail) {
          throw bad("A thumbnail viewport is vw,vh only (PS3.18 8.3.5.1.3)");
        }
        region = new int[] {
          nonNegative(v[2], "sx"), nonNegative(v[3], "sy"), positive(v[4], "sw"), positive(v[5], "sh")
        };
      }
    }
    Integer q = null;
    if (quality != null && !quality.isBlank()) {
      q = positive(quality, "quality");
      if (q > 100) {
        throw bad("quality is 1..100 (PS3.18 8.3.5.1.2): " + quality);
      }
    }
    return new RenderParameters(voi, vw, vh, region, q, thumbnail);
  }

  /**
   * Parses the WADO-URI parameters (PS3.18 9.1.2): {@code rows}, {@code columns}, {@code
   * windowCenter} and {@code windowWidth} (both or neither), {@code imageQuality}, {@code region}
   * (fractions {@code xmin,ymin,xmax,ymax} of the image, resolved later against its size).
   */
  public static RenderParameters parseUri(
      String rows, String columns, String windowCenter, String windowWidth, String imageQuality) {
    boolean hasCenter = windowCenter != null && !windowCenter.isBlank();
    boolean hasWidth = windowWidth != null && !windowWidth.isBlank();
    if (hasCenter != hasWidth) {
      throw bad("windowCenter and windowWidth go together (PS3.18 9.1.2)");
    }
    String window = hasCenter ? windowCenter.trim() + "," + windowWidth.trim() : null;
    Integer vw = columns == null || columns.isBlank() ? null : positive(columns, "columns");
    Integer vh = rows == null || rows.isBlank() ? null : positive(rows, "rows");
    RenderParameters p = parse(window, null, imageQuality, false);
    return new RenderParameters(p.window(), vw, vh, null, p.quality(), false);
  }

  /** The output size for a source region of {@code width} x {@code height}: fitted, aspect kept. */
  public int[] outputSize(int width, int height) {
    Integer boxW = maxWidth;
    Integer boxH = maxHeight;
    if (thumbnail && boxW == null && boxH == null) {
      boxW = THUMBNAIL_SIZE;
      boxH = THUMBNAIL_SIZE;
      if (width <= boxW && height <= boxH) {
        return new int[] {width, height};
      }
    }
    if (boxW == null && boxH == null) {
      return new int[] {width, height};
    }
    double scale =
        Math.min(
            boxW == null ? Double.MAX_VALUE : (double) boxW / width,
            boxH == null ? Double.MAX_VALUE : (double) boxH / height);
    return new int[] {
      Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale))
    };
  }

  /** JPEG quality as a fraction. */
  public float jpegQuality() {
    return (quality == null ? DEFAULT_QUALITY : quality) / 100f;
  }

  private static VoiWindow parseWindow(String window) {
    String[] w = window.split(",", -1);
    if (w.length != 2 && w.length != 3) {
      throw bad("window is center,width[,function] (PS3.18 8.3.5.1.4): " + window);
    }
    try {
      double center = Double.parseDouble(w[0].trim());
      double width = Double.parseDouble(w[1].trim());
      VoiWindow.Function function =
          w.length == 3 ? VoiWindow.Function.parse(w[2]) : VoiWindow.Function.LINEAR;
      return new VoiWindow(center, width, function);
    } catch (IllegalArgumentException e) {
      throw bad("Invalid window '" + window + "': " + e.getMessage());
    }
  }

  private static Integer optionalPositive(String value, String name) {
    return value.isBlank() ? null : positive(value, name);
  }

  private static int positive(String value, String name) {
    int n = integer(value, name);
    if (n <= 0) {
      throw bad(name + " must be > 0: " + value);
    }
    return n;
  }

  private static int nonNegative(String value, String name) {
    int n = integer(value, name);
    if (n < 0) {
      throw bad(name + " must be >= 0: " + value);
    }
    return n;
  }

  private static int integer(String value, String name) {
    String v = value.trim();
    if (!v.matches("[+-]?[0-9]{1,6}")) {
      throw bad(name + " is not an integer of at most 6 digits: '" + value + "'");
    }
    return Integer.parseInt(v);
  }

  private static RetrieveException bad(String message) {
    return new RetrieveException(RetrieveException.Reason.BAD_REQUEST, message);
  }
}

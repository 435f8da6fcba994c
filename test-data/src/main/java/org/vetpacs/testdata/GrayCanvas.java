package org.vetpacs.testdata;

/**
 * A grey-level raster with cheap drawing primitives: each shape touches only its bounding box, so
 * a 2500x3000 radiograph or a 300-slice CT is drawn in well under a second per image.
 */
final class GrayCanvas {

  final int width;
  final int height;
  final int[] pixels;

  GrayCanvas(int width, int height, int background) {
    this.width = width;
    this.height = height;
    this.pixels = new int[width * height];
    java.util.Arrays.fill(pixels, background);
  }

  /** Adds {@code delta} inside the ellipse centred at (cx, cy) with radii rx, ry, in pixels. */
  void addEllipse(double cx, double cy, double rx, double ry, int delta) {
    ellipse(cx, cy, rx, ry, delta, false);
  }

  /** Sets the value inside the ellipse. */
  void setEllipse(double cx, double cy, double rx, double ry, int value) {
    ellipse(cx, cy, rx, ry, value, true);
  }

  private void ellipse(double cx, double cy, double rx, double ry, int v, boolean set) {
    if (rx <= 0 || ry <= 0) {
      return;
    }
    int y0 = clampY((int) Math.floor(cy - ry));
    int y1 = clampY((int) Math.ceil(cy + ry));
    for (int y = y0; y <= y1; y++) {
      double dy = (y - cy) / ry;
      double span = 1 - dy * dy;
      if (span <= 0) {
        continue;
      }
      double half = rx * Math.sqrt(span);
      int x0 = clampX((int) Math.ceil(cx - half));
      int x1 = clampX((int) Math.floor(cx + half));
      int row = y * width;
      for (int x = x0; x <= x1; x++) {
        pixels[row + x] = set ? v : pixels[row + x] + v;
      }
    }
  }

  /**
   * Adds {@code delta} on an elliptical arc band between the two ellipses (rx, ry) and
   * (rx - thickness, ry - thickness), limited to angles [a0, a1] in radians (0 = +x, y down).
   */
  void addArc(double cx, double cy, double rx, double ry, double thickness, double a0, double a1,
      int delta) {
    int y0 = clampY((int) Math.floor(cy - ry));
    int y1 = clampY((int) Math.ceil(cy + ry));
    int x0 = clampX((int) Math.floor(cx - rx));
    int x1 = clampX((int) Math.ceil(cx + rx));
    double irx = rx - thickness;
    double iry = ry - thickness;
    for (int y = y0; y <= y1; y++) {
      double dy = y - cy;
      for (int x = x0; x <= x1; x++) {
        double dx = x - cx;
        double outer = (dx * dx) / (rx * rx) + (dy * dy) / (ry * ry);
        if (outer > 1) {
          continue;
        }
        double inner = irx > 0 && iry > 0 ? (dx * dx) / (irx * irx) + (dy * dy) / (iry * iry) : 2;
        if (inner < 1) {
          continue;
        }
        double a = Math.atan2(dy, dx);
        if (a >= a0 && a <= a1) {
          pixels[y * width + x] += delta;
        }
      }
    }
  }

  /** Adds {@code delta} inside the axis-aligned rectangle [x0, x1] x [y0, y1]. */
  void addRect(double x0, double y0, double x1, double y1, int delta) {
    int ya = clampY((int) Math.round(y0));
    int yb = clampY((int) Math.round(y1));
    int xa = clampX((int) Math.round(x0));
    int xb = clampX((int) Math.round(x1));
    for (int y = ya; y <= yb; y++) {
      int row = y * width;
      for (int x = xa; x <= xb; x++) {
        pixels[row + x] += delta;
      }
    }
  }

  /** Adds a vertical ramp from {@code top} at row 0 to {@code bottom} at the last row. */
  void addVerticalRamp(int top, int bottom) {
    for (int y = 0; y < height; y++) {
      int d = top + (int) ((long) (bottom - top) * y / Math.max(1, height - 1));
      int row = y * width;
      for (int x = 0; x < width; x++) {
        pixels[row + x] += d;
      }
    }
  }

  /**
   * Converts to 16-bit samples clamped to [min, max], adding uniform noise of +-amplitude from a
   * xorshift generator seeded by {@code noiseSeed} (cheap, and deterministic per image).
   */
  short[] toShorts(int min, int max, int amplitude, long noiseSeed) {
    short[] out = new short[pixels.length];
    long s = noiseSeed == 0 ? 0x9E3779B97F4A7C15L : noiseSeed;
    int span = 2 * amplitude + 1;
    for (int i = 0; i < pixels.length; i++) {
      int v = pixels[i];
      if (amplitude > 0) {
        s ^= s << 13;
        s ^= s >>> 7;
        s ^= s << 17;
        v += (int) ((s >>> 33) % span) - amplitude;
      }
      out[i] = (short) Math.max(min, Math.min(max, v));
    }
    return out;
  }

  private int clampX(int x) {
    return Math.max(0, Math.min(width - 1, x));
  }

  private int clampY(int y) {
    return Math.max(0, Math.min(height - 1, y));
  }
}

package org.vetpacs.dicomweb.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import org.vetpacs.dicomweb.retrieve.RetrieveException;

/**
 * Renders one native frame to an 8-bit image (PS3.4 N.2): for MONOCHROME1/2, stored value ->
 * Rescale Slope/Intercept -> VOI window (asked for, else stored, else the frame's full range) ->
 * inverted for MONOCHROME1, through a lookup table over all stored values; RGB and YBR_FULL as
 * colour. Then the region is cut and the result scaled to the viewport.
 *
 * <p>Grayscale frames are read a band of rows at a time, so memory holds the 8-bit result and one
 * band (about 1 MB), not the 16-bit frame.
 */
public final class FrameRenderer {

  private static final int BAND_BYTES = 1 << 20;

  private FrameRenderer() {}

  /** The frame, windowed, region cut and scaled. */
  public static BufferedImage render(PixelModule module, FrameSource source, RenderParameters params)
      throws IOException {
    if (module.rows() <= 0 || module.columns() <= 0) {
      throw notRenderable("it has no Rows/Columns");
    }
    BufferedImage full;
    if (module.monochrome() && module.samplesPerPixel() == 1) {
      full = grayscale(module, source, params.window());
    } else if (module.samplesPerPixel() == 3
        && module.bitsAllocated() == 8
        && (module.photometric().equals("RGB") || module.photometric().equals("YBR_FULL"))) {
      full = colour(module, source);
    } else {
      throw notRenderable(
          "Photometric Interpretation "
              + module.photometric()
              + " with "
              + module.bitsAllocated()
              + " bits allocated is not rendered by this archive");
    }
    return scale(cut(full, params.region()), params);
  }

  private static BufferedImage grayscale(PixelModule m, FrameSource source, VoiWindow asked)
      throws IOException {
    int bytesPerSample = m.bitsAllocated() / 8;
    if (bytesPerSample != 1 && bytesPerSample != 2) {
      throw notRenderable(m.bitsAllocated() + " bits allocated is not rendered by this archive");
    }
    int bitsStored = Math.min(m.bitsStored() <= 0 ? m.bitsAllocated() : m.bitsStored(), 16);
    int entries = 1 << bitsStored;
    VoiWindow window = asked != null ? asked : m.storedWindow();
    if (window == null) {
      window = fullRange(m, source, bitsStored);
    }
    byte[] lut = new byte[entries];
    boolean invert = m.photometric().equals("MONOCHROME1");
    for (int raw = 0; raw < entries; raw++) {
      int value = m.signed() ? signExtend(raw, bitsStored) : raw;
      int display = window.apply(value * m.rescaleSlope() + m.rescaleIntercept());
      lut[raw] = (byte) (invert ? 255 - display : display);
    }
    BufferedImage image = new BufferedImage(m.columns(), m.rows(), BufferedImage.TYPE_BYTE_GRAY);
    byte[] out = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    int mask = entries - 1;
    forEachBand(m, source, (band, firstPixel, pixels) -> {
      for (int i = 0; i < pixels; i++) {
        out[firstPixel + i] = lut[sample(band, i, bytesPerSample) & mask];
      }
    });
    return image;
  }

  /** A window over the frame's modality value range, when none is asked for or stored. */
  private static VoiWindow fullRange(PixelModule m, FrameSource source, int bitsStored)
      throws IOException {
    int bytesPerSample = m.bitsAllocated() / 8;
    int mask = (1 << bitsStored) - 1;
    int[] minMax = {Integer.MAX_VALUE, Integer.MIN_VALUE};
    forEachBand(m, source, (band, firstPixel, pixels) -> {
      for (int i = 0; i < pixels; i++) {
        int raw = sample(band, i, bytesPerSample) & mask;
        int value = m.signed() ? signExtend(raw, bitsStored) : raw;
        minMax[0] = Math.min(minMax[0], value);
        minMax[1] = Math.max(minMax[1], value);
      }
    });
    double a = minMax[0] * m.rescaleSlope() + m.rescaleIntercept();
    double b = minMax[1] * m.rescaleSlope() + m.rescaleIntercept();
    double low = Math.min(a, b);
    double high = Math.max(a, b);
    return new VoiWindow((low + high) / 2 + 0.5, Math.max(1, high - low + 1), VoiWindow.Function.LINEAR);
  }

  private interface BandConsumer {
    void accept(byte[] band, int firstPixel, int pixels);
  }

  private static void forEachBand(PixelModule m, FrameSource source, BandConsumer consumer)
      throws IOException {
    int bytesPerSample = m.bitsAllocated() / 8;
    int rowBytes = m.columns() * bytesPerSample;
    int bandRows = Math.max(1, BAND_BYTES / rowBytes);
    byte[] band = new byte[bandRows * rowBytes];
    for (int row = 0; row < m.rows(); row += bandRows) {
      int rows = Math.min(bandRows, m.rows() - row);
      source.read((long) row * rowBytes, band, rows * rowBytes);
      consumer.accept(band, row * m.columns(), rows * m.columns());
    }
  }

  private static int sample(byte[] band, int index, int bytesPerSample) {
    return bytesPerSample == 1
        ? band[index] & 0xFF
        : (band[2 * index] & 0xFF) | (band[2 * index + 1] & 0xFF) << 8;
  }

  static int signExtend(int raw, int bits) {
    int shift = 32 - bits;
    return (raw << shift) >> shift;
  }

  /** RGB or YBR_FULL, 8 bits, either Planar Configuration (PS3.3 C.7.6.3.1.3). */
  private static BufferedImage colour(PixelModule m, FrameSource source) throws IOException {
    int pixels = m.rows() * m.columns();
    byte[] frame = new byte[pixels * 3];
    source.read(0, frame, frame.length);
    BufferedImage image = new BufferedImage(m.columns(), m.rows(), BufferedImage.TYPE_3BYTE_BGR);
    byte[] out = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    boolean planar = m.planarConfiguration() == 1;
    boolean ybr = m.photometric().equals("YBR_FULL");
    for (int i = 0; i < pixels; i++) {
      int a = frame[planar ? i : 3 * i] & 0xFF;
      int b = frame[planar ? pixels + i : 3 * i + 1] & 0xFF;
      int c = frame[planar ? 2 * pixels + i : 3 * i + 2] & 0xFF;
      if (ybr) { // PS3.3 C.7.6.3.1.2
        int r = clamp(a + 1.402 * (c - 128));
        int g = clamp(a - 0.344136 * (b - 128) - 0.714136 * (c - 128));
        int bl = clamp(a + 1.772 * (b - 128));
        a = r;
        b = g;
        c = bl;
      }
      out[3 * i] = (byte) c;
      out[3 * i + 1] = (byte) b;
      out[3 * i + 2] = (byte) a;
    }
    return image;
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }

  private static BufferedImage cut(BufferedImage image, int[] region) {
    if (region == null) {
      return image;
    }
    int x = region[0];
    int y = region[1];
    if (x >= image.getWidth() || y >= image.getHeight()) {
      throw new RetrieveException(
          RetrieveException.Reason.BAD_REQUEST, "The viewport region lies outside the image");
    }
    int w = Math.min(region[2], image.getWidth() - x);
    int h = Math.min(region[3], image.getHeight() - y);
    return image.getSubimage(x, y, w, h);
  }

  /** Scales to the viewport: halving steps while far above the target, then one bilinear step. */
  static BufferedImage scale(BufferedImage image, RenderParameters params) {
    int[] size = params.outputSize(image.getWidth(), image.getHeight());
    BufferedImage current = image;
    while (current.getWidth() / 2 >= size[0] && current.getHeight() / 2 >= size[1]) {
      current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
    }
    if (current.getWidth() != size[0] || current.getHeight() != size[1]) {
      current = draw(current, size[0], size[1]);
    }
    return current;
  }

  private static BufferedImage draw(BufferedImage source, int width, int height) {
    BufferedImage target = new BufferedImage(width, height, source.getType());
    Graphics2D g = target.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(source, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return target;
  }

  private static RetrieveException notRenderable(String why) {
    return new RetrieveException(
        RetrieveException.Reason.NOT_ACCEPTABLE, "The instance cannot be rendered: " + why);
  }
}

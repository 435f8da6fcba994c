package org.vetpacs.dicomweb.retrieve;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each frame of native (uncompressed) Pixel Data lies: PS3.5 8.1.1 and 8.2 store frames one
 * after another, each {@code Rows * Columns * SamplesPerPixel * BitsAllocated / 8} bytes, with no
 * padding between them (only the whole value is padded to an even length).
 *
 * @param rows Rows (0028,0010)
 * @param columns Columns (0028,0011)
 * @param samplesPerPixel Samples per Pixel (0028,0002)
 * @param bitsAllocated Bits Allocated (0028,0100)
 * @param numberOfFrames Number of Frames (0028,0008), 1 when absent
 */
public record FrameGeometry(
    int rows, int columns, int samplesPerPixel, int bitsAllocated, int numberOfFrames) {

  public FrameGeometry {
    if (rows <= 0 || columns <= 0 || samplesPerPixel <= 0 || numberOfFrames <= 0) {
      throw new IllegalArgumentException("Rows, Columns, Samples per Pixel and frames must be > 0");
    }
    if (bitsAllocated != 1 && (bitsAllocated <= 0 || bitsAllocated % 8 != 0)) {
      throw new IllegalArgumentException("Bits Allocated must be 1 or a multiple of 8");
    }
  }

  /** Bits of one frame. */
  public long frameBits() {
    return (long) rows * columns * samplesPerPixel * bitsAllocated;
  }

  /**
   * Bytes of one frame.
   *
   * @throws IllegalStateException for 1-bit frames that do not end on a byte boundary (their frames
   *     cannot be cut out as whole bytes)
   */
  public long frameLength() {
    long bits = frameBits();
    if (bits % 8 != 0) {
      throw new IllegalStateException("Frames of " + bits + " bits do not end on a byte boundary");
    }
    return bits / 8;
  }

  /** Byte offset of 1-based frame {@code number} from the start of the Pixel Data value. */
  public long offsetOf(int number) {
    if (number < 1 || number > numberOfFrames) {
      throw new IndexOutOfBoundsException(
          "Frame " + number + " is outside 1.." + numberOfFrames);
    }
    return (number - 1) * frameLength();
  }

  /** Bytes the native Pixel Data value needs for all frames (before even-length padding). */
  public long totalLength() {
    return frameLength() * numberOfFrames;
  }

  /**
   * Parses a frame list (PS3.18 10.4.1, Table 10.4.1-1, the {@code {frameList}} of the Frames resource: one or
   * more comma-separated 1-based frame numbers, in the order they are to be returned).
   *
   * @throws RetrieveException BAD_REQUEST for a malformed list or a number outside 1..frames
   */
  public static List<Integer> parseFrameList(String list, int numberOfFrames) {
    if (list == null || list.isBlank()) {
      throw RetrieveException.badRequest("A frame list (1-based numbers, comma-separated) is required");
    }
    List<Integer> frames = new ArrayList<>();
    for (String item : list.split(",", -1)) {
      String s = item.trim();
      if (!s.matches("[0-9]{1,9}")) {
        throw RetrieveException.badRequest("Not a frame number: '" + s + "'");
      }
      int n = Integer.parseInt(s);
      if (n < 1 || n > numberOfFrames) {
        // PS3.18 leaves 400 or 404 for a frame the instance does not have; the instance exists,
        // so the request itself is wrong for it: 400, as for any other invalid parameter.
        throw RetrieveException.badRequest(
            "Frame " + n + " does not exist: the instance has " + numberOfFrames + " frame(s)");
      }
      frames.add(n);
    }
    return frames;
  }
}

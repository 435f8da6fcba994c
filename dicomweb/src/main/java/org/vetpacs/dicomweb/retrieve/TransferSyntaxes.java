package org.vetpacs.dicomweb.retrieve;

import java.util.Map;
import java.util.Set;

/**
 * What the archive knows about transfer syntaxes (PS3.5 Annex A) for retrieve: which it can turn
 * into Explicit VR Little Endian, and the media type of each encapsulated syntax's frames (PS3.18
 * 8.7.3.3.2 and 8.7.4, Table 8.7.4-1).
 */
public final class TransferSyntaxes {

  public static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
  public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
  public static final String DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.99";
  public static final String EXPLICIT_VR_BIG_ENDIAN = "1.2.840.10008.1.2.2";
  public static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";
  public static final String JPEG_LOSSLESS = "1.2.840.10008.1.2.4.57";
  public static final String JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70";
  public static final String RLE = "1.2.840.10008.1.2.5";

  /** Native encodings: transcoded to Explicit VR Little Endian by re-encoding the header. */
  private static final Set<String> NATIVE =
      Set.of(IMPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_BIG_ENDIAN);

  /**
   * Encapsulated syntaxes PixelMed decompresses: JPEG baseline through the JDK's JPEG reader, JPEG
   * lossless through pixelmed-imageio's reader, RLE with PixelMed's own decoder. JPEG-LS, JPEG 2000
   * and the 12-bit JPEG process 2/4 have no codec here.
   */
  private static final Set<String> DECOMPRESSIBLE =
      Set.of(JPEG_BASELINE, JPEG_LOSSLESS, JPEG_LOSSLESS_SV1, RLE);

  /** Media types of compressed frames by transfer syntax (PS3.18 8.7.3.3.2, Table 8.7.4-1). */
  private static final Map<String, String> FRAME_MEDIA_TYPES =
      Map.ofEntries(
          Map.entry(JPEG_BASELINE, "image/jpeg"),
          Map.entry("1.2.840.10008.1.2.4.51", "image/jpeg"),
          Map.entry(JPEG_LOSSLESS, "image/jpeg"),
          Map.entry(JPEG_LOSSLESS_SV1, "image/jpeg"),
          Map.entry("1.2.840.10008.1.2.4.80", "image/jls"),
          Map.entry("1.2.840.10008.1.2.4.81", "image/jls"),
          Map.entry("1.2.840.10008.1.2.4.90", "image/jp2"),
          Map.entry("1.2.840.10008.1.2.4.91", "image/jp2"),
          Map.entry("1.2.840.10008.1.2.4.92", "image/jpx"),
          Map.entry("1.2.840.10008.1.2.4.93", "image/jpx"),
          Map.entry("1.2.840.10008.1.2.4.201", "image/jphc"),
          Map.entry("1.2.840.10008.1.2.4.202", "image/jphc"),
          Map.entry("1.2.840.10008.1.2.4.203", "image/jphc"),
          Map.entry(RLE, "image/dicom-rle"));

  private TransferSyntaxes() {}

  public static boolean isNative(String uid) {
    return NATIVE.contains(uid);
  }

  /** Whether pixel data in this syntax can be decoded to native pixels here. */
  public static boolean isDecompressible(String uid) {
    return DECOMPRESSIBLE.contains(uid);
  }

  /** Whether an instance stored in {@code from} can be delivered in {@code to}. */
  public static boolean canDeliver(String from, String to) {
    if (to == null || to.equals(from)) {
      return true;
    }
    return EXPLICIT_VR_LITTLE_ENDIAN.equals(to)
        && (isNative(from) || isDecompressible(from) || DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.equals(from));
  }

  /** The media type of one frame of encapsulated pixel data, or null if it has none here. */
  public static String frameMediaType(String uid) {
    return FRAME_MEDIA_TYPES.get(uid);
  }
}

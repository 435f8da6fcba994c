package org.vetpacs.dicomweb.retrieve;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.TagFromName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.vetpacs.dicomweb.index.InstanceRecord;
import org.vetpacs.dicomweb.storage.BlobStore;

/**
 * Frames and Pixel Data bulk data (PS3.18 10.4.1, Table 10.4.1-1, "Frames" and "Bulkdata"), read
 * by seeking in the stored file:
 *
 * <ul>
 *   <li>native Pixel Data: each frame's bytes at {@link FrameGeometry#offsetOf}, as {@code
 *       application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1} (Little Endian; Big Endian
 *       words are swapped on the way);
 *   <li>encapsulated Pixel Data: each frame's compressed bitstream (its fragments, PS3.5 A.4) with
 *       the media type of the stored transfer syntax (PS3.18 8.7.3.3.2, e.g. image/jpeg) when the
 *       client accepts it, else, when it asks for octet-stream, the frame decompressed by PixelMed.
 * </ul>
 */
@ApplicationScoped
public class FrameService {

  @Inject BlobStore blobs;

  protected FrameService() {}

  public FrameService(BlobStore blobs) {
    this.blobs = blobs;
  }

  /**
   * Locates the Pixel Data of an instance.
   *
   * @throws RetrieveException NOT_FOUND if it has none
   */
  public StoredPixelData locate(InstanceRecord instance) throws IOException {
    StoredPixelData pixels = PixelDataLocator.locate(blobs, instance.getBlobKey());
    if (!pixels.present()) {
      throw RetrieveException.notFound(
          "Instance " + instance.getSopInstanceUid() + " has no Pixel Data");
    }
    return pixels;
  }

  /**
   * One part per requested frame.
   *
   * @param frames 1-based frame numbers, already checked against the instance
   * @param accepts whether the client accepts a part of (media type, transfer syntax)
   * @throws RetrieveException NOT_ACCEPTABLE if no acceptable representation can be made
   */
  public List<BinaryPart> frames(
      InstanceRecord instance,
      StoredPixelData pixels,
      List<Integer> frames,
      BiPredicate<String, String> accepts)
      throws IOException {
    String octet = "application/octet-stream";
    String native_ = TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN;
    List<BinaryPart> parts = new ArrayList<>();
    if (!pixels.encapsulated()) {
      requireAccepted(accepts, octet, native_);
      FrameGeometry geometry = pixels.geometry();
      long frameLength = geometry.frameLength();
      boolean swap = pixels.bigEndian() && "OW".equals(pixels.vr());
      for (int frame : frames) {
        long offset = pixels.valueOffset() + geometry.offsetOf(frame);
        if (offset - pixels.valueOffset() + frameLength > pixels.valueLength()) {
          throw new IOException("Pixel Data is shorter than its frames need");
        }
        parts.add(
            new BinaryPart(octet, native_, frameLength, out -> {
              try (SeekableByteChannel channel = blobs.openChannel(instance.getBlobKey())) {
                Transcoder.copy(channel, offset, frameLength, swap, out);
              }
            }));
      }
      return parts;
    }
    String syntax = pixels.transferSyntaxUid();
    String compressedType = TransferSyntaxes.frameMediaType(syntax);
    if (compressedType != null && accepts.test(compressedType, syntax)) {
      for (int frame : frames) {
        List<StoredPixelData.Fragment> fragments = pixels.fragmentsOfFrame(frame);
        long length = fragments.stream().mapToLong(StoredPixelData.Fragment::length).sum();
        parts.add(
            new BinaryPart(compressedType, syntax, length, out -> {
              try (SeekableByteChannel channel = blobs.openChannel(instance.getBlobKey())) {
                for (StoredPixelData.Fragment fragment : fragments) {
                  Transcoder.copy(channel, fragment.valueOffset(), fragment.length(), false, out);
                }
              }
            }));
      }
      return parts;
    }
    if (!accepts.test(octet, native_) || !TransferSyntaxes.isDecompressible(syntax)) {
      throw RetrieveException.notAcceptable(
          "Frames of this instance are stored as "
              + syntax
              + "; they can be sent as "
              + (compressedType == null ? "stored" : compressedType)
              + (TransferSyntaxes.isDecompressible(syntax) ? " or application/octet-stream" : ""));
    }
    return decompressedFrames(instance, frames);
  }

  /** Frames of encapsulated data decoded by PixelMed (the whole instance is held in memory). */
  private List<BinaryPart> decompressedFrames(InstanceRecord instance, List<Integer> frames)
      throws IOException {
    DecodedInstance decoded =
        DecodedInstance.read(blobs, instance.getBlobKey(), instance.getTransferSyntaxUid());
    byte[] bytes = decoded.pixelBytes();
    FrameGeometry geometry =
        new FrameGeometry(
            Attribute.getSingleIntegerValueOrDefault(decoded.list(), TagFromName.Rows, 0),
            Attribute.getSingleIntegerValueOrDefault(decoded.list(), TagFromName.Columns, 0),
            Attribute.getSingleIntegerValueOrDefault(decoded.list(), TagFromName.SamplesPerPixel, 1),
            Attribute.getSingleIntegerValueOrDefault(decoded.list(), TagFromName.BitsAllocated, 8),
            Math.max(
                1,
                Attribute.getSingleIntegerValueOrDefault(
                    decoded.list(), TagFromName.NumberOfFrames, 1)));
    List<BinaryPart> parts = new ArrayList<>();
    for (int frame : frames) {
      int offset = (int) geometry.offsetOf(frame);
      int length = (int) geometry.frameLength();
      parts.add(
          new BinaryPart(
              "application/octet-stream",
              TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN,
              length,
              out -> out.write(bytes, offset, length)));
    }
    return parts;
  }

  private static void requireAccepted(BiPredicate<String, String> accepts, String type, String ts) {
    if (!accepts.test(type, ts)) {
      throw RetrieveException.notAcceptable(
          "Native pixel data is sent as " + type + "; transfer-syntax=" + ts);
    }
  }
}

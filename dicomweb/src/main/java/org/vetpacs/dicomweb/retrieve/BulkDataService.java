package org.vetpacs.dicomweb.retrieve;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.function.BiPredicate;
import org.vetpacs.dicomweb.index.InstanceRecord;
import org.vetpacs.dicomweb.storage.BlobStore;

/**
 * WADO-RS Retrieve Bulkdata (PS3.18 10.4.1, "Bulkdata" resources) for the BulkDataURIs that
 * {@link BulkDataUris} puts in metadata: Pixel Data through {@link FrameService} (native: one part
 * with the whole value; encapsulated: one part per frame, PS3.18 8.7.3.3.2), any other binary value
 * from the header (which is small: it ends where Pixel Data starts) as one application/octet-stream
 * part in Little Endian.
 */
@ApplicationScoped
public class BulkDataService {

  @Inject FrameService frames;
  @Inject BlobStore blobs;

  protected BulkDataService() {}

  public BulkDataService(FrameService frames, BlobStore blobs) {
    this.frames = frames;
    this.blobs = blobs;
  }

  /**
   * The parts of the bulk data value at {@code tagPath} (see {@link BulkDataUris}).
   *
   * @throws RetrieveException BAD_REQUEST for a malformed path, NOT_FOUND if there is no such
   *     value, NOT_ACCEPTABLE if the client accepts no representation of it
   */
  public List<BinaryPart> parts(
      InstanceRecord instance, String tagPath, BiPredicate<String, String> accepts)
      throws IOException {
    String[] segments = tagPath.split("/", -1);
    if (segments.length % 2 != 1) {
      throw RetrieveException.badRequest(
          "A bulk data path is a tag, or sequence tag / item number / tag ...: " + tagPath);
    }
    StoredPixelData pixels = frames.locate(instance);
    if (segments.length == 1 && BulkDataUris.PIXEL_DATA.equalsIgnoreCase(segments[0])) {
      return pixelData(instance, pixels, accepts);
    }
    Attribute attribute = find(pixels.header(), segments, tagPath);
    if (!accepts.test("application/octet-stream", TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN)) {
      throw RetrieveException.notAcceptable("Bulk data is sent as application/octet-stream");
    }
    byte[] bytes;
    try {
      bytes =
          attribute instanceof OtherWordAttribute
              ? attribute.getByteValues(false)
              : attribute.getByteValues();
    } catch (DicomException e) {
      throw new IOException("Could not read bulk data " + tagPath + ": " + e.getMessage(), e);
    }
    if (bytes == null) {
      bytes = new byte[0];
    }
    byte[] value = bytes;
    return List.of(
        new BinaryPart(
            "application/octet-stream",
            TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN,
            value.length,
            out -> out.write(value)));
  }

  private List<BinaryPart> pixelData(
      InstanceRecord instance, StoredPixelData pixels, BiPredicate<String, String> accepts)
      throws IOException {
    if (pixels.encapsulated()) {
      List<Integer> all =
          java.util.stream.IntStream.rangeClosed(1, pixels.numberOfFrames()).boxed().toList();
      return frames.frames(instance, pixels, all, accepts);
    }
    if (!accepts.test("application/octet-stream", TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN)) {
      throw RetrieveException.notAcceptable("Native Pixel Data is sent as application/octet-stream");
    }
    long length = pixels.valueLength();
    boolean swap = pixels.bigEndian() && "OW".equals(pixels.vr());
    return List.of(
        new BinaryPart(
            "application/octet-stream",
            TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN,
            length,
            out -> {
              try (var channel = blobs.openChannel(instance.getBlobKey())) {
                Transcoder.copy(channel, pixels.valueOffset(), length, swap, out);
              }
            }));
  }

  private static Attribute find(AttributeList list, String[] segments, String path) {
    AttributeList current = list;
    for (int i = 0; ; i += 2) {
      Attribute attribute = current.get(tag(segments[i]));
      if (attribute == null) {
        throw RetrieveException.notFound("No bulk data at " + path);
      }
      if (i == segments.length - 1) {
        return attribute;
      }
      if (!(attribute instanceof SequenceAttribute sequence)) {
        throw RetrieveException.notFound("No sequence at " + segments[i] + " in " + path);
      }
      int item = itemNumber(segments[i + 1]);
      if (item < 1 || item > sequence.getNumberOfItems()) {
        throw RetrieveException.notFound("No item " + item + " in " + segments[i]);
      }
      current = sequence.getItem(item - 1).getAttributeList();
    }
  }

  private static AttributeTag tag(String hex) {
    if (!hex.matches("[0-9A-Fa-f]{8}")) {
      throw RetrieveException.badRequest("Not a tag (8 hex digits): " + hex);
    }
    long value = Long.parseLong(hex, 16);
    return new AttributeTag((int) (value >>> 16), (int) (value & 0xFFFF));
  }

  private static int itemNumber(String value) {
    if (!value.matches("[0-9]{1,6}")) {
      throw RetrieveException.badRequest("Not an item number: " + value);
    }
    return Integer.parseInt(value);
  }
}

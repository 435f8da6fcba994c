package org.vetpacs.dicomweb.render;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import org.vetpacs.dicomweb.index.InstanceRecord;
import org.vetpacs.dicomweb.retrieve.DecodedInstance;
import org.vetpacs.dicomweb.retrieve.FrameGeometry;
import org.vetpacs.dicomweb.retrieve.FrameService;
import org.vetpacs.dicomweb.retrieve.RetrieveException;
import org.vetpacs.dicomweb.retrieve.StoredPixelData;
import org.vetpacs.dicomweb.retrieve.TransferSyntaxes;
import org.vetpacs.dicomweb.storage.BlobStore;

/**
 * Renders a frame of a stored instance as an encoded image: native frames by seeking in the file,
 * encapsulated ones decoded by PixelMed (JPEG baseline/lossless, RLE).
 */
@ApplicationScoped
public class RenderService {

  @Inject BlobStore blobs;
  @Inject FrameService frames;

  protected RenderService() {}

  public RenderService(BlobStore blobs, FrameService frames) {
    this.blobs = blobs;
    this.frames = frames;
  }

  /**
   * Renders 1-based {@code frame} of {@code instance}.
   *
   * @param frame the frame, or 0 for the first (a multi-frame instance rendered as one image)
   * @throws RetrieveException BAD_REQUEST for a frame the instance lacks, NOT_FOUND without pixel
   *     data, NOT_ACCEPTABLE if it cannot be rendered
   */
  public byte[] render(
      InstanceRecord instance, int frame, RenderParameters params, String mediaType)
      throws IOException {
    StoredPixelData pixels = frames.locate(instance);
    int number =
        frame == 0
            ? 1
            : FrameGeometry.parseFrameList(Integer.toString(frame), pixels.numberOfFrames()).get(0);
    BufferedImage image;
    if (!pixels.encapsulated()) {
      PixelModule module = PixelModule.of(pixels.header());
      FrameGeometry geometry = pixels.geometry();
      long offset = pixels.valueOffset() + geometry.offsetOf(number);
      boolean swap = pixels.bigEndian() && "OW".equals(pixels.vr());
      try (SeekableByteChannel channel = blobs.openChannel(instance.getBlobKey())) {
        image = FrameRenderer.render(module, FrameSource.of(channel, offset, swap), params);
      }
    } else if (TransferSyntaxes.isDecompressible(pixels.transferSyntaxUid())) {
      DecodedInstance decoded =
          DecodedInstance.read(blobs, instance.getBlobKey(), instance.getTransferSyntaxUid());
      PixelModule module = PixelModule.of(decoded.list());
      long frameOffset = (number - 1) * module.frameLength();
      image = FrameRenderer.render(module, FrameSource.of(decoded.pixelBytes(), frameOffset), params);
    } else {
      throw new RetrieveException(
          RetrieveException.Reason.NOT_ACCEPTABLE,
          "Pixel data stored as " + pixels.transferSyntaxUid() + " cannot be rendered here");
    }
    return ImageEncoder.encode(image, mediaType, params.jpegQuality());
  }

  /**
   * The instance that stands for a series or study in a thumbnail: the middle image of the first
   * series with images (PS3.18 leaves the choice to the origin server).
   */
  public static InstanceRecord representative(List<InstanceRecord> instances) {
    List<InstanceRecord> images =
        instances.stream()
            .filter(i -> i.getMetadata() != null && i.getMetadata().contains("\"00280010\""))
            .toList();
    if (images.isEmpty()) {
      throw new RetrieveException(
          RetrieveException.Reason.NOT_ACCEPTABLE, "There is no image to make a thumbnail of");
    }
    String firstSeries = images.get(0).getSeriesInstanceUid();
    List<InstanceRecord> series =
        images.stream().filter(i -> i.getSeriesInstanceUid().equals(firstSeries)).toList();
    return series.get(series.size() / 2);
  }
}

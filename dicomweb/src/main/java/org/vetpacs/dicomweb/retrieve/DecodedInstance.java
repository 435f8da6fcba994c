package org.vetpacs.dicomweb.retrieve;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.vetpacs.dicomweb.storage.BlobStore;

/**
 * A whole instance read by PixelMed with its Pixel Data decompressed: the fallback for what cannot
 * be read by seeking (encapsulated or deflated data that must become native). It holds the whole
 * instance in memory, so the seeking paths are preferred wherever they apply.
 */
public final class DecodedInstance {

  private final AttributeList list;

  private DecodedInstance(AttributeList list) {
    this.list = list;
  }

  /** Reads and, if needed, decompresses a stored instance. */
  public static DecodedInstance read(BlobStore blobs, String blobKey, String transferSyntaxUid)
      throws IOException {
    if (!TransferSyntaxes.isNative(transferSyntaxUid)
        && !TransferSyntaxes.isDecompressible(transferSyntaxUid)
        && !TransferSyntaxes.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.equals(transferSyntaxUid)) {
      throw RetrieveException.notAcceptable(
          "Pixel data stored as " + transferSyntaxUid + " cannot be decompressed by this archive");
    }
    AttributeList list = new AttributeList();
    list.setDecompressPixelData(true);
    try (InputStream in = new BufferedInputStream(blobs.open(blobKey), 64 * 1024);
        DicomInputStream dicom = new DicomInputStream(in)) {
      list.read(dicom);
      if (!TransferSyntaxes.isNative(transferSyntaxUid)
          && !TransferSyntaxes.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.equals(transferSyntaxUid)) {
        // Photometric Interpretation, Planar Configuration etc. of the now native pixels
        // (e.g. YBR_FULL_422 in JPEG becomes RGB once decoded).
        list.correctDecompressedImagePixelModule();
      }
    } catch (DicomException e) {
      throw new IOException("Could not decode stored instance " + blobKey + ": " + e.getMessage(), e);
    }
    return new DecodedInstance(list);
  }

  /** The data set, Pixel Data native. */
  public AttributeList list() {
    return list;
  }

  /** The native Pixel Data value in Little Endian byte order. */
  public byte[] pixelBytes() throws IOException {
    Attribute pixelData = list.get(TagFromName.PixelData);
    if (pixelData == null) {
      throw RetrieveException.notFound("The instance has no Pixel Data");
    }
    try {
      return pixelData instanceof OtherWordAttribute
          ? pixelData.getByteValues(false)
          : pixelData.getByteValues();
    } catch (DicomException e) {
      throw new IOException("Could not read decoded Pixel Data: " + e.getMessage(), e);
    }
  }
}

package org.vetpacs.dicomweb.retrieve;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TransferSyntax;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import org.vetpacs.dicomweb.storage.BlobStore;

/**
 * Re-encodes a stored instance in Explicit VR Little Endian (PS3.5 A.2) for WADO-RS transfer
 * syntax negotiation (PS3.18 8.7.3.5).
 *
 * <p>Native sources (Implicit VR Little Endian, Explicit VR Big Endian) are streamed: PixelMed
 * re-encodes the header, and the Pixel Data value is copied from the file by seeking, OW words
 * byte-swapped when the source is Big Endian, so the image is never in memory. Encapsulated
 * (decompressible) and deflated sources, and files with data after Pixel Data, go through {@link
 * DecodedInstance}, which holds the whole instance in memory.
 */
public final class Transcoder {

  private static final String SOURCE_AE = "VETPACS";
  private static final int CHUNK = 256 * 1024;

  private Transcoder() {}

  /** Writes the instance in {@code blobKey}, stored as {@code sourceSyntax}, as Explicit VR LE. */
  public static void toExplicitVrLittleEndian(
      BlobStore blobs, String blobKey, String sourceSyntax, OutputStream out) throws IOException {
    if (!TransferSyntaxes.canDeliver(sourceSyntax, TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN)) {
      throw RetrieveException.notAcceptable(
          "Cannot transcode from " + sourceSyntax + " to Explicit VR Little Endian");
    }
    if (TransferSyntaxes.isNative(sourceSyntax)) {
      StoredPixelData pixels = PixelDataLocator.locate(blobs, blobKey);
      if (!pixels.hasTrailingData() && !pixels.encapsulated()) {
        streamNative(blobs, blobKey, pixels, out);
        return;
      }
    }
    AttributeList list = DecodedInstance.read(blobs, blobKey, sourceSyntax).list();
    writeList(list, out);
  }

  private static void streamNative(
      BlobStore blobs, String blobKey, StoredPixelData pixels, OutputStream out)
      throws IOException {
    writeList(pixels.header(), out);
    if (!pixels.present()) {
      return;
    }
    String vr = pixels.vr() == null ? "OW" : pixels.vr(); // Implicit VR Pixel Data is OW (PS3.5 A.1)
    long length = pixels.valueLength();
    ByteBuffer element = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    element.putShort((short) 0x7FE0).putShort((short) 0x0010);
    element.put((byte) vr.charAt(0)).put((byte) vr.charAt(1)).putShort((short) 0);
    element.putInt((int) length);
    out.write(element.array());
    boolean swap = pixels.bigEndian() && "OW".equals(vr);
    try (SeekableByteChannel channel = blobs.openChannel(blobKey)) {
      copy(channel, pixels.valueOffset(), length, swap, out);
    }
  }

  /** Copies {@code length} bytes from {@code offset}, swapping byte pairs if asked. */
  static void copy(
      SeekableByteChannel channel, long offset, long length, boolean swapPairs, OutputStream out)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
    channel.position(offset);
    long remaining = length;
    while (remaining > 0) {
      buffer.clear().limit((int) Math.min(CHUNK, remaining));
      while (buffer.hasRemaining()) {
        if (channel.read(buffer) < 0) {
          throw new IOException("The stored file ends inside a value");
        }
      }
      byte[] bytes = buffer.array();
      int n = buffer.position();
      if (swapPairs) {
        for (int i = 0; i + 1 < n; i += 2) {
          byte b = bytes[i];
          bytes[i] = bytes[i + 1];
          bytes[i + 1] = b;
        }
      }
      out.write(bytes, 0, n);
      remaining -= n;
    }
  }

  private static void writeList(AttributeList list, OutputStream out) throws IOException {
    try {
      list.removeGroupLengthAttributes();
      list.removeMetaInformationHeaderAttributes();
      FileMetaInformation.addFileMetaInformation(
          list, TransferSyntax.ExplicitVRLittleEndian, SOURCE_AE);
      // PixelMed closes the stream it writes to; the response stream must stay open.
      list.write(new KeepOpen(out), TransferSyntax.ExplicitVRLittleEndian, true, true);
    } catch (DicomException e) {
      throw new IOException("Could not re-encode the instance: " + e.getMessage(), e);
    }
  }

  /** Passes writes through and ignores close(). */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}

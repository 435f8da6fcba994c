package org.vetpacs.dicomweb.retrieve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vetpacs.dicomweb.index.InstanceRecord;
import org.vetpacs.dicomweb.infrastructure.FileBlobStore;
import org.vetpacs.dicomweb.render.RenderParameters;
import org.vetpacs.dicomweb.render.RenderService;
import org.vetpacs.dicomweb.storage.InstanceKey;
import org.vetpacs.testdata.GeneratedInstance;
import org.vetpacs.testdata.GeneratedStudy;
import org.vetpacs.testdata.GeneratorOptions;
import org.vetpacs.testdata.StudyGenerator;
import org.vetpacs.testdata.StudyKind;

/** Transcoding, frames and rendering on generated instances in a file blob store. */
class StoredInstanceReadingTest {

  @TempDir Path dir;

  private FileBlobStore blobs;

  private InstanceRecord store(Path file, String syntax) throws Exception {
    if (blobs == null) {
      blobs = new FileBlobStore(dir.resolve("data"));
    }
    AttributeList list = read(Files.readAllBytes(file));
    InstanceKey key = new InstanceKey(
        value(list, TagFromName.StudyInstanceUID), value(list, TagFromName.SeriesInstanceUID),
        value(list, TagFromName.SOPInstanceUID));
    Path temp = blobs.newTempFile();
    Files.copy(file, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    InstanceRecord record = new InstanceRecord();
    record.setBlobKey(blobs.commit(temp, key));
    record.setSopInstanceUid(key.sopInstanceUid());
    record.setTransferSyntaxUid(syntax);
    return record;
  }

  private GeneratedStudy generate(StudyKind kind) throws Exception {
    return new StudyGenerator(42).generate(kind, dir.resolve("gen"), GeneratorOptions.small());
  }

  private static AttributeList read(byte[] bytes) throws Exception {
    AttributeList list = new AttributeList();
    try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(bytes))) {
      list.read(in);
    }
    return list;
  }

  private static void rewrite(AttributeList list, Path file, String syntax) throws Exception {
    AttributeList copy = (AttributeList) list.clone();
    copy.removeMetaInformationHeaderAttributes();
    com.pixelmed.dicom.FileMetaInformation.addFileMetaInformation(copy, syntax, "TEST");
    copy.write(file.toFile(), syntax, true, true);
  }

  private static String value(AttributeList list, com.pixelmed.dicom.AttributeTag tag) {
    return Attribute.getSingleStringValueOrEmptyString(list, tag);
  }

  @Test
  void implicitLittleEndianIsTranscodedToExplicitWithIdenticalPixelData() throws Exception {
    GeneratedInstance ct = generate(StudyKind.CT).instances().get(0);
    AttributeList original = read(Files.readAllBytes(ct.file()));
    Path implicit = dir.resolve("implicit.dcm");
    rewrite(original, implicit, TransferSyntax.ImplicitVRLittleEndian);
    InstanceRecord record = store(implicit, TransferSyntax.ImplicitVRLittleEndian);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Transcoder.toExplicitVrLittleEndian(blobs, record.getBlobKey(), record.getTransferSyntaxUid(), out);
    AttributeList transcoded = read(out.toByteArray());
    assertEquals(TransferSyntax.ExplicitVRLittleEndian,
        value(transcoded, TagFromName.TransferSyntaxUID));
    assertArrayEquals(original.get(TagFromName.PixelData).getByteValues(false),
        transcoded.get(TagFromName.PixelData).getByteValues(false));
    assertEquals(value(original, TagFromName.PatientName), value(transcoded, TagFromName.PatientName));
  }

  @Test
  void bigEndianPixelWordsAreSwappedWhenTranscoding() throws Exception {
    GeneratedInstance ct = generate(StudyKind.CT).instances().get(1);
    AttributeList original = read(Files.readAllBytes(ct.file()));
    Path big = dir.resolve("big.dcm");
    rewrite(original, big, TransferSyntax.ExplicitVRBigEndian);
    InstanceRecord record = store(big, TransferSyntax.ExplicitVRBigEndian);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Transcoder.toExplicitVrLittleEndian(blobs, record.getBlobKey(), record.getTransferSyntaxUid(), out);
    assertArrayEquals(original.get(TagFromName.PixelData).getShortValues(),
        read(out.toByteArray()).get(TagFromName.PixelData).getShortValues());
  }

  @Test
  void framesOfRgbCineAreTheRawFrameBytes() throws Exception {
    GeneratedInstance us = generate(StudyKind.US_CINE).instances().get(0);
    InstanceRecord record = store(us.file(), TransferSyntax.ExplicitVRLittleEndian);
    byte[] pixels = read(Files.readAllBytes(us.file())).get(TagFromName.PixelData).getByteValues();
    FrameService frames = new FrameService(blobs);
    StoredPixelData located = frames.locate(record);
    assertEquals(3, located.numberOfFrames());
    List<BinaryPart> parts = frames.frames(record, located, List.of(3, 1), (t, s) -> true);
    int frameLength = 64 * 64 * 3;
    List<byte[]> bodies = new ArrayList<>();
    for (BinaryPart part : parts) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      part.writer().writeTo(out);
      bodies.add(out.toByteArray());
      assertEquals("application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1", part.contentType());
    }
    assertArrayEquals(java.util.Arrays.copyOfRange(pixels, 2 * frameLength, 3 * frameLength), bodies.get(0));
    assertArrayEquals(java.util.Arrays.copyOfRange(pixels, 0, frameLength), bodies.get(1));
  }

  @Test
  void radiographRendersAsJpegOfTheViewportSize() throws Exception {
    GeneratedInstance dr = generate(StudyKind.DR_THORAX).instances().get(0);
    InstanceRecord record = store(dr.file(), TransferSyntax.ExplicitVRLittleEndian);
    RenderService render = new RenderService(blobs, new FrameService(blobs));
    byte[] jpeg = render.render(record, 0, RenderParameters.parse(null, "32,32", null, false), "image/jpeg");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
    assertEquals(32, image.getWidth());
    assertEquals(32, image.getHeight());
    byte[] png = render.render(record, 0, RenderParameters.parse("2048,4096", null, null, false), "image/png");
    BufferedImage full = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(64, full.getWidth());
    int[] range = {255, 0};
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        int v = full.getRaster().getSample(x, y, 0);
        range[0] = Math.min(range[0], v);
        range[1] = Math.max(range[1], v);
      }
    }
    assertTrue(range[1] - range[0] > 50, "a windowed phantom has contrast: " + range[0] + ".." + range[1]);
  }
}

package org.vetpacs.dicomweb.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileMetaWriterTest {

  private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
  private static final String SOP = "2.25.12345678901234567890";
  private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

  private static byte[] header(String sourceAe) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FileMetaWriter.write(out, CT, SOP, EXPLICIT_LE, sourceAe);
    return out.toByteArray();
  }

  @Test
  void writesPreambleDicmPrefixAndEvenLengthGroup0002() throws Exception {
    byte[] bytes = header("CT01");
    for (int i = 0; i < 128; i++) {
      assertEquals(0, bytes[i]);
    }
    assertEquals("DICM", new String(bytes, 128, 4, StandardCharsets.US_ASCII));
    assertEquals(0, bytes.length % 2);
    // (0002,0000) UL: the group length counts every byte after it
    int groupLength = (bytes[140] & 0xFF) | (bytes[141] & 0xFF) << 8 | (bytes[142] & 0xFF) << 16;
    assertEquals(bytes.length - 144, groupLength);
  }

  @Test
  void pixelmedReadsEveryMetaElementBack() throws Exception {
    AttributeList list = new AttributeList();
    try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(header("CT01")))) {
      list.read(in);
    }
    assertEquals(CT, Attribute.getSingleStringValueOrEmptyString(list, TagFromName.MediaStorageSOPClassUID));
    assertEquals(SOP, Attribute.getSingleStringValueOrEmptyString(list, TagFromName.MediaStorageSOPInstanceUID));
    assertEquals(EXPLICIT_LE, Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID));
    assertEquals(FileMetaWriter.IMPLEMENTATION_CLASS_UID,
        Attribute.getSingleStringValueOrEmptyString(list, TagFromName.ImplementationClassUID));
    assertEquals(FileMetaWriter.IMPLEMENTATION_VERSION_NAME,
        Attribute.getSingleStringValueOrEmptyString(list, TagFromName.ImplementationVersionName));
    assertEquals("CT01",
        Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SourceApplicationEntityTitle));
  }

  @Test
  void fileMetaReadsWhatTheWriterWroteAndFindsTheDataSet() throws Exception {
    byte[] meta = header("MODALITY1");
    byte[] dataSet = {0x08, 0x00, 0x16, 0x00, 'U', 'I', 2, 0, '1', 0};
    byte[] file = new byte[meta.length + dataSet.length];
    System.arraycopy(meta, 0, file, 0, meta.length);
    System.arraycopy(dataSet, 0, file, meta.length, dataSet.length);
    FileMeta read = FileMeta.read(new BufferedInputStream(new ByteArrayInputStream(file)));
    assertEquals(CT, read.sopClassUid());
    assertEquals(SOP, read.sopInstanceUid());
    assertEquals(EXPLICIT_LE, read.transferSyntaxUid());
    assertEquals(meta.length, read.dataSetOffset());
  }

  @Test
  void oddLengthValuesArePaddedAndUidsWithNul() throws Exception {
    byte[] bytes = header("ODD");
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    assertTrue(text.contains("ODD "), "AE padded with a space");
    assertTrue(text.contains(EXPLICIT_LE + "\0"), "odd-length UID padded with NUL");
  }

  @Test
  void fileMetaRefusesWhatIsNotPart10() {
    byte[] notDicom = new byte[200];
    assertThrows(DicomParseException.class,
        () -> FileMeta.read(new BufferedInputStream(new ByteArrayInputStream(notDicom))));
  }
}

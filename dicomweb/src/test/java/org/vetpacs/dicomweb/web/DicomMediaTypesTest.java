package org.vetpacs.dicomweb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vetpacs.dicomweb.retrieve.TransferSyntaxes;

class DicomMediaTypesTest {

  private static final String EVRLE = TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN;
  private static final String IVRLE = TransferSyntaxes.IMPLICIT_VR_LITTLE_ENDIAN;
  private static final String JPEG = TransferSyntaxes.JPEG_BASELINE;
  private static final String JPEG_LS = "1.2.840.10008.1.2.4.80";

  private static MediaType multipart(String type, String syntax) {
    return syntax == null
        ? new MediaType("multipart", "related", Map.of("type", type))
        : new MediaType("multipart", "related", Map.of("type", type, "transfer-syntax", syntax));
  }

  @Test
  void noAcceptMeansMultipartWithDefaultSyntax() {
    var accept = DicomMediaTypes.instanceAccept(List.of(), true);
    assertTrue(accept.multipart());
    assertEquals(List.of(DicomMediaTypes.DEFAULT_TRANSFER_SYNTAX), accept.transferSyntaxes());
  }

  @Test
  void bareApplicationDicomIsSinglePartOnlyForInstances() {
    List<MediaType> single = List.of(new MediaType("application", "dicom"));
    assertFalse(DicomMediaTypes.instanceAccept(single, true).multipart());
    assertThrows(DicomMediaTypes.NotAcceptableMediaException.class,
        () -> DicomMediaTypes.instanceAccept(single, false));
  }

  @Test
  void otherRootTypesAreNotAcceptable() {
    assertThrows(DicomMediaTypes.NotAcceptableMediaException.class,
        () -> DicomMediaTypes.instanceAccept(List.of(multipart("application/octet-stream", null)), false));
  }

  @Test
  void defaultSyntaxIsExplicitLittleEndianExceptForLossyAndUndecodable() {
    List<String> absent = List.of(DicomMediaTypes.DEFAULT_TRANSFER_SYNTAX);
    assertEquals(EVRLE, DicomMediaTypes.selectTransferSyntax(absent, EVRLE));
    assertEquals(EVRLE, DicomMediaTypes.selectTransferSyntax(absent, IVRLE));
    assertEquals(JPEG, DicomMediaTypes.selectTransferSyntax(absent, JPEG));
    assertEquals(EVRLE, DicomMediaTypes.selectTransferSyntax(absent, TransferSyntaxes.RLE));
    assertEquals(JPEG_LS, DicomMediaTypes.selectTransferSyntax(absent, JPEG_LS));
  }

  @Test
  void starIsAsStoredButNeverImplicitOrBigEndian() {
    List<String> star = List.of("*");
    assertEquals(JPEG_LS, DicomMediaTypes.selectTransferSyntax(star, JPEG_LS));
    assertEquals(EVRLE, DicomMediaTypes.selectTransferSyntax(star, IVRLE));
    assertEquals(EVRLE, DicomMediaTypes.selectTransferSyntax(star, TransferSyntaxes.EXPLICIT_VR_BIG_ENDIAN));
  }

  @Test
  void explicitSyntaxIsSelectedOnlyWhenDeliverableAndAlternativesAreTriedInOrder() {
    assertEquals(EVRLE, DicomMediaTypes.selectTransferSyntax(List.of(EVRLE), IVRLE));
    assertNull(DicomMediaTypes.selectTransferSyntax(List.of(JPEG), EVRLE));
    assertNull(DicomMediaTypes.selectTransferSyntax(List.of(EVRLE), JPEG_LS));
    assertEquals(JPEG_LS, DicomMediaTypes.selectTransferSyntax(List.of(EVRLE, "*"), JPEG_LS));
  }

  @Test
  void partsAreAcceptedByTypeAndTransferSyntax() {
    assertTrue(DicomMediaTypes.acceptsPart(List.of(), "image/jpeg", JPEG));
    assertTrue(DicomMediaTypes.acceptsPart(List.of(MediaType.WILDCARD_TYPE), "image/jpeg", JPEG));
    List<MediaType> octet = List.of(multipart("application/octet-stream", null));
    assertTrue(DicomMediaTypes.acceptsPart(octet, "application/octet-stream", EVRLE));
    assertFalse(DicomMediaTypes.acceptsPart(octet, "image/jpeg", JPEG));
    List<MediaType> jpegOther = List.of(multipart("image/jpeg", "1.2.840.10008.1.2.4.70"));
    assertFalse(DicomMediaTypes.acceptsPart(jpegOther, "image/jpeg", JPEG));
    assertTrue(DicomMediaTypes.acceptsPart(List.of(multipart("image/*", null)), "image/jpeg", JPEG));
  }

  @Test
  void renderedDefaultsToJpegAndTheQueryParameterWins() {
    assertEquals("image/jpeg", DicomMediaTypes.renderedType(List.of(), null));
    assertEquals("image/jpeg", DicomMediaTypes.renderedType(List.of(MediaType.WILDCARD_TYPE), null));
    assertEquals("image/png",
        DicomMediaTypes.renderedType(List.of(new MediaType("image", "png")), null));
    assertEquals("image/png", DicomMediaTypes.renderedType(List.of(MediaType.WILDCARD_TYPE), "image/png"));
    assertThrows(DicomMediaTypes.NotAcceptableMediaException.class,
        () -> DicomMediaTypes.renderedType(List.of(new MediaType("image", "jp2")), null));
  }
}

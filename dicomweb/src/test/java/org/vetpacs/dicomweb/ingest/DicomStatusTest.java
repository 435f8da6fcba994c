package org.vetpacs.dicomweb.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vetpacs.dicomweb.ingest.DicomStatus.Kind;

/** The one table of status codes (PS3.4 B.2.3, PS3.7 C, PS3.18 10.5.3). */
class DicomStatusTest {

  @Test
  void codesAreUnique() {
    Set<Integer> codes = new HashSet<>();
    for (DicomStatus status : DicomStatus.values()) {
      assertTrue(codes.add(status.code()), "duplicate code " + status.hex() + " on " + status);
    }
  }

  @Test
  void codesFitInSixteenBits() {
    for (DicomStatus status : DicomStatus.values()) {
      assertTrue(status.code() >= 0 && status.code() <= 0xFFFF, status.toString());
    }
  }

  @Test
  void codesHaveTheStandardValuesAndKinds() {
    assertCode(DicomStatus.SUCCESS, 0x0000, Kind.SUCCESS);
    assertCode(DicomStatus.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, 0xA900, Kind.FAILURE);
    assertCode(DicomStatus.CANNOT_UNDERSTAND, 0xC000, Kind.FAILURE);
    assertCode(DicomStatus.PROCESSING_FAILURE, 0x0110, Kind.FAILURE);
    assertCode(DicomStatus.DUPLICATE_SOP_INSTANCE, 0x0111, Kind.FAILURE);
    assertCode(DicomStatus.SOP_CLASS_NOT_SUPPORTED, 0x0122, Kind.FAILURE);
    assertCode(DicomStatus.OUT_OF_RESOURCES, 0xA700, Kind.FAILURE);
    assertCode(DicomStatus.COERCION_OF_DATA_ELEMENTS, 0xB000, Kind.WARNING);
    assertCode(DicomStatus.ELEMENTS_DISCARDED, 0xB006, Kind.WARNING);
    assertCode(DicomStatus.DATA_SET_DOES_NOT_MATCH_SOP_CLASS_WARNING, 0xB007, Kind.WARNING);
  }

  @Test
  void kindFollowsTheCodeRangeOfPs34B23() {
    for (DicomStatus status : DicomStatus.values()) {
      int high = status.code() >> 12;
      Kind expected =
          status.code() == 0 ? Kind.SUCCESS : high == 0xB ? Kind.WARNING : Kind.FAILURE;
      assertEquals(expected, status.kind(), status.toString());
    }
  }

  @Test
  void hexIsFourUpperCaseDigitsAndH() {
    assertEquals("A900H", DicomStatus.DATA_SET_DOES_NOT_MATCH_SOP_CLASS.hex());
    assertEquals("0111H", DicomStatus.DUPLICATE_SOP_INSTANCE.hex());
    assertEquals("0000H", DicomStatus.SUCCESS.hex());
    assertEquals("C000H", DicomStatus.CANNOT_UNDERSTAND.hex());
    Arrays.stream(DicomStatus.values())
        .forEach(s -> assertTrue(s.hex().matches("[0-9A-F]{4}H"), s.hex()));
  }

  @Test
  void everyStatusHasAMeaning() {
    for (DicomStatus status : DicomStatus.values()) {
      assertTrue(!status.meaning().isBlank(), status.toString());
    }
  }

  private static void assertCode(DicomStatus status, int code, Kind kind) {
    assertEquals(code, status.code(), status.toString());
    assertEquals(kind, status.kind(), status.toString());
  }
}

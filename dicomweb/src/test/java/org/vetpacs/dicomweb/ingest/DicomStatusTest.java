package org.vetpacs.dicomweb.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DicomStatusTest {

  @Test
  void eachCodeHasOneMeaningPerService() {
    for (DicomStatus.Service service : DicomStatus.Service.values()) {
      Set<Integer> seen = new HashSet<>();
      for (DicomStatus status : DicomStatus.values()) {
        if (status.service() == service || status.service() == DicomStatus.Service.ANY) {
          assertTrue(seen.add(status.code()), status + " repeats a code in " + service);
        }
      }
    }
  }

  @Test
  void kindFollowsTheStatusClassOfPs37AnnexC() {
    for (DicomStatus status : DicomStatus.values()) {
      int code = status.code();
      DicomStatus.Kind expected;
      if (code == 0x0000) {
        expected = DicomStatus.Kind.SUCCESS;
      } else if (code == 0xFF00 || code == 0xFF01) {
        expected = DicomStatus.Kind.PENDING;
      } else if (code == 0xFE00) {
        expected = DicomStatus.Kind.CANCEL;
      } else if (code == 0x0001 || (code & 0xF000) == 0xB000) {
        expected = DicomStatus.Kind.WARNING;
      } else {
        expected = DicomStatus.Kind.FAILURE;
      }
      assertEquals(expected, status.kind(), status.name());
    }
  }

  @Test
  void b000MeansCoercionInStorageAndSubOperationFailuresInRetrieve() {
    assertEquals(DicomStatus.COERCION_OF_DATA_ELEMENTS, DicomStatus.of(DicomStatus.Service.STORAGE, 0xB000));
    assertEquals(DicomStatus.SUB_OPERATIONS_COMPLETE_WITH_FAILURES,
        DicomStatus.of(DicomStatus.Service.RETRIEVE, 0xB000));
    assertEquals(DicomStatus.MOVE_DESTINATION_UNKNOWN, DicomStatus.of(DicomStatus.Service.RETRIEVE, 0xA801));
    assertEquals(DicomStatus.SUCCESS, DicomStatus.of(DicomStatus.Service.RETRIEVE, 0x0000));
    assertEquals(DicomStatus.CANNOT_UNDERSTAND, DicomStatus.of(DicomStatus.Service.STORAGE, 0xC000));
    assertThrows(IllegalArgumentException.class, () -> DicomStatus.of(DicomStatus.Service.STORAGE, 0xA801));
  }

  @Test
  void hexIsWrittenAsTheStandardWritesIt() {
    assertEquals("A801H", DicomStatus.MOVE_DESTINATION_UNKNOWN.hex());
    assertEquals("FF00H", DicomStatus.PENDING_SUB_OPERATIONS.hex());
  }
}

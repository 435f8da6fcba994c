package org.vetpacs.dicomweb.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrameGeometryTest {

  @Test
  void rgbCineFramesFollowEachOtherWithoutPadding() {
    FrameGeometry cine = new FrameGeometry(480, 640, 3, 8, 30);
    assertEquals(921_600, cine.frameLength());
    assertEquals(0, cine.offsetOf(1));
    assertEquals(2 * 921_600L, cine.offsetOf(3));
    assertEquals(30 * 921_600L, cine.totalLength());
  }

  @Test
  void sixteenBitRadiographIsTwoBytesPerSample() {
    FrameGeometry dr = new FrameGeometry(3000, 2500, 1, 16, 1);
    assertEquals(15_000_000L, dr.frameLength());
  }

  @Test
  void oneBitFramesOnByteBoundariesAreAddressable() {
    FrameGeometry bits = new FrameGeometry(8, 8, 1, 1, 2);
    assertEquals(8, bits.frameLength());
    assertEquals(8, bits.offsetOf(2));
    assertThrows(IllegalStateException.class, () -> new FrameGeometry(3, 3, 1, 1, 2).frameLength());
  }

  @Test
  void offsetOfFrameOutsideTheInstanceIsRefused() {
    FrameGeometry g = new FrameGeometry(2, 2, 1, 8, 3);
    assertThrows(IndexOutOfBoundsException.class, () -> g.offsetOf(0));
    assertThrows(IndexOutOfBoundsException.class, () -> g.offsetOf(4));
  }

  @Test
  void frameListKeepsOrderAndRefusesMissingFramesWith400() {
    assertEquals(List.of(3, 1), FrameGeometry.parseFrameList("3,1", 3));
    assertEquals(List.of(2), FrameGeometry.parseFrameList(" 2 ", 3));
    for (String bad : new String[] {"", "0", "4", "1,,2", "a", "-1", "1.5"}) {
      RetrieveException e =
          assertThrows(RetrieveException.class, () -> FrameGeometry.parseFrameList(bad, 3), bad);
      assertEquals(RetrieveException.Reason.BAD_REQUEST, e.reason());
    }
  }
}

package org.vetpacs.dicomweb.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.vetpacs.dicomweb.retrieve.RetrieveException;

class RenderParametersTest {

  @Test
  void windowWithFunctionViewportAndQualityParse() {
    RenderParameters p = RenderParameters.parse("40,400,sigmoid", "256,256", "75", false);
    assertEquals(new VoiWindow(40, 400, VoiWindow.Function.SIGMOID), p.window());
    assertEquals(256, p.maxWidth());
    assertEquals(0.75f, p.jpegQuality());
  }

  @Test
  void viewportFitsKeepingAspectRatio() {
    RenderParameters p = RenderParameters.parse(null, "256,256", null, false);
    assertArrayEquals(new int[] {213, 256}, p.outputSize(2500, 3000));
    assertArrayEquals(new int[] {128, 64},
        RenderParameters.parse(null, "128,", null, false).outputSize(64, 32));
  }

  @Test
  void thumbnailDefaultsToAtMost128AndNeverEnlarges() {
    RenderParameters t = RenderParameters.parse(null, null, null, true);
    assertArrayEquals(new int[] {107, 128}, t.outputSize(2500, 3000));
    assertArrayEquals(new int[] {64, 64}, t.outputSize(64, 64));
  }

  @Test
  void malformedParametersAre400() {
    String[][] bad = {
      {"40", null, null}, {"40,0", null, null}, {"a,b", null, null}, {"1,2,cubic", null, null},
      {null, "0,10", null}, {null, "10", null}, {null, ",", null}, {null, null, "0"},
      {null, null, "101"}
    };
    for (String[] b : bad) {
      RetrieveException e = assertThrows(RetrieveException.class,
          () -> RenderParameters.parse(b[0], b[1], b[2], false));
      assertEquals(RetrieveException.Reason.BAD_REQUEST, e.reason());
    }
  }

  @Test
  void wadoUriNeedsCenterAndWidthTogether() {
    assertThrows(RetrieveException.class,
        () -> RenderParameters.parseUri(null, null, "40", null, null));
    RenderParameters p = RenderParameters.parseUri("100", null, "40", "400", null);
    assertEquals(100, p.maxHeight());
    assertNull(p.maxWidth());
  }
}

package org.vetpacs.dicomweb.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class VoiWindowTest {

  @Test
  void linearFollowsPs33C11212() {
    VoiWindow w = new VoiWindow(2048, 4096, VoiWindow.Function.LINEAR);
    assertEquals(0, w.apply(0 - 1));
    assertEquals(255, w.apply(4096));
    assertEquals(128, w.apply(2048));
  }

  @Test
  void linearExactAndSigmoidAreCenteredOnTheCenter() {
    assertEquals(128, new VoiWindow(40, 400, VoiWindow.Function.LINEAR_EXACT).apply(40));
    assertEquals(0, new VoiWindow(40, 400, VoiWindow.Function.LINEAR_EXACT).apply(-160));
    assertEquals(128, new VoiWindow(40, 400, VoiWindow.Function.SIGMOID).apply(40));
  }

  @Test
  void functionsParseFromQueryKeywordsAndDicomValues() {
    assertEquals(VoiWindow.Function.LINEAR_EXACT, VoiWindow.Function.parse("linear-exact"));
    assertEquals(VoiWindow.Function.LINEAR_EXACT, VoiWindow.Function.parse("LINEAR_EXACT"));
    assertThrows(IllegalArgumentException.class, () -> new VoiWindow(0, 0.5, VoiWindow.Function.LINEAR));
  }
}

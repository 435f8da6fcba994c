package org.vetpacs.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCliTest {

  @TempDir Path tmp;

  @Test
  void allKindsTwiceGivesTenLines() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int rc = GenerateCli.run(new String[] {"--seed", "1", "--out", tmp.toString(), "--kind", "all",
        "--small", "--studies", "2"}, new PrintStream(out, true, StandardCharsets.UTF_8),
        System.err);
    assertEquals(0, rc);
    String[] lines = out.toString(StandardCharsets.UTF_8).trim().split("\n");
    assertEquals(10, lines.length);
    assertTrue(lines[0].startsWith("2.25."), lines[0]);
    assertTrue(lines[0].contains(" instances ") && lines[0].endsWith(" bytes"), lines[0]);
  }

  @Test
  void missingArgumentsAreAUsageError() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = GenerateCli.run(new String[] {"--kind", "CT"}, System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, rc);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage"));
  }

  @Test
  void unknownKindIsAUsageError() {
    int rc = GenerateCli.run(new String[] {"--seed", "1", "--out", tmp.toString(), "--kind", "MRI"},
        System.out, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertEquals(2, rc);
  }
}

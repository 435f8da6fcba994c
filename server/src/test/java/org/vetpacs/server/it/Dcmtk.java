package org.vetpacs.server.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs dcmtk tools (Debian's, installed by scripts/setup.sh) as the independent DIMSE peer. */
final class Dcmtk {

  private Dcmtk() {}

  /** What a tool printed (stdout and stderr together) and how it exited. */
  record Result(int exitCode, String output) {}

  /** The DICOM port of the server under test (failsafe sets it). */
  static String dicomPort() {
    return System.getProperty("vetpacs.dicom.port", "11112");
  }

  /**
   * Runs a tool to its end. TCP_NODELAY=1: dcmtk leaves Nagle on, and small PDUs would stall
   * about 40 ms each.
   */
  static Result run(String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)));
    builder.redirectErrorStream(true);
    builder.environment().put("TCP_NODELAY", "1");
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command[0] + " did not finish");
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}

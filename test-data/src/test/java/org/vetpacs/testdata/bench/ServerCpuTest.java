package org.vetpacs.testdata.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerCpuTest {

  @Test
  void threadNamesAsLinuxShowsThemAreSortedByKind() {
    // /proc/PID/task/TID/comm holds the first 15 characters of a thread's name
    assertEquals("requests", ServerCpu.kindOf("http-thread-poo"));
    assertEquals("requests", ServerCpu.kindOf("vetpacs-dimse-a"));
    assertEquals("index", ServerCpu.kindOf("mongo-server-wo"));
    assertEquals("index", ServerCpu.kindOf("H2-serializatio"));
    assertEquals("JIT", ServerCpu.kindOf("C2 CompilerThre"));
    assertEquals("GC", ServerCpu.kindOf("G1 Conc#0"));
    assertEquals("GC", ServerCpu.kindOf("GC Thread#1"));
    assertEquals("other", ServerCpu.kindOf("fhir-study-proj"));
  }

  @Test
  void perInstanceCpuIsTheDifferenceOfTwoReadingsDividedByTheInstances() {
    Map<String, Double> before = Map.of("total", 1000.0, "requests", 400.0, "index", 100.0,
        "JIT", 300.0, "GC", 50.0, "other", 150.0);
    Map<String, Double> after = Map.of("total", 2100.0, "requests", 900.0, "index", 300.0,
        "JIT", 500.0, "GC", 100.0, "other", 250.0);
    assertEquals("total 11.0: requests 5.0, index 2.0, JIT 2.0, GC 0.5, other 1.0",
        ServerCpu.perUnit(before, after, 100));
  }

  @Test
  void aServerWithoutJvmThreadNamesShowsItsTotalOnly() {
    Map<String, Double> before = Map.of("total", 0.0, "requests", 0.0, "index", 0.0, "JIT", 0.0,
        "GC", 0.0, "other", 0.0);
    Map<String, Double> after = Map.of("total", 400.0, "requests", 0.0, "index", 0.0, "JIT", 0.0,
        "GC", 0.0, "other", 400.0);
    assertEquals("total 4.0", ServerCpu.perUnit(before, after, 100));
  }

  @Test
  void readsThisProcess() {
    Map<String, Double> now = ServerCpu.read(String.valueOf(ProcessHandle.current().pid()));
    assertTrue(now.get("total") >= 0, now.toString());
    assertEquals(6, now.size(), now.toString());
    assertTrue(ServerCpu.read(null).isEmpty());
    assertEquals("", ServerCpu.perUnit(Map.of(), now, 10));
  }
}

package org.vetpacs.testdata.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The CPU time a server process used, in total and by kind of thread, read from {@code /proc} (a
 * local server on Linux only): what a figure cost the server, not only how long it took. The
 * kinds are named after a JVM's threads (Payara's request threads, the embedded index's, the JIT
 * compilers, the garbage collector); a server with other thread names (Orthanc) shows its total.
 */
final class ServerCpu {

  /** Kinds of thread, in the order they are printed. */
  static final String[] KINDS = {"requests", "index", "JIT", "GC", "other"};

  private static final double MS_PER_TICK = 10.0; // USER_HZ is 100 on Linux

  private ServerCpu() {}

  /**
   * CPU milliseconds used so far: {@code total} for the whole process (threads that ended
   * included), and one entry per kind for the threads alive now; empty if the process cannot be
   * read.
   */
  static Map<String, Double> read(String pid) {
    Map<String, Double> ms = new LinkedHashMap<>();
    if (pid == null) {
      return ms;
    }
    try {
      ms.put("total", ticks(Files.readString(Path.of("/proc", pid, "stat"))) * MS_PER_TICK);
      for (String kind : KINDS) {
        ms.put(kind, 0.0);
      }
      try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", pid, "task"))) {
        for (Path task : tasks) {
          try {
            String name = Files.readString(task.resolve("comm")).trim();
            double used = ticks(Files.readString(task.resolve("stat"))) * MS_PER_TICK;
            ms.merge(kindOf(name), used, Double::sum);
          } catch (IOException e) {
            // the thread ended while being read
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return new LinkedHashMap<>();
    }
    return ms;
  }

  /** utime + stime of a {@code stat} line (fields 14 and 15, after the command in brackets). */
  private static long ticks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  static String kindOf(String threadName) {
    if (threadName.startsWith("http-thread") || threadName.startsWith("http-listener")
        || threadName.startsWith("vetpacs-dimse")) {
      return "requests";
    }
    if (threadName.startsWith("mongo-server") || threadName.startsWith("H2-")
        || threadName.startsWith("MVStore")) {
      return "index";
    }
    if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")
        || threadName.startsWith("Sweeper")) {
      return "JIT";
    }
    if (threadName.startsWith("G1 ") || threadName.startsWith("GC Thread")
        || threadName.startsWith("VM Thread") || threadName.startsWith("StringDedup")) {
      return "GC";
    }
    return "other";
  }

  /**
   * The CPU per unit between two readings, e.g. {@code total 10.8: requests 5.3, index 2.5, JIT
   * 2.2, GC 0.9, other 0.3}; only the total when no thread was of a known kind (a server that is
   * not a JVM); empty when either reading is empty.
   */
  static String perUnit(Map<String, Double> before, Map<String, Double> after, int units) {
    if (before.isEmpty() || after.isEmpty() || units <= 0) {
      return "";
    }
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "total %.1f",
        (after.get("total") - before.get("total")) / units));
    double known = 0;
    StringBuilder kinds = new StringBuilder();
    for (String kind : KINDS) {
      double used = (after.get(kind) - before.getOrDefault(kind, 0.0)) / units;
      if (!"other".equals(kind)) {
        known += Math.max(0, used);
      }
      kinds.append(kinds.length() == 0 ? "" : ", ")
          .append(String.format(Locale.ROOT, "%s %.1f", kind, Math.max(0, used)));
    }
    if (known > 0) {
      out.append(": ").append(kinds);
    }
    return out.toString();
  }
}

package org.vetpacs.testdata;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Command line front end of {@link StudyGenerator}.
 *
 * <pre>
 * GenerateCli --seed N --out DIR --kind CT|DR_THORAX|DENTAL|US_CINE|EQUINE_LIMB|ALL
 *             [--small] [--studies N]
 * </pre>
 *
 * <p>Prints one line per study: study UID, patient ID and name, kind, instance count and bytes.
 * The names are synthetic, so printing them breaks no privacy rule. Exit code 0 on success, 2 on a
 * usage error, 1 on an I/O error.
 */
public final class GenerateCli {

  private GenerateCli() {}

  /**
   * Runs the generator.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs and returns the exit code instead of exiting, for tests. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Long seed = null;
    Path dir = null;
    String kind = null;
    boolean small = false;
    int studies = 1;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--seed" -> seed = Long.parseLong(value(args, ++i));
          case "--out" -> dir = Path.of(value(args, ++i));
          case "--kind" -> kind = value(args, ++i).toUpperCase(Locale.ROOT);
          case "--small" -> small = true;
          case "--studies" -> studies = Integer.parseInt(value(args, ++i));
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
      if (seed == null || dir == null || kind == null) {
        throw new IllegalArgumentException("--seed, --out and --kind are required");
      }
      if (studies < 1) {
        throw new IllegalArgumentException("--studies must be at least 1");
      }
      List<StudyKind> kinds = new ArrayList<>();
      if (kind.equals("ALL")) {
        kinds.addAll(List.of(StudyKind.values()));
      } else {
        kinds.add(StudyKind.valueOf(kind));
      }
      StudyGenerator generator = new StudyGenerator(seed);
      GeneratorOptions options = small ? GeneratorOptions.small() : GeneratorOptions.realistic();
      for (int n = 0; n < studies; n++) {
        for (StudyKind k : kinds) {
          GeneratedStudy s = generator.generate(k, dir, options);
          out.printf(Locale.ROOT, "%s %s %s %s %d instances %d bytes%n", s.studyInstanceUid(),
              s.patientId(), s.patientName(), k, s.instances().size(), s.totalBytes());
        }
      }
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println("usage: GenerateCli --seed N --out DIR"
          + " --kind CT|DR_THORAX|DENTAL|US_CINE|EQUINE_LIMB|ALL [--small] [--studies N]");
      return 2;
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException("missing value after " + args[i - 1]);
    }
    return args[i];
  }
}

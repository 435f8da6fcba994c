package org.vetpacs.model.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides which known animal a record (an incoming DICOM header, a PIMS Patient) is. The rules,
 * in order:
 *
 * <ol>
 *   <li><b>Clinic patient ID first.</b> When the record has one, a candidate with the same ID is
 *       the match. Candidates with a <i>different</i> ID are never matched, whatever their
 *       demographics: three golden retrievers named Bailey with one owner are three patients.
 *   <li><b>Then pet name + owner + species + birth date</b>, all four known and equal (names folded,
 *       see {@link ClinicName#fold}), among candidates without a conflicting ID.
 *   <li><b>Never a guess.</b> Two or more candidates at one step give {@link Outcome#AMBIGUOUS}
 *       (the record goes to reconciliation); a record missing one of the four demographic values
 *       and without an ID match gives {@link Outcome#NONE}.
 * </ol>
 */
public final class PatientMatcher {

  private PatientMatcher() {}

  /** How a match ended. */
  public enum Outcome {
    /** Exactly one candidate is the animal. */
    MATCHED,
    /** No candidate is the animal. */
    NONE,
    /** More than one candidate fits: a person must decide. */
    AMBIGUOUS
  }

  /**
   * The result of a match.
   *
   * @param outcome how it ended
   * @param rule the rule that decided: {@code "id"}, {@code "demographics"} or {@code "none"}
   * @param candidates the fitting candidates (one for MATCHED, several for AMBIGUOUS)
   * @param <T> the candidate type
   */
  public record Result<T>(Outcome outcome, String rule, List<T> candidates) {

    /**
     * The match, when there is exactly one.
     *
     * @return the matched candidate or empty
     */
    public Optional<T> match() {
      return outcome == Outcome.MATCHED ? Optional.of(candidates.get(0)) : Optional.empty();
    }
  }

  /**
   * Matches a probe against candidates.
   *
   * @param probe the record to place
   * @param candidates the known animals (e.g. those with the same ID or pet name)
   * @param identity how to read a candidate's identity
   * @param <T> the candidate type
   * @return the result
   */
  public static <T> Result<T> match(
      AnimalIdentity probe, Collection<T> candidates, Function<T, AnimalIdentity> identity) {
    if (probe.clinicPatientId() != null) {
      List<T> byId = new ArrayList<>();
      for (T candidate : candidates) {
        if (probe.clinicPatientId().equals(identity.apply(candidate).clinicPatientId())) {
          byId.add(candidate);
        }
      }
      if (!byId.isEmpty()) {
        return result(byId, "id");
      }
    }
    Optional<String> key = probe.demographicKey();
    if (key.isEmpty()) {
      return new Result<>(Outcome.NONE, "none", List.of());
    }
    List<T> byDemographics = new ArrayList<>();
    for (T candidate : candidates) {
      AnimalIdentity other = identity.apply(candidate);
      boolean conflictingIds =
          probe.clinicPatientId() != null
              && other.clinicPatientId() != null
              && !probe.clinicPatientId().equals(other.clinicPatientId());
      if (!conflictingIds && key.equals(other.demographicKey())) {
        byDemographics.add(candidate);
      }
    }
    return byDemographics.isEmpty()
        ? new Result<>(Outcome.NONE, "none", List.of())
        : result(byDemographics, "demographics");
  }

  /**
   * Whether two records are the same animal by these rules (one candidate).
   *
   * @param a one record
   * @param b the other
   * @return true when {@code b} matches {@code a}
   */
  public static boolean sameAnimal(AnimalIdentity a, AnimalIdentity b) {
    return match(a, List.of(b), Function.identity()).outcome() == Outcome.MATCHED;
  }

  private static <T> Result<T> result(List<T> fitting, String rule) {
    return fitting.size() == 1
        ? new Result<>(Outcome.MATCHED, rule, List.copyOf(fitting))
        : new Result<>(Outcome.AMBIGUOUS, rule, List.copyOf(fitting));
  }
}

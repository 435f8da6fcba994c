package org.vetpacs.dicomweb.dimse;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.vetpacs.dicomweb.config.KnownAe;

/**
 * What the DIMSE face is configured with.
 *
 * @param aeTitle our AE title
 * @param port the listening port
 * @param acceptUnknownAes whether calling AEs outside {@code knownAes} are accepted
 * @param knownAes the remote AEs we know (calling AE allow-list, C-MOVE destinations)
 * @param maxAssociations how many associations are served at once
 */
public record DimseSettings(
    String aeTitle, int port, boolean acceptUnknownAes, List<KnownAe> knownAes,
    int maxAssociations) {

  /** The default number of concurrent associations. */
  public static final int DEFAULT_MAX_ASSOCIATIONS = 32;

  public DimseSettings {
    knownAes = List.copyOf(knownAes);
  }

  Set<String> knownAeTitles() {
    return knownAes.stream().map(KnownAe::aeTitle).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The known AE with that title and a presentation address (a valid C-MOVE destination). */
  Optional<KnownAe> destination(String aeTitle) {
    String wanted = aeTitle == null ? "" : aeTitle.strip();
    return knownAes.stream()
        .filter(ae -> ae.aeTitle().equals(wanted) && ae.reachable())
        .findFirst();
  }
}

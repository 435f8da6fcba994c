package org.vetpacs.dicomweb.dimse;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may open an association: the called AE title must be ours, and with the allow-list on
 * ({@code vetpacs.dicom.accept-unknown-aes=false}) the calling AE title must be a known AE.
 * AE titles are compared without leading and trailing spaces, which PS3.5 6.2 declares not
 * significant for VR AE; case is significant.
 */
final class AeAccessPolicy {

  /**
   * Why an A-ASSOCIATE-RQ is rejected: the reason codes of an A-ASSOCIATE-RJ PDU with source 1,
   * DICOM UL service-user (PS3.8 9.3.4, Table 9-21).
   */
  enum Rejection {
    CALLING_AE_TITLE_NOT_RECOGNIZED(3),
    CALLED_AE_TITLE_NOT_RECOGNIZED(7);

    private final int reason;

    Rejection(int reason) {
      this.reason = reason;
    }

    /** The Reason/Diag. field value. */
    int reason() {
      return reason;
    }
  }

  private final String ourAeTitle;
  private final boolean acceptUnknown;
  private final Set<String> known;

  AeAccessPolicy(String ourAeTitle, boolean acceptUnknown, Collection<String> knownAeTitles) {
    this.ourAeTitle = ourAeTitle.strip();
    this.acceptUnknown = acceptUnknown;
    this.known = knownAeTitles.stream().map(String::strip).collect(Collectors.toUnmodifiableSet());
  }

  /** Empty when the association may proceed, else why it is rejected. */
  Optional<Rejection> screen(String calledAeTitle, String callingAeTitle) {
    if (!ourAeTitle.equals(strip(calledAeTitle))) {
      return Optional.of(Rejection.CALLED_AE_TITLE_NOT_RECOGNIZED);
    }
    if (!acceptUnknown && !known.contains(strip(callingAeTitle))) {
      return Optional.of(Rejection.CALLING_AE_TITLE_NOT_RECOGNIZED);
    }
    return Optional.empty();
  }

  private static String strip(String title) {
    return title == null ? "" : title.strip();
  }
}

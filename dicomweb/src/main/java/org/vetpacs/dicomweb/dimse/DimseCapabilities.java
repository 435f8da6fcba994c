package org.vetpacs.dicomweb.dimse;

import java.util.List;

/**
 * What the DIMSE face negotiates, as the Conformance Statement publishes it: per service class, the
 * SOP Classes accepted as SCP and the transfer syntaxes {@link ServicePresentationContextPolicy}
 * accepts for them (the same {@link Uids} lists the SCPs' {@code handles} and {@code
 * transferSyntaxes} answer with, so the statement cannot claim what the policy refuses).
 */
public final class DimseCapabilities {

  private DimseCapabilities() {}

  /**
   * One service class as SCP.
   *
   * @param name the service class (PS3.4 annex title)
   * @param reference the PS3.4 annex
   * @param sopClasses the SOP Class UIDs accepted
   * @param transferSyntaxes the transfer syntax UIDs accepted, in preference order
   */
  public record ServiceSupport(
      String name, String reference, List<String> sopClasses, List<String> transferSyntaxes) {}

  /**
   * The SCP services, in the order of PS3.4.
   *
   * @return Verification, Storage, Query/Retrieve FIND, MOVE and GET, Modality Worklist
   */
  public static List<ServiceSupport> scp() {
    return List.of(
        new ServiceSupport("Verification", "PS3.4 Annex A", List.of(Uids.VERIFICATION),
            Uids.UNCOMPRESSED_LITTLE_ENDIAN),
        new ServiceSupport("Storage", "PS3.4 Annex B", Uids.STORAGE_SOP_CLASSES,
            Uids.STORAGE_TRANSFER_SYNTAXES),
        new ServiceSupport("Query/Retrieve - FIND", "PS3.4 Annex C",
            List.of(Uids.PATIENT_ROOT_FIND, Uids.STUDY_ROOT_FIND), Uids.UNCOMPRESSED_LITTLE_ENDIAN),
        new ServiceSupport("Query/Retrieve - MOVE", "PS3.4 Annex C",
            List.of(Uids.PATIENT_ROOT_MOVE, Uids.STUDY_ROOT_MOVE), Uids.UNCOMPRESSED_LITTLE_ENDIAN),
        new ServiceSupport("Query/Retrieve - GET", "PS3.4 Annex C",
            List.of(Uids.PATIENT_ROOT_GET, Uids.STUDY_ROOT_GET), Uids.UNCOMPRESSED_LITTLE_ENDIAN),
        new ServiceSupport("Basic Worklist Management", "PS3.4 Annex K",
            List.of(Uids.MODALITY_WORKLIST_FIND), Uids.UNCOMPRESSED_LITTLE_ENDIAN));
  }
}

package org.vetpacs.dicomweb.lifecycle;

import java.util.List;

/**
 * CDI event fired after an IOCM rejection note hid instances (PS3.3 C.17.6, IHE RAD IOCM).
 *
 * @param rejectionNoteUid SOP Instance UID of the Key Object Selection document
 * @param reason the document title (PS3.16 CID 7010)
 * @param studyInstanceUid the study of the rejected instances
 * @param sopInstanceUids the instances now hidden (including ones not yet received)
 */
public record InstancesRejected(
    String rejectionNoteUid,
    RejectionReason reason,
    String studyInstanceUid,
    List<String> sopInstanceUids) {

  public InstancesRejected {
    sopInstanceUids = List.copyOf(sopInstanceUids);
  }
}

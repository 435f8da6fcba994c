package org.vetpacs.dicomweb.dimse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pixelmed.network.PresentationContext;
import java.util.LinkedList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the Conformance Statement publishes ({@link DimseCapabilities}) is what the presentation
 * context policy of the running listener accepts, and nothing more.
 */
class DimseCapabilitiesTest {

  /** The services as {@link DimseListener#start} builds them (their collaborators unused here). */
  private static final ServicePresentationContextPolicy POLICY =
      new ServicePresentationContextPolicy(
          List.of(
              new VerificationScp(),
              new StorageScp(null),
              new RetrieveScp(new DimseSettings("VETPACS", 11112, true, List.of(), 1), null, null),
              new FindScp(null, null)));

  private static PresentationContext negotiate(String abstractSyntax, String transferSyntax) {
    LinkedList<PresentationContext> proposed = new LinkedList<>();
    proposed.add(new PresentationContext((byte) 1, abstractSyntax, transferSyntax));
    POLICY.applyPresentationContextSelectionPolicy(proposed, 1);
    return proposed.getFirst();
  }

  @Test
  void everyPublishedSopClassIsAcceptedWithEveryPublishedTransferSyntax() {
    for (DimseCapabilities.ServiceSupport service : DimseCapabilities.scp()) {
      for (String sopClass : service.sopClasses()) {
        for (String ts : service.transferSyntaxes()) {
          PresentationContext pc = negotiate(sopClass, ts);
          assertEquals(0, pc.getResultReason(), service.name() + " " + sopClass + " " + ts);
          assertEquals(ts, pc.getTransferSyntaxUID());
        }
      }
    }
  }

  @Test
  void aSopClassNotPublishedIsRejectedAsAbstractSyntaxNotSupported() {
    // RT Image Storage: not in the statement
    assertEquals(3, negotiate("1.2.840.10008.5.1.4.1.1.481.1", Uids.EXPLICIT_VR_LITTLE_ENDIAN)
        .getResultReason());
  }

  @Test
  void aTransferSyntaxNotPublishedForTheServiceIsRejected() {
    // JPEG Baseline on Verification: published for Storage only
    assertEquals(4, negotiate(Uids.VERIFICATION, "1.2.840.10008.1.2.4.50").getResultReason());
  }
}

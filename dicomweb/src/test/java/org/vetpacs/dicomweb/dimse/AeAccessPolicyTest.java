package org.vetpacs.dicomweb.dimse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vetpacs.dicomweb.dimse.AeAccessPolicy.Rejection;

class AeAccessPolicyTest {

  private final AeAccessPolicy allowList = new AeAccessPolicy("VETPACS", false, List.of("CT01", "DR01"));
  private final AeAccessPolicy open = new AeAccessPolicy("VETPACS", true, List.of());

  @Test
  void knownCallingAeIsAcceptedWithTheAllowListOn() {
    assertEquals(Optional.empty(), allowList.screen("VETPACS", "CT01"));
    assertEquals(Optional.empty(), allowList.screen("VETPACS  ", " DR01 "));
  }

  @Test
  void unknownCallingAeIsRejectedWithReason3() {
    assertEquals(Optional.of(Rejection.CALLING_AE_TITLE_NOT_RECOGNIZED), allowList.screen("VETPACS", "INTRUDER"));
    assertEquals(3, Rejection.CALLING_AE_TITLE_NOT_RECOGNIZED.reason());
  }

  @Test
  void anyCallingAeIsAcceptedWithTheAllowListOff() {
    assertEquals(Optional.empty(), open.screen("VETPACS", "INTRUDER"));
  }

  @Test
  void otherCalledAeIsRejectedWithReason7EvenWhenOpen() {
    assertEquals(Optional.of(Rejection.CALLED_AE_TITLE_NOT_RECOGNIZED), open.screen("OTHERPACS", "CT01"));
    assertEquals(7, Rejection.CALLED_AE_TITLE_NOT_RECOGNIZED.reason());
  }

  @Test
  void rejectPduIsTheTenBytesOfPs38Table9_21() {
    assertArrayEquals(
        new byte[] {0x03, 0, 0, 0, 0, 4, 0, 1, 1, 3},
        AssociateRequestScreen.rejectPdu(
            AssociateRequestScreen.REJECTED_PERMANENT, AssociateRequestScreen.SOURCE_SERVICE_USER, 3));
  }
}

package org.vetpacs.dicomweb.dimse;

import com.pixelmed.network.AnyExplicitStorePresentationContextSelectionPolicy;
import com.pixelmed.network.PresentationContext;
import com.pixelmed.network.PresentationContextSelectionPolicy;
import java.util.LinkedList;

/**
 * Accepts only the Verification SOP Class (C-ECHO). Storage, query and retrieve presentation
 * contexts are rejected with result 3, "abstract syntax not supported" (PS3.8 9.3.3.2), until
 * those services are wired to the archive's own pipeline: a C-STORE must never be acknowledged
 * by anything but that pipeline.
 */
final class VerificationOnlyPolicy implements PresentationContextSelectionPolicy {

  static final String VERIFICATION_SOP_CLASS = "1.2.840.10008.1.1";
  private static final byte ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;

  private final PresentationContextSelectionPolicy transferSyntaxes =
      new AnyExplicitStorePresentationContextSelectionPolicy();

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public LinkedList applyPresentationContextSelectionPolicy(
      LinkedList contexts, int associationNumber, int debugLevel) {
    return restrict(
        transferSyntaxes.applyPresentationContextSelectionPolicy(
            contexts, associationNumber, debugLevel));
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public LinkedList applyPresentationContextSelectionPolicy(
      LinkedList contexts, int associationNumber) {
    return restrict(
        transferSyntaxes.applyPresentationContextSelectionPolicy(contexts, associationNumber));
  }

  @SuppressWarnings("rawtypes")
  private static LinkedList restrict(LinkedList contexts) {
    for (Object o : contexts) {
      PresentationContext context = (PresentationContext) o;
      if (!VERIFICATION_SOP_CLASS.equals(context.getAbstractSyntaxUID())) {
        context.setResultReason(ABSTRACT_SYNTAX_NOT_SUPPORTED);
      }
    }
    return contexts;
  }
}

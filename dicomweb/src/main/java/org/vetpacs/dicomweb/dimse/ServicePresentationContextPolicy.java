package org.vetpacs.dicomweb.dimse;

import com.pixelmed.network.PresentationContext;
import com.pixelmed.network.PresentationContextSelectionPolicy;
import java.util.LinkedList;
import java.util.List;

/**
 * Accepts a proposed presentation context when a {@link DimseService} handles its abstract syntax
 * and one of the proposed transfer syntaxes is among those the service accepts; the first such
 * transfer syntax in the proposer's order wins (PS3.8 9.3.3.2: the proposer lists them in its
 * order of preference). Otherwise the context is rejected with result 3, abstract syntax not
 * supported, or 4, transfer syntaxes not supported (PS3.8 Table 9-18).
 *
 * <p>Storage contexts an SCU of C-GET proposes with SCP/SCU Role Selection go through the same
 * rule; PixelMed's acceptor returns the role selections as proposed (PS3.7 D.3.3.4).
 */
final class ServicePresentationContextPolicy implements PresentationContextSelectionPolicy {

  private static final byte ACCEPTANCE = 0;
  private static final byte ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;
  private static final byte TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

  private final List<DimseService> services;

  ServicePresentationContextPolicy(List<DimseService> services) {
    this.services = List.copyOf(services);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public LinkedList applyPresentationContextSelectionPolicy(
      LinkedList contexts, int associationNumber, int debugLevel) {
    return applyPresentationContextSelectionPolicy(contexts, associationNumber);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public LinkedList applyPresentationContextSelectionPolicy(
      LinkedList contexts, int associationNumber) {
    for (Object o : contexts) {
      select((PresentationContext) o);
    }
    return contexts;
  }

  private void select(PresentationContext context) {
    String abstractSyntax = context.getAbstractSyntaxUID();
    DimseService service =
        services.stream().filter(s -> s.handles(abstractSyntax)).findFirst().orElse(null);
    if (service == null) {
      context.setResultReason(ABSTRACT_SYNTAX_NOT_SUPPORTED);
      return;
    }
    String chosen = null;
    for (Object proposed : context.getTransferSyntaxUIDs()) {
      if (service.transferSyntaxes().contains(proposed)) {
        chosen = (String) proposed;
        break;
      }
    }
    context.newTransferSyntaxUIDs();
    if (chosen == null) {
      context.setResultReason(TRANSFER_SYNTAXES_NOT_SUPPORTED);
    } else {
      context.addTransferSyntaxUID(chosen);
      context.setResultReason(ACCEPTANCE);
    }
  }
}

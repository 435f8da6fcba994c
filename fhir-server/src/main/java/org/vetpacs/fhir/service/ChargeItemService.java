package org.vetpacs.fhir.service;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.ChargeItem.ChargeItemStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.vetpacs.model.fhir.VetFhir;

/**
 * Billing reconciliation (issue #6): one ChargeItem per imaging order, kept by the server in step
 * with the order, so the PIMS can bill what was done and see what will not be.
 *
 * <p>Status rule: the order created ({@code draft} or {@code active}) -> {@code planned}; {@code
 * completed} (the study arrived with its accession number, or the PIMS completed it) -> {@code
 * billable}; {@code revoked} -> {@code not-billable}, whatever happened before (one rule: a
 * revoked order is never billed, and its charge stays on record); {@code entered-in-error} ->
 * {@code entered-in-error}.
 *
 * <p>Content: {@code identifier} = the order's accession number (type ACSN, system {@value
 * VetFhir#SID_ACCESSION}); {@code code} = the order's code; {@code subject} = the animal; {@code
 * context} = the order's encounter, if any; {@code occurrence} = the order's occurrence, else its
 * authored date; {@code quantity} 1; {@code enteredDate} = when the charge was created. R4's
 * {@code ChargeItem.service} cannot reference a ServiceRequest (R5 can), so the order is kept in
 * {@code supportingInformation} and the ImagingStudy, once it exists, in {@code service}; the
 * search parameter {@code service} finds a charge by either. Clients read and search charges; they
 * cannot create or change them (the server's record of what the archive did).
 */
public class ChargeItemService extends ResourceService<ChargeItem> {

  /**
   * Creates the service.
   *
   * @param ctx the R4 context
   * @param store the store
   */
  public ChargeItemService(FhirContext ctx, FhirResourceStore store) {
    super(ctx, store, null);
  }

  @Override
  protected Class<ChargeItem> type() {
    return ChargeItem.class;
  }

  @Override
  protected String profile() {
    return null;
  }

  @Override
  protected Date dateOf(ChargeItem c) {
    return c.getEnteredDate();
  }

  @Override
  protected void index(ChargeItem c, SearchKeys keys) {
    c.getIdentifier().forEach(i -> keys.identifier("identifier", i));
    keys.reference("subject", c.getSubject());
    String subject = SearchKeys.relative(c.getSubject().getReference());
    if (subject != null && subject.startsWith("Patient/")) {
      keys.reference("patient", c.getSubject());
    }
    c.getService().forEach(s -> keys.reference("service", s));
    c.getSupportingInformation().forEach(s -> {
      String r = SearchKeys.relative(s.getReference());
      if (r != null && r.startsWith("ServiceRequest/")) {
        keys.reference("service", s);
        keys.reference("order", s);
      }
    });
    keys.reference("context", c.getContext());
    if (c.hasStatus()) {
      keys.token("status", c.getStatus().getSystem(), c.getStatus().toCode());
    }
    keys.concept("code", c.getCode());
  }

  /**
   * The charge of an order, if it has one.
   *
   * @param orderId the ServiceRequest id
   * @return the charge
   */
  public Optional<ChargeItem> ofOrder(String orderId) {
    StoreQuery q = new StoreQuery.Builder(typeName())
        .and(new StoreQuery.AnyKey(Set.of("order=ServiceRequest/" + orderId))).build();
    return store.search(q, 0, 1).stream().map(this::parse).findFirst();
  }

  /**
   * Creates or updates the charge of an order from the order's current version.
   *
   * @param order the order (with its id)
   * @param studyUids the Study Instance UIDs of the studies done for it (may be empty)
   * @return the charge, or empty when none is due
   */
  public synchronized Optional<ChargeItem> orderChanged(ServiceRequest order, List<String> studyUids) {
    String orderId = order.getIdElement().getIdPart();
    ChargeItemStatus status = statusFor(order);
    if (status == null) {
      return ofOrder(orderId);
    }
    Optional<ChargeItem> existing = ofOrder(orderId);
    ChargeItem charge = existing.map(ChargeItem::copy).orElseGet(ChargeItem::new);
    boolean changed = existing.isEmpty() || charge.getStatus() != status;
    charge.setStatus(status);
    if (existing.isEmpty()) {
      ServiceRequestService.assignedAccession(order).ifPresent(a -> charge.addIdentifier(
          new Identifier().setType(new CodeableConcept(
              new Coding(VetFhir.CS_V2_IDENTIFIER_TYPE, "ACSN", "Accession ID")))
              .setSystem(VetFhir.SID_ACCESSION).setValue(a)));
      charge.setEnteredDate(Date.from(Instant.now()));
      charge.addSupportingInformation(new Reference("ServiceRequest/" + orderId));
      charge.setQuantity(new Quantity(1));
    }
    CodeableConcept code = order.getCode().copy();
    if (!code.equalsDeep(charge.getCode())) {
      charge.setCode(code);
      changed = true;
    }
    if (!order.getSubject().equalsDeep(charge.getSubject())) {
      charge.setSubject(order.getSubject().copy());
      changed = true;
    }
    if (order.hasEncounter() && !order.getEncounter().equalsDeep(charge.getContext())) {
      charge.setContext(order.getEncounter().copy());
      changed = true;
    }
    org.hl7.fhir.r4.model.Type occurrence = order.hasOccurrence() ? order.getOccurrence().copy()
        : order.hasAuthoredOn() ? new DateTimeType(order.getAuthoredOn()) : null;
    if (occurrence != null && !occurrence.equalsDeep(charge.getOccurrence())) {
      charge.setOccurrence(occurrence);
      changed = true;
    }
    for (String uid : studyUids) {
      String ref = "ImagingStudy/" + uid;
      if (charge.getService().stream().noneMatch(s -> ref.equals(s.getReference()))) {
        charge.addService(new Reference(ref));
        changed = true;
      }
    }
    if (!changed) {
      return existing;
    }
    if (existing.isEmpty()) {
      return Optional.of(createUnvalidated(charge).resource());
    }
    charge.setMeta(null);
    return Optional.of(systemUpdate(existing.get().getIdElement().getIdPart(), charge));
  }

  /** The charge's status for an order's status ({@code null}: no charge is due). */
  static ChargeItemStatus statusFor(ServiceRequest order) {
    if (!order.hasStatus()) {
      return null;
    }
    return switch (order.getStatus()) {
      case DRAFT, ACTIVE, ONHOLD -> ChargeItemStatus.PLANNED;
      case COMPLETED -> ChargeItemStatus.BILLABLE;
      case REVOKED -> ChargeItemStatus.NOTBILLABLE;
      case ENTEREDINERROR -> ChargeItemStatus.ENTEREDINERROR;
      default -> null;
    };
  }
}

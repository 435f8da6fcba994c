package org.vetpacs.fhir.service;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.vetpacs.model.fhir.VetFhir;

/**
 * The imaging order. On create the server assigns an accession number: an identifier of type
 * {@code ACSN} (HL7 v2 table 0203) with system {@value VetFhir#SID_ACCESSION}, value {@code
 * AyyMMddNNNNNN} (13 characters, within DICOM SH's 16), which then never changes. Another
 * identifier typed ACSN (a PIMS's own accession number) is honoured too when a study arrives.
 *
 * <p>Status lifecycle: created {@code draft} or {@code active}; {@code draft -> active | revoked},
 * {@code active -> completed | revoked}; {@code completed} and {@code revoked} are final. A study
 * whose Accession Number matches an {@code active} order completes it.
 */
public class ServiceRequestService extends ResourceService<ServiceRequest> {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

  static final StatusRules LIFECYCLE = new StatusRules("ServiceRequest.status",
      Set.of("draft", "active"),
      Map.of("draft", Set.of("draft", "active", "revoked"),
          "active", Set.of("active", "completed", "revoked"),
          "completed", Set.of("completed"),
          "revoked", Set.of("revoked")));

  /**
   * Creates the service.
   *
   * @param ctx the R4 context
   * @param store the store
   * @param validation the validator
   */
  public ServiceRequestService(FhirContext ctx, FhirResourceStore store,
      FhirValidation validation) {
    super(ctx, store, validation);
  }

  @Override
  protected Class<ServiceRequest> type() {
    return ServiceRequest.class;
  }

  @Override
  protected String profile() {
    return VetFhir.SD_SERVICE_REQUEST;
  }

  @Override
  protected Date dateOf(ServiceRequest r) {
    return r.getAuthoredOn();
  }

  @Override
  protected void index(ServiceRequest r, SearchKeys keys) {
    r.getIdentifier().forEach(i -> keys.identifier("identifier", i));
    accessionNumbers(r).forEach(a -> keys.keys().add("accession=" + a));
    keys.reference("subject", r.getSubject());
    if (r.getSubject().getReference() != null
        && SearchKeys.relative(r.getSubject().getReference()) != null
        && SearchKeys.relative(r.getSubject().getReference()).startsWith("Patient/")) {
      keys.reference("patient", r.getSubject());
    }
    if (r.hasStatus()) {
      keys.token("status", r.getStatus().getSystem(), r.getStatus().toCode());
    }
    keys.concept("code", r.getCode());
  }

  /**
   * The accession numbers of an order: ours and any identifier typed ACSN.
   *
   * @param r the order
   * @return the values
   */
  public static List<String> accessionNumbers(ServiceRequest r) {
    return r.getIdentifier().stream()
        .filter(i -> i.hasValue() && (VetFhir.SID_ACCESSION.equals(i.getSystem()) || isAcsn(i)))
        .map(Identifier::getValue)
        .distinct()
        .toList();
  }

  private static boolean isAcsn(Identifier i) {
    return i.getType().getCoding().stream().anyMatch(c -> "ACSN".equals(c.getCode()));
  }

  /**
   * The accession number the server assigned to an order.
   *
   * @param r the order
   * @return the value, if assigned
   */
  public static Optional<String> assignedAccession(ServiceRequest r) {
    return ours(r).map(Identifier::getValue);
  }

  /**
   * The active orders of a patient (at most 100), e.g. to refresh their worklist items.
   *
   * @param patientId the Patient id
   * @return the orders
   */
  public List<ServiceRequest> activeOfPatient(String patientId) {
    StoreQuery q = new StoreQuery.Builder(typeName())
        .and(new StoreQuery.AnyKey(Set.of("patient=Patient/" + patientId)))
        .and(new StoreQuery.AnyKey(Set.of("status:code=active"))).build();
    return store.search(q, 0, 100).stream().map(this::parse).toList();
  }

  private static Optional<Identifier> ours(ServiceRequest r) {
    return r.getIdentifier().stream()
        .filter(i -> VetFhir.SID_ACCESSION.equals(i.getSystem())).findFirst();
  }

  @Override
  protected void beforeCreate(ServiceRequest r) {
    LIFECYCLE.checkCreate(ctx, r.hasStatus() ? r.getStatus().toCode() : null);
    if (ours(r).isPresent()) {
      throw new UnprocessableEntityException(ctx, outcome(
          "ServiceRequest.identifier", "The accession number of system " + VetFhir.SID_ACCESSION
              + " is assigned by the server; leave it out"));
    }
    r.addIdentifier(accessionIdentifier(newAccessionNumber()));
  }

  @Override
  protected void beforeUpdate(ServiceRequest current, ServiceRequest updated) {
    LIFECYCLE.checkTransition(ctx, current.hasStatus() ? current.getStatus().toCode() : null,
        updated.hasStatus() ? updated.getStatus().toCode() : null);
    Optional<Identifier> assigned = ours(current);
    Optional<Identifier> sent = ours(updated);
    if (assigned.isPresent()) {
      if (sent.isEmpty()) {
        updated.addIdentifier(assigned.get().copy());
      } else if (!assigned.get().getValue().equals(sent.get().getValue())) {
        throw new UnprocessableEntityException(ctx, outcome("ServiceRequest.identifier",
            "The accession number " + assigned.get().getValue() + " cannot change"));
      }
    }
  }

  /**
   * Completes the active orders with an accession number (a study with it arrived).
   *
   * @param accessionNumber the study's Accession Number
   * @return how many orders were completed
   */
  public int completeByAccession(String accessionNumber) {
    StoreQuery q = new StoreQuery.Builder(typeName())
        .and(new StoreQuery.AnyKey(Set.of("accession=" + accessionNumber)))
        .and(new StoreQuery.AnyKey(Set.of("status:code=active"))).build();
    int n = 0;
    for (StoredResource s : store.search(q, 0, 10)) {
      ServiceRequest r = parse(s);
      r.setStatus(ServiceRequestStatus.COMPLETED);
      try {
        systemUpdate(s.id(), r);
        n++;
      } catch (FhirResourceStore.ConcurrentVersionException e) {
        // another instance of the study completed it at the same moment
      }
    }
    return n;
  }

  /**
   * Completes one order if it is still active (its study is complete).
   *
   * @param id the order id
   * @return true when this call completed it
   */
  public boolean complete(String id) {
    ServiceRequest r = read(id);
    if (r.getStatus() != ServiceRequestStatus.ACTIVE) {
      return false;
    }
    r.setStatus(ServiceRequestStatus.COMPLETED);
    try {
      systemUpdate(id, r);
      return true;
    } catch (FhirResourceStore.ConcurrentVersionException e) {
      return false; // completed (or changed) at the same moment by someone else
    }
  }

  /**
   * The active orders of a patient.
   *
   * @param subject e.g. {@code Patient/12}
   * @return the orders (at most 10)
   */
  public List<ServiceRequest> activeOf(String subject) {
    StoreQuery q = new StoreQuery.Builder(typeName())
        .and(new StoreQuery.AnyKey(Set.of("subject=" + subject)))
        .and(new StoreQuery.AnyKey(Set.of("status:code=active"))).build();
    return store.search(q, 0, 10).stream().map(this::parse).toList();
  }

  /**
   * Moves an order to another patient (a merge), keeping its status and accession number.
   *
   * @param id the order id
   * @param subject the new subject, e.g. {@code Patient/12}
   */
  public void moveToSubject(String id, String subject) {
    ServiceRequest r = read(id);
    r.setSubject(new org.hl7.fhir.r4.model.Reference(subject));
    systemUpdate(id, r);
  }

  /**
   * The orders of a patient, any status.
   *
   * @param subject e.g. {@code Patient/12}
   * @return the orders (at most 100)
   */
  public List<ServiceRequest> ofSubject(String subject) {
    StoreQuery q = new StoreQuery.Builder(typeName())
        .and(new StoreQuery.AnyKey(Set.of("subject=" + subject))).build();
    return store.search(q, 0, 100).stream().map(this::parse).toList();
  }

  /**
   * The orders whose accession number is one of these.
   *
   * @param accessionNumber the Accession Number
   * @return the orders
   */
  public List<ServiceRequest> findByAccession(String accessionNumber) {
    StoreQuery q = new StoreQuery.Builder(typeName())
        .and(new StoreQuery.AnyKey(Set.of("accession=" + accessionNumber))).build();
    return store.search(q, 0, 10).stream().map(this::parse).toList();
  }

  private String newAccessionNumber() {
    for (int attempt = 0; attempt < 20; attempt++) {
      String candidate = "A" + LocalDate.now().format(DAY)
          + String.format("%06d", RANDOM.nextInt(1_000_000));
      if (findByIdentifier(VetFhir.SID_ACCESSION, candidate).isEmpty()) {
        return candidate;
      }
    }
    throw new IllegalStateException("No free accession number after 20 attempts");
  }

  static Identifier accessionIdentifier(String value) {
    return new Identifier()
        .setUse(Identifier.IdentifierUse.USUAL)
        .setType(new CodeableConcept(
            new Coding(VetFhir.CS_V2_IDENTIFIER_TYPE, "ACSN", "Accession ID")))
        .setSystem(VetFhir.SID_ACCESSION)
        .setValue(value);
  }

  static org.hl7.fhir.r4.model.OperationOutcome outcome(String expression, String message) {
    org.hl7.fhir.r4.model.OperationOutcome oo = new org.hl7.fhir.r4.model.OperationOutcome();
    oo.addIssue().setSeverity(org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity.ERROR)
        .setCode(org.hl7.fhir.r4.model.OperationOutcome.IssueType.BUSINESSRULE)
        .setDiagnostics(message).addExpression(expression);
    return oo;
  }
}

package org.vetpacs.fhir.service;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.vetpacs.dicomweb.worklist.ProcedureStepStatus;
import org.vetpacs.dicomweb.worklist.WorklistItem;
import org.vetpacs.dicomweb.worklist.WorklistService;
import org.vetpacs.model.fhir.Owners;

/**
 * Order to worklist (issue #6): keeps the archive's Modality Worklist in step with the imaging
 * orders. An {@code active} ServiceRequest has exactly one scheduled item, keyed by the order's id
 * (stored on the item), created on activation and rewritten on every later version of the order
 * or of its Patient; a {@code completed} order's item becomes COMPLETED and a {@code revoked}
 * order's DISCONTINUED, so either leaves the worklist; a {@code draft} has none. The mapping is
 * {@link OrderWorklistMapping}.
 *
 * <p>Never logs an animal's or owner's name.
 */
public class OrderWorklistService {

  private static final Logger LOG = Logger.getLogger(OrderWorklistService.class.getName());

  private final ServiceRequestService orders;
  private final PatientService patients;
  private final RelatedPersonService owners;
  private final OrganizationService organizations;
  private final PractitionerService practitioners;
  private final WorklistService worklist;
  private final String defaultStation;
  private final ZoneId zone;

  /**
   * Creates the service.
   *
   * @param orders orders
   * @param patients patients
   * @param owners owners
   * @param organizations organizations
   * @param practitioners practitioners
   * @param worklist the archive's worklist store
   * @param defaultStation the Scheduled Station AE Title when an order names none, or {@code null}
   * @param zone the clinic's time zone (scheduled date and time)
   */
  public OrderWorklistService(ServiceRequestService orders, PatientService patients,
      RelatedPersonService owners, OrganizationService organizations,
      PractitionerService practitioners, WorklistService worklist, String defaultStation,
      ZoneId zone) {
    this.orders = orders;
    this.patients = patients;
    this.owners = owners;
    this.organizations = organizations;
    this.practitioners = practitioners;
    this.worklist = worklist;
    this.defaultStation = defaultStation;
    this.zone = zone;
  }

  /**
   * Brings the worklist in step with the current version of an order.
   *
   * @param orderId the ServiceRequest id
   * @return the order's item after the change, if it has one
   */
  public Optional<WorklistItem> orderChanged(String orderId) {
    ServiceRequest order = orders.read(orderId);
    String status = order.hasStatus() ? order.getStatus().toCode() : "";
    return switch (status) {
      case "active" -> Optional.of(schedule(orderId, order));
      case "completed" -> worklist.endOrder(orderId, ProcedureStepStatus.COMPLETED);
      case "revoked", "entered-in-error" ->
          worklist.endOrder(orderId, ProcedureStepStatus.DISCONTINUED);
      default -> worklist.findByOrder(orderId);
    };
  }

  /**
   * Rewrites the items of a Patient's active orders (its name, species or owner changed).
   *
   * @param patientId the Patient id
   * @return how many items were rewritten
   */
  public int patientChanged(String patientId) {
    List<ServiceRequest> active = orders.activeOfPatient(patientId);
    for (ServiceRequest order : active) {
      schedule(order.getIdElement().getIdPart(), order);
    }
    return active.size();
  }

  private WorklistItem schedule(String orderId, ServiceRequest order) {
    String subject = SearchKeys.relative(order.getSubject().getReference());
    if (subject == null || !subject.startsWith("Patient/")) {
      throw new IllegalStateException("ServiceRequest/" + orderId
          + " has no Patient subject; it cannot be scheduled");
    }
    Patient patient = patients.read(subject.substring("Patient/".length()));
    OrderWorklistMapping.Context context = new OrderWorklistMapping.Context(patient,
        owner(patient), organizationName(patient), requesterName(order));
    WorklistItem item = worklist.scheduleForOrder(orderId,
        OrderWorklistMapping.toWorklist(order, context, defaultStation, zone));
    LOG.fine(() -> "ServiceRequest/" + orderId + " is worklist item " + item.getId());
    return item;
  }

  private RelatedPerson owner(Patient patient) {
    for (String ref : Owners.ownerReferences(patient)) {
      String rel = SearchKeys.relative(ref);
      if (rel != null && rel.startsWith("RelatedPerson/")) {
        try {
          return owners.read(rel.substring("RelatedPerson/".length()));
        } catch (ResourceNotFoundException e) {
          // a dangling link: no Responsible Person
        }
      }
    }
    return null;
  }

  private String organizationName(Patient patient) {
    Reference ref = patient.getManagingOrganization();
    String rel = SearchKeys.relative(ref.getReference());
    if (rel != null && rel.startsWith("Organization/")) {
      try {
        Organization o = organizations.read(rel.substring("Organization/".length()));
        if (o.hasName()) {
          return o.getName();
        }
      } catch (ResourceNotFoundException e) {
        // fall back to the display
      }
    }
    return ref.hasDisplay() ? ref.getDisplay() : null;
  }

  private String requesterName(ServiceRequest order) {
    Reference ref = order.getRequester();
    String rel = SearchKeys.relative(ref.getReference());
    if (rel != null && rel.startsWith("Practitioner/")) {
      try {
        Practitioner p = practitioners.read(rel.substring("Practitioner/".length()));
        String pn = OrderWorklistMapping.personName(p.getNameFirstRep());
        if (pn != null) {
          return pn;
        }
      } catch (ResourceNotFoundException e) {
        // fall back to the display
      }
    }
    return ref.hasDisplay() ? ref.getDisplay() : null;
  }
}

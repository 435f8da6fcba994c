package org.vetpacs.fhir.service;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.vetpacs.model.fhir.AnimalDicomMapping;
import org.vetpacs.model.fhir.DicomPatientModule;
import org.vetpacs.model.fhir.Owners;
import org.vetpacs.model.identity.ClinicName;
import org.vetpacs.model.identity.PatientMatcher;

/**
 * Decides which order and registered animal an arriving study belongs to ("study to order and
 * animal"):
 *
 * <ol>
 *   <li><b>Accession Number</b> (0008,0050) equal to an order's accession number (ours or a PIMS
 *       identifier typed ACSN): the order and its subject. Revoked and entered-in-error orders do
 *       not count. Several orders of different animals are ambiguous.
 *   <li>Else the <b>patient identity rules</b> of {@link PatientMatcher} (clinic Patient ID, then pet
 *       name + owner + species + birth date) among <i>registered</i> patients: those a PIMS or staff
 *       created, not those the server derived from a header ({@link PatientService#isDerived}). The
 *       order is then the animal's only active order, if it has exactly one.
 *   <li>A Patient merged into another ({@code link.type = replaced-by}) stands for its target.
 * </ol>
 *
 * Anything else is unmatched or ambiguous and goes to the reconciliation queue; nothing is guessed.
 */
public class StudyMatcher {

  private final PatientService patients;
  private final RelatedPersonService owners;
  private final ServiceRequestService orders;

  /**
   * Creates the matcher.
   *
   * @param patients patients
   * @param owners owners
   * @param orders orders
   */
  public StudyMatcher(PatientService patients, RelatedPersonService owners,
      ServiceRequestService orders) {
    this.patients = patients;
    this.owners = owners;
    this.orders = orders;
  }

  /** How a match ended. */
  public enum Outcome {
    /** One registered animal (and perhaps its order). */
    MATCHED,
    /** No order and no registered animal. */
    UNMATCHED,
    /** Several orders or animals fit: staff decide. */
    AMBIGUOUS
  }

  /**
   * The decision for a study.
   *
   * @param outcome how it ended
   * @param rule {@code accession}, {@code id}, {@code demographics}, {@code reconciled} or {@code
   *     none}
   * @param patient the animal when matched
   * @param owner its owner, or null
   * @param order the order, or null
   * @param candidates the candidate Patient ids when ambiguous
   */
  public record Match(Outcome outcome, String rule, Patient patient, RelatedPerson owner,
      ServiceRequest order, List<String> candidates) {

    static Match none() {
      return new Match(Outcome.UNMATCHED, "none", null, null, null, List.of());
    }

    static Match ambiguous(String rule, List<String> candidates) {
      return new Match(Outcome.AMBIGUOUS, rule, null, null, null, List.copyOf(candidates));
    }
  }

  /**
   * Matches a study's header.
   *
   * @param accessionNumber Accession Number, may be blank
   * @param module the Patient Module values
   * @return the decision
   */
  public Match match(String accessionNumber, DicomPatientModule module) {
    if (accessionNumber != null && !accessionNumber.isBlank()) {
      List<ServiceRequest> byAccession = orders.findByAccession(accessionNumber.trim()).stream()
          .filter(o -> !o.hasStatus() || !Set.of("revoked", "entered-in-error")
              .contains(o.getStatus().toCode()))
          .toList();
      Map<String, ServiceRequest> bySubject = new LinkedHashMap<>();
      for (ServiceRequest o : byAccession) {
        String subject = patientId(o.getSubject());
        if (subject != null) {
          bySubject.putIfAbsent(subject, o);
        }
      }
      if (bySubject.size() > 1) {
        return Match.ambiguous("accession", new ArrayList<>(bySubject.keySet()));
      }
      if (bySubject.size() == 1) {
        Map.Entry<String, ServiceRequest> e = bySubject.entrySet().iterator().next();
        Optional<Patient> patient = readFollowingMerges(e.getKey());
        if (patient.isPresent()) {
          return matched("accession", patient.get(), e.getValue());
        }
      }
    }
    List<Patient> candidates = registeredCandidates(module);
    PatientMatcher.Result<Patient> result = PatientMatcher.match(
        AnimalDicomMapping.identity(module), candidates, p -> AnimalDicomMapping.identity(p, null));
    return switch (result.outcome()) {
      case MATCHED -> {
        Patient p = readFollowingMerges(result.match().get().getIdElement().getIdPart())
            .orElse(result.match().get());
        yield matched(result.rule(), p, onlyActiveOrder(p));
      }
      case AMBIGUOUS -> Match.ambiguous(result.rule(),
          result.candidates().stream().map(p -> p.getIdElement().getIdPart()).toList());
      case NONE -> Match.none();
    };
  }

  /**
   * The decision for a study staff assigned.
   *
   * @param patientId the Patient id
   * @param orderId the ServiceRequest id, or null
   * @return the decision
   */
  public Match assigned(String patientId, String orderId) {
    Patient p = readFollowingMerges(patientId)
        .orElseThrow(() -> new ResourceNotFoundException("Patient/" + patientId));
    ServiceRequest order = orderId == null ? null : orders.read(orderId);
    return matched("reconciled", p, order);
  }

  private Match matched(String rule, Patient patient, ServiceRequest order) {
    return new Match(Outcome.MATCHED, rule, patient, ownerOf(patient), order, List.of());
  }

  /**
   * The owner of a pet: the first RelatedPerson it links to, or null.
   *
   * @param patient the pet
   * @return the owner or null
   */
  public RelatedPerson ownerOf(Patient patient) {
    for (String ref : Owners.ownerReferences(patient)) {
      try {
        return owners.read(ref.substring(ref.indexOf('/') + 1));
      } catch (ResourceNotFoundException e) {
        // a dangling link: try the next
      }
    }
    return null;
  }

  private ServiceRequest onlyActiveOrder(Patient p) {
    List<ServiceRequest> active = orders.activeOf("Patient/" + p.getIdElement().getIdPart());
    return active.size() == 1 ? active.get(0) : null;
  }

  private List<Patient> registeredCandidates(DicomPatientModule module) {
    Map<String, Patient> found = new LinkedHashMap<>();
    if (module.patientId() != null) {
      patients.findByIdentifier(null, module.patientId())
          .forEach(p -> found.put(p.getIdElement().getIdPart(), p));
    }
    String pet = ClinicName.fold(ClinicName.parse(module.patientName()).petName());
    if (!pet.isEmpty()) {
      patients.findByNameKey(pet).forEach(p -> found.putIfAbsent(p.getIdElement().getIdPart(), p));
    }
    return found.values().stream().filter(p -> !PatientService.isDerived(p)).toList();
  }

  /** Reads a Patient, following {@code replaced-by} links of merged patients (at most 5 hops). */
  Optional<Patient> readFollowingMerges(String id) {
    String current = id;
    for (int hop = 0; hop < 5; hop++) {
      Patient p;
      try {
        p = patients.read(current);
      } catch (ResourceNotFoundException e) {
        return Optional.empty();
      }
      String next = p.getLink().stream()
          .filter(l -> l.getType() == Patient.LinkType.REPLACEDBY)
          .map(l -> patientId(l.getOther()))
          .filter(r -> r != null)
          .findFirst().orElse(null);
      if (next == null) {
        return Optional.of(p);
      }
      current = next;
    }
    return Optional.empty();
  }

  private static String patientId(Reference r) {
    if (r == null || !r.hasReference()) {
      return null;
    }
    String rel = SearchKeys.relative(r.getReference());
    return rel != null && rel.startsWith("Patient/") ? rel.substring("Patient/".length()) : null;
  }
}

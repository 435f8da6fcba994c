package org.vetpacs.model.fhir;

import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;

/**
 * The owner as a first-class RelatedPerson, and how a Patient points at it.
 *
 * <p>R4 makes {@code RelatedPerson.patient} 1..1, while one owner has several pets. VetPACS keeps
 * <b>one</b> RelatedPerson per owner: its {@code patient} is the first pet, its identifier the
 * PIMS client ID ({@value VetFhir#SID_CLIENT_ID}), and every pet of that owner names it in {@code
 * Patient.link} (type {@code seealso}). The relationship is coded with the DICOM Responsible
 * Person Role (0010,2298) defined term {@code OWNER} ({@value
 * VetFhir#CS_RESPONSIBLE_PERSON_ROLE}), so it maps to DICOM without translation.
 */
public final class Owners {

  private Owners() {}

  /** The Responsible Person Role written for owners, PS3.3 C.7.1.1. */
  public static final String OWNER = "OWNER";

  /**
   * The relationship concept for a Responsible Person Role defined term.
   *
   * @param role a DICOM defined term ({@code OWNER}, {@code GUARDIAN}...)
   * @return the concept
   */
  public static CodeableConcept relationship(String role) {
    String code = role == null || role.isBlank() ? OWNER : role.trim().toUpperCase();
    String display = code.charAt(0) + code.substring(1).toLowerCase();
    return new CodeableConcept(new Coding(VetFhir.CS_RESPONSIBLE_PERSON_ROLE, code, display))
        .setText(display);
  }

  /**
   * A new owner.
   *
   * @param family the family name
   * @param given the given name, or {@code null}
   * @param clientId the PIMS client ID, or {@code null}
   * @param phone a phone number, or {@code null}
   * @param email an e-mail address, or {@code null}
   * @param firstPet the pet the RelatedPerson refers to
   * @return the owner
   */
  public static RelatedPerson owner(
      String family, String given, String clientId, String phone, String email,
      Reference firstPet) {
    RelatedPerson owner = new RelatedPerson();
    owner.addRelationship(relationship(OWNER));
    owner.addName().setFamily(family);
    if (given != null && !given.isBlank()) {
      owner.getNameFirstRep().addGiven(given);
    }
    if (clientId != null && !clientId.isBlank()) {
      owner.addIdentifier(new Identifier().setSystem(VetFhir.SID_CLIENT_ID).setValue(clientId));
    }
    if (phone != null && !phone.isBlank()) {
      owner.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone);
    }
    if (email != null && !email.isBlank()) {
      owner.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(email);
    }
    owner.setPatient(firstPet);
    return owner;
  }

  /**
   * The role code of a RelatedPerson, when it carries one of ours.
   *
   * @param person the related person
   * @return the Responsible Person Role term, or empty
   */
  public static Optional<String> role(RelatedPerson person) {
    return person.getRelationship().stream()
        .flatMap(c -> c.getCoding().stream())
        .filter(c -> VetFhir.CS_RESPONSIBLE_PERSON_ROLE.equals(c.getSystem()) && c.hasCode())
        .map(Coding::getCode)
        .findFirst();
  }

  /**
   * Whether a RelatedPerson is an owner (our {@code OWNER} code, or no coded relationship).
   *
   * @param person the related person
   * @return true for an owner
   */
  public static boolean isOwner(RelatedPerson person) {
    return role(person).map(OWNER::equals).orElse(true);
  }

  /**
   * Links a pet to its owner ({@code Patient.link}, type {@code seealso}), once.
   *
   * @param pet the pet
   * @param ownerReference e.g. {@code RelatedPerson/12}
   */
  public static void link(Patient pet, String ownerReference) {
    boolean present =
        pet.getLink().stream()
            .anyMatch(l -> ownerReference.equals(l.getOther().getReference()));
    if (!present) {
      pet.addLink()
          .setOther(new Reference(ownerReference))
          .setType(Patient.LinkType.SEEALSO);
    }
  }

  /**
   * The owner references of a pet ({@code RelatedPerson/...} links).
   *
   * @param pet the pet
   * @return the references, possibly empty
   */
  public static java.util.List<String> ownerReferences(Patient pet) {
    return pet.getLink().stream()
        .map(l -> l.getOther().getReference())
        .filter(r -> r != null && r.startsWith("RelatedPerson/"))
        .toList();
  }
}

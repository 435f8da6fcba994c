package org.vetpacs.fhir.service;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.vetpacs.dicomweb.worklist.NewWorklistItem;
import org.vetpacs.model.animal.Breed;
import org.vetpacs.model.animal.Species;
import org.vetpacs.model.fhir.AnimalDicomMapping;
import org.vetpacs.model.fhir.AnimalExtension;
import org.vetpacs.model.fhir.DicomPatientModule;
import org.vetpacs.model.fhir.VetFhir;

/**
 * An imaging order (ServiceRequest) and its animal as one Modality Worklist item, after the HL7
 * Imaging ServiceRequest IG's ConceptMaps "Populating DICOM Modality Worklist C-FIND Response from
 * FHIR", "... Imaging Service Request from FHIR" and "... Requested Procedure from FHIR":
 *
 * <ul>
 *   <li>the patient: every attribute of the animal through {@link AnimalDicomMapping#toDicom}
 *       (Patient's Name {@code PET^OWNER}, Patient ID, birth date, sex, neuter status, species and
 *       breed, Responsible Person with role OWNER), Responsible Organization (0010,2299) = the
 *       name of the Patient's {@code managingOrganization};
 *   <li>Accession Number (0008,0050) = the identifier the server assigned (type ACSN);
 *   <li>{@code code} -> Requested Procedure Description (0032,1060) (text, else the first
 *       display) and Requested Procedure Code Sequence (0032,1064) (the first coding with a
 *       display; LOINC = {@code LN}, SNOMED CT = {@code SCT}, DICOM = {@code DCM}, RadLex =
 *       {@code RADLEX}, PS3.16 8); also the Scheduled Procedure Step Description;
 *   <li>Modality (0008,0060): a coding of system DCM (PS3.16 CID 29) in {@code code}, {@code
 *       category} or {@code orderDetail}; else the LOINC/RSNA Playbook modality prefix of the
 *       procedure's name ({@code XR} = DX, digital radiography, {@code CT}, {@code MR}, {@code
 *       US}, ...); else {@code OT} (other, PS3.3 C.7.3.1.1.1);
 *   <li>Scheduled Station AE Title (0040,0001): a {@code performer} or {@code locationReference}
 *       whose (logical) identifier has system {@value #SID_AE_TITLE}; else the configured
 *       default; else empty;
 *   <li>Scheduled Procedure Step Start Date/Time (0040,0002/3) = {@code occurrence} (dateTime, or
 *       a Period's start) in the clinic's time zone; none: now;
 *   <li>Requested Procedure Priority (0040,1003) = {@code priority}: routine = ROUTINE, urgent and
 *       asap = HIGH, stat = STAT;
 *   <li>Requesting Physician (0032,1032) = {@code requester} (a Practitioner's name, else the
 *       reference's display); in a clinic the ordering vet is also the referring one, so it is
 *       Referring Physician's Name (0008,0090) too;
 *   <li>Reason for the Requested Procedure (0040,1002) = {@code reasonCode} text or display, else
 *       {@code reasonReference} display.
 * </ul>
 *
 * Long texts are cut to the VR's length (LO 64) rather than refused: a worklist entry with a
 * shortened description is better than none.
 */
public final class OrderWorklistMapping {

  /** The identifier system of a DICOM AE title in a performer or location reference. */
  public static final String SID_AE_TITLE = VetFhir.BASE + "/sid/dicom-ae-title";

  private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);
  private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss", Locale.ROOT);

  /** Modality prefixes of procedure names (LOINC/RSNA Radiology Playbook) to DICOM Modality. */
  private static final Map<String, String> PLAYBOOK_MODALITY = Map.ofEntries(
      Map.entry("XR", "DX"), Map.entry("DX", "DX"), Map.entry("CR", "CR"), Map.entry("CT", "CT"),
      Map.entry("MR", "MR"), Map.entry("US", "US"), Map.entry("NM", "NM"), Map.entry("PT", "PT"),
      Map.entry("MG", "MG"), Map.entry("RF", "RF"), Map.entry("XA", "XA"), Map.entry("IO", "IO"));

  private static final Set<String> MODALITY_SYSTEMS = Set.of(VetFhir.DICOM_DCM);

  private OrderWorklistMapping() {}

  /**
   * The names the order points at, resolved by the caller.
   *
   * @param patient the animal
   * @param owner its owner, or {@code null}
   * @param organizationName the name of the managing Organization, or {@code null}
   * @param requesterName the requester as DICOM PN ({@code Family^Given}), or {@code null}
   */
  public record Context(Patient patient, RelatedPerson owner, String organizationName,
      String requesterName) {}

  /**
   * The worklist item of an order.
   *
   * @param order the order
   * @param context the animal and the names
   * @param defaultStation the AE title when the order names none, or {@code null}
   * @param zone the clinic's time zone
   * @return the item to schedule
   */
  public static NewWorklistItem toWorklist(ServiceRequest order, Context context,
      String defaultStation, ZoneId zone) {
    NewWorklistItem item = new NewWorklistItem();
    Patient patient = context.patient();
    DicomPatientModule m = AnimalDicomMapping.toDicom(patient, context.owner());
    item.set("PatientName", m.patientName());
    item.set("PatientID", m.patientId() != null ? m.patientId()
        : patient.getIdElement().getIdPart());
    item.set("PatientBirthDate", m.birthDate());
    item.set("PatientSex", m.sex());
    item.set("PatientSexNeutered", m.sexNeutered());
    // The canonical words when the vocabulary knows the animal, so the worklist store finds the
    // SNOMED CT codes of Patient Species/Breed Code Sequence; else the text as the PIMS wrote it.
    Species species = AnimalExtension.species(patient).orElse(null);
    Breed breed = AnimalExtension.breed(patient).orElse(null);
    item.set("PatientSpeciesDescription",
        cut(species != null ? species.dicomDescription() : m.speciesDescription()));
    item.set("PatientBreedDescription",
        cut(breed != null ? breed.description() : m.breedDescription()));
    item.set("ResponsiblePerson", m.responsiblePerson());
    item.set("ResponsiblePersonRole", m.responsiblePersonRole());
    item.set("ResponsibleOrganization", cut(context.organizationName() != null
        ? context.organizationName() : m.responsibleOrganization()));

    item.set("AccessionNumber", ServiceRequestService.assignedAccession(order).orElse(null));
    String description = procedureText(order.getCode());
    item.set("RequestedProcedureDescription", cut(description));
    item.set("ScheduledProcedureStepDescription", cut(description));
    procedureCode(order.getCode()).ifPresent(c -> item.requestedProcedureCode(c.getCode(),
        designator(c.getSystem()), cut(c.getDisplay())));
    item.set("Modality", modality(order));
    item.set("ScheduledStationAETitle", station(order).orElse(
        defaultStation == null || defaultStation.isBlank() ? null : defaultStation.trim()));
    Date start = order.hasOccurrenceDateTimeType() ? order.getOccurrenceDateTimeType().getValue()
        : order.hasOccurrencePeriod() ? order.getOccurrencePeriod().getStart() : null;
    if (start != null) {
      ZonedDateTime at = start.toInstant().atZone(zone);
      item.set("ScheduledProcedureStepStartDate", at.format(DA));
      item.set("ScheduledProcedureStepStartTime", at.format(TM));
    }
    if (order.hasPriority()) {
      item.set("RequestedProcedurePriority", switch (order.getPriority()) {
        case STAT -> "STAT";
        case URGENT, ASAP -> "HIGH";
        default -> "ROUTINE";
      });
    }
    item.set("RequestingPhysician", context.requesterName());
    item.set("ReferringPhysicianName", context.requesterName());
    item.set("ReasonForTheRequestedProcedure", cut(reason(order)));
    return item;
  }

  /**
   * A Practitioner's (or any) human name as DICOM PN {@code Family^Given}.
   *
   * @param name the name
   * @return the PN or {@code null}
   */
  public static String personName(HumanName name) {
    if (name == null || name.isEmpty()) {
      return null;
    }
    if (!name.hasFamily() && !name.hasGiven()) {
      return name.hasText() ? name.getText() : null;
    }
    String family = name.hasFamily() ? name.getFamily() : "";
    return name.hasGiven() ? family + "^" + name.getGivenAsSingleString() : family;
  }

  static String modality(ServiceRequest order) {
    List<CodeableConcept> concepts = new ArrayList<>();
    concepts.add(order.getCode());
    concepts.addAll(order.getCategory());
    concepts.addAll(order.getOrderDetail());
    for (CodeableConcept c : concepts) {
      for (Coding coding : c.getCoding()) {
        if (MODALITY_SYSTEMS.contains(coding.getSystem()) && coding.hasCode()
            && coding.getCode().matches("[A-Z0-9_]{1,16}")) {
          return coding.getCode();
        }
      }
    }
    for (Coding coding : order.getCode().getCoding()) {
      String m = playbook(coding.getDisplay());
      if (m != null) {
        return m;
      }
    }
    String m = playbook(order.getCode().getText());
    return m != null ? m : "OT";
  }

  private static String playbook(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String first = name.trim().split("[\\s.]+")[0].toUpperCase(Locale.ROOT);
    return PLAYBOOK_MODALITY.get(first);
  }

  private static Optional<String> station(ServiceRequest order) {
    List<Reference> refs = new ArrayList<>(order.getPerformer());
    refs.addAll(order.getLocationReference());
    return refs.stream()
        .filter(r -> r.hasIdentifier() && SID_AE_TITLE.equals(r.getIdentifier().getSystem())
            && r.getIdentifier().hasValue())
        .map(r -> r.getIdentifier().getValue().trim())
        .findFirst();
  }

  private static String procedureText(CodeableConcept code) {
    if (code.hasText()) {
      return code.getText();
    }
    return code.getCoding().stream().filter(Coding::hasDisplay).map(Coding::getDisplay)
        .findFirst().orElse(null);
  }

  private static Optional<Coding> procedureCode(CodeableConcept code) {
    return code.getCoding().stream()
        .filter(c -> c.hasCode() && c.hasDisplay() && c.hasSystem() && c.getCode().length() <= 16)
        .findFirst();
  }

  /** Coding Scheme Designator of a FHIR system (PS3.16 Table 8-1). */
  static String designator(String system) {
    return switch (system) {
      case "http://loinc.org" -> "LN";
      case VetFhir.SNOMED -> "SCT";
      case VetFhir.DICOM_DCM -> "DCM";
      case "http://www.radlex.org" -> "RADLEX";
      default -> "99VETPACS";
    };
  }

  private static String reason(ServiceRequest order) {
    for (CodeableConcept c : order.getReasonCode()) {
      String t = procedureText(c);
      if (t != null) {
        return t;
      }
    }
    return order.getReasonReference().stream().filter(Reference::hasDisplay)
        .map(Reference::getDisplay).findFirst().orElse(null);
  }

  private static String cut(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip().replace('\\', '/');
    return t.length() <= 64 ? t : t.substring(0, 64).strip();
  }
}

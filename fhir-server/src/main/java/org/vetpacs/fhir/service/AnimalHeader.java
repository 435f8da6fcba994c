package org.vetpacs.fhir.service;

import java.util.List;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.vetpacs.dicomweb.dicom.DicomDataset;
import org.vetpacs.model.animal.Breed;
import org.vetpacs.model.animal.SnomedConcept;
import org.vetpacs.model.animal.Species;
import org.vetpacs.model.fhir.AnimalDicomMapping;
import org.vetpacs.model.fhir.DicomPatientModule;
import org.vetpacs.model.fhir.DicomPatientModule.CodedValue;

/**
 * The header values of a registered animal (and its order): what a stored study of it must carry.
 * The DICOM Patient Module of PS3.3 C.7.1.1 with its veterinary attributes, taken from the Patient
 * and its owner through {@link AnimalDicomMapping#toDicom}, plus Accession Number (0008,0050) from
 * the order. Only values the registry knows are set, so a header value the registry lacks is kept
 * (never blanked); a species or breed the registry has only as text, or the header has only as text,
 * gets its SNOMED CT code (veterinary tag clean-up, PS3.3 C.7.1.1 Patient Species/Breed Code
 * Sequence, CID 7454 / 7480).
 */
public final class AnimalHeader {

  /** Patient's Name (0010,0010). */
  public static final int PATIENT_NAME = 0x00100010;
  /** Patient ID (0010,0020). */
  public static final int PATIENT_ID = 0x00100020;
  /** Accession Number (0008,0050). */
  public static final int ACCESSION_NUMBER = 0x00080050;

  private AnimalHeader() {}

  /**
   * The values for a study of this animal.
   *
   * @param patient the registered Patient
   * @param owner its owner, or null
   * @param order the matched order, or null
   * @param headerSpecies the Patient Species Description the modality sent (for its code), or null
   * @param headerBreed the Patient Breed Description the modality sent, or null
   * @return the values to coerce to
   */
  public static DicomDataset of(Patient patient, RelatedPerson owner, ServiceRequest order,
      String headerSpecies, String headerBreed) {
    DicomPatientModule m = AnimalDicomMapping.toDicom(patient, owner);
    DicomDataset d = new DicomDataset();
    text(d, PATIENT_NAME, "PN", m.patientName());
    text(d, PATIENT_ID, "LO", m.patientId());
    text(d, 0x00100030, "DA", m.birthDate());
    text(d, 0x00100040, "CS", m.sex());
    String speciesText = m.speciesDescription() != null ? m.speciesDescription() : headerSpecies;
    text(d, 0x00102201, "LO", m.speciesDescription());
    Species species = Species.fromText(speciesText).orElse(null);
    CodedValue speciesCode = m.speciesCode() != null ? m.speciesCode()
        : species == null ? null : coded(species.snomed().orElse(null));
    code(d, 0x00102202, speciesCode);
    String breedText = m.breedDescription() != null ? m.breedDescription() : headerBreed;
    text(d, 0x00102292, "LO", m.breedDescription());
    CodedValue breedCode = m.breedCode() != null ? m.breedCode()
        : Breed.fromText(breedText, species).flatMap(Breed::snomed).map(AnimalHeader::coded)
            .orElse(null);
    code(d, 0x00102293, breedCode);
    text(d, 0x00102203, "CS", m.sexNeutered());
    text(d, 0x00102297, "PN", m.responsiblePerson());
    text(d, 0x00102298, "CS", m.responsiblePerson() == null ? null : m.responsiblePersonRole());
    text(d, 0x00102299, "LO", m.responsibleOrganization());
    if (order != null) {
      List<String> accessions = ServiceRequestService.accessionNumbers(order);
      if (!accessions.isEmpty()) {
        text(d, ACCESSION_NUMBER, "SH", accessions.get(0));
      }
    }
    return d;
  }

  private static void text(DicomDataset d, int tag, String vr, String value) {
    if (value != null && !value.isBlank()) {
      d.put(tag, vr, value.trim());
    }
  }

  private static CodedValue coded(SnomedConcept c) {
    return c == null ? null
        : new CodedValue(c.code(), SnomedConcept.DICOM_CODING_SCHEME, c.display());
  }

  /** A code sequence of one item (PS3.3 Table 8.8-1: value, scheme, meaning). */
  private static void code(DicomDataset d, int tag, CodedValue c) {
    if (c == null || c.value() == null) {
      return;
    }
    DicomDataset item = new DicomDataset()
        .put(0x00080100, "SH", c.value())
        .put(0x00080102, "SH", c.scheme() == null ? SnomedConcept.DICOM_CODING_SCHEME : c.scheme());
    if (c.meaning() != null) {
      item.put(0x00080104, "LO", c.meaning());
    }
    d.putSequence(tag, List.of(item));
  }
}

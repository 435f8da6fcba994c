package org.vetpacs.fhir.service;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.logging.Logger;
import org.bson.conversions.Bson;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.vetpacs.dicomweb.index.IndexRepository;
import org.vetpacs.dicomweb.index.InstanceRecord;
import org.vetpacs.dicomweb.index.SeriesRecord;
import org.vetpacs.dicomweb.index.StudyRecord;
import org.vetpacs.model.fhir.AnimalDicomMapping;
import org.vetpacs.model.fhir.DicomPatientModule;
import org.vetpacs.model.fhir.Owners;
import org.vetpacs.model.fhir.VetFhir;
import org.vetpacs.model.identity.PatientMatcher;

/**
 * ImagingStudy as a projection of the DICOM index (id = Study Instance UID, a valid FHIR id:
 * {@code [A-Za-z0-9\-\.]{1,64}}), never stored and never edited: it exists as soon as the first
 * instance is indexed, whichever face stored it.
 *
 * <p>{@code subject} is the Patient whose identifier equals the study's Patient ID, decided by
 * {@link PatientMatcher} (ID first, then name + owner + species + birth date); when there is none,
 * a Patient (and its owner) is derived from the header through {@link AnimalDicomMapping}; when
 * several fit, the subject is a logical reference (identifier + name) and no guess is made. {@code
 * basedOn} names the orders whose accession number equals the study's.
 */
public class ImagingStudyService {

  private static final Logger LOG = Logger.getLogger(ImagingStudyService.class.getName());

  /** The Endpoint every ImagingStudy names: the DICOMweb root of this server. */
  public static final String ENDPOINT_ID = "dicom-web";

  private final IndexRepository index;
  private final PatientService patients;
  private final RelatedPersonService owners;
  private final ServiceRequestService orders;

  /**
   * Creates the service.
   *
   * @param index the DICOM index
   * @param patients patients
   * @param owners owners
   * @param orders orders
   */
  public ImagingStudyService(IndexRepository index, PatientService patients,
      RelatedPersonService owners, ServiceRequestService orders) {
    this.index = index;
    this.patients = patients;
    this.orders = orders;
    this.owners = owners;
  }

  /**
   * The ImagingStudy of a study.
   *
   * @param studyInstanceUid the Study Instance UID
   * @return the ImagingStudy or empty
   */
  public Optional<ImagingStudy> read(String studyInstanceUid) {
    return index.findStudy(studyInstanceUid).map(this::toFhir);
  }

  /**
   * Searches the index.
   *
   * @param filter a filter on the {@code studies} collection (built with {@link #patientFilter}, {@link #basedOnFilter} and
   *     MongoDB {@code Filters} on {@code _id}, {@code accessionNumber}, {@code studyDate}, {@code
   *     modalitiesInStudy})
   * @param ascending oldest first (default newest first)
   * @param includes what each page includes
   * @return the paged result
   */
  public PagedSearch search(Bson filter, boolean ascending, IncludeResolver.Request includes) {
    Bson sort = ascending
        ? Sorts.orderBy(Sorts.ascending("studyDate", "studyTime"), Sorts.ascending("_id"))
        : Sorts.orderBy(Sorts.descending("studyDate", "studyTime"), Sorts.ascending("_id"));
    return new PagedSearch(() -> index.countStudies(filter),
        (offset, limit) -> index.find(StudyRecord.class, filter, sort, offset, limit).stream()
            .map(this::toFhir).toList(),
        page -> includes == null ? List.of() : includes.resolve(page));
  }

  /**
   * The filter for {@code patient}/{@code subject}: the Patient's identifier values as Patient ID.
   *
   * @param patientId the Patient id
   * @return the filter (matching nothing for an unknown patient)
   */
  public Bson patientFilter(String patientId) {
    List<String> ids = new ArrayList<>();
    try {
      Patient p = patients.read(patientId);
      p.getIdentifier().stream()
          .filter(i -> i.hasValue() && !VetFhir.SID_MICROCHIP.equals(i.getSystem()))
          .forEach(i -> ids.add(i.getValue()));
    } catch (ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException e) {
      // no such patient: no studies
    }
    return Filters.in("patientId", ids);
  }

  /**
   * The filter for {@code bodysite}: studies with a series whose Body Part Examined (0018,0015,
   * PS3.3 C.7.3.1) is one of these values (case-insensitive; Defined Terms are upper case).
   *
   * @param bodyParts the values, e.g. {@code CHEST}
   * @return the filter
   */
  public Bson bodySiteFilter(List<String> bodyParts) {
    List<String> upper = bodyParts.stream()
        .map(b -> b.toUpperCase(java.util.Locale.ROOT)).toList();
    List<String> studyUids = index.find(SeriesRecord.class,
            Filters.in("bodyPartExamined", upper), Sorts.ascending("_id"), 0, 5000)
        .stream().map(SeriesRecord::getStudyInstanceUid).distinct().toList();
    return Filters.in("_id", studyUids);
  }

  /**
   * The filter for {@code basedon}: the order's accession numbers.
   *
   * @param serviceRequestId the ServiceRequest id
   * @return the filter
   */
  public Bson basedOnFilter(String serviceRequestId) {
    List<String> accessions = new ArrayList<>();
    try {
      accessions.addAll(ServiceRequestService.accessionNumbers(orders.read(serviceRequestId)));
    } catch (ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException e) {
      // no such order
    }
    return Filters.in("accessionNumber", accessions);
  }

  /**
   * The Study Instance UIDs of the studies done for an order (its accession numbers).
   *
   * @param serviceRequestId the ServiceRequest id
   * @return the UIDs (at most 10)
   */
  public List<String> studyUidsOfOrder(String serviceRequestId) {
    return index.find(StudyRecord.class, basedOnFilter(serviceRequestId),
            Sorts.ascending("_id"), 0, 10)
        .stream().map(StudyRecord::getStudyInstanceUid).toList();
  }

  /**
   * The ImagingStudies of a patient, for {@code _revinclude=ImagingStudy:subject}.
   *
   * @param patientId the Patient id
   * @return the studies (at most 100, newest first)
   */
  public List<ImagingStudy> ofPatient(String patientId) {
    return index.find(StudyRecord.class, patientFilter(patientId),
            Sorts.descending("studyDate", "studyTime"), 0, 100)
        .stream().map(this::toFhir).toList();
  }

  /**
   * Makes sure the study's animal is a Patient. Called after each stored instance; cheap once the
   * Patient exists. The order is completed by the workflow once the study is complete (after the
   * quiet period, {@link ReconciliationService#studyComplete}).
   *
   * @param studyInstanceUid the study
   */
  public void studyUpdated(String studyInstanceUid) {
    index.findStudy(studyInstanceUid).ifPresent(study -> subject(study, true));
  }

  ImagingStudy toFhir(StudyRecord study) {
    ImagingStudy is = new ImagingStudy();
    is.setId(new IdType("ImagingStudy", study.getStudyInstanceUid()));
    is.getMeta().addProfile(VetFhir.SD_IMAGING_STUDY);
    if (study.getUpdatedAt() != null) {
      is.getMeta().setLastUpdated(java.util.Date.from(java.time.Instant.parse(study.getUpdatedAt())));
    }
    is.setStatus(ImagingStudy.ImagingStudyStatus.AVAILABLE);
    is.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem("urn:dicom:uid")
        .setValue(VetFhir.URN_OID + study.getStudyInstanceUid());
    String accession = study.getAccessionNumber();
    if (accession != null && !accession.isBlank()) {
      is.addIdentifier(ServiceRequestService.accessionIdentifier(accession).setSystem(null));
      for (ServiceRequest order : orders.findByAccession(accession)) {
        is.addBasedOn(new Reference("ServiceRequest/" + order.getIdElement().getIdPart()));
      }
    }
    if (study.getModalitiesInStudy() != null) {
      study.getModalitiesInStudy().forEach(m -> is.addModality(new Coding(VetFhir.DICOM_DCM, m, null)));
    }
    is.setSubject(subject(study, false));
    is.setStarted(started(study.getStudyDate(), study.getStudyTime()));
    is.setNumberOfSeries(study.getNumberOfSeries());
    is.setNumberOfInstances(study.getNumberOfInstances());
    is.setDescription(study.getStudyDescription());
    is.addEndpoint(new Reference("Endpoint/" + ENDPOINT_ID));
    List<SeriesRecord> series = new ArrayList<>(index.seriesOfStudy(study.getStudyInstanceUid()));
    series.sort(Comparator.comparingInt(SeriesRecord::getSeriesNumberValue));
    List<InstanceRecord> instances = index.storedInstancesOfStudy(study.getStudyInstanceUid());
    for (SeriesRecord s : series) {
      ImagingStudy.ImagingStudySeriesComponent sc = is.addSeries()
          .setUid(s.getSeriesInstanceUid())
          .setModality(new Coding(VetFhir.DICOM_DCM, s.getModality(), null))
          .setDescription(s.getSeriesDescription())
          .setNumberOfInstances(s.getNumberOfInstances());
      if (s.getSeriesNumberValue() > 0) {
        sc.setNumber(s.getSeriesNumberValue());
      }
      if (s.getBodyPartExamined() != null && !s.getBodyPartExamined().isBlank()) {
        sc.setBodySite(new Coding().setDisplay(s.getBodyPartExamined()));
      }
      instances.stream()
          .filter(i -> s.getSeriesInstanceUid().equals(i.getSeriesInstanceUid()))
          .sorted(Comparator.comparingInt(InstanceRecord::getInstanceNumberValue))
          .forEach(i -> {
            ImagingStudy.ImagingStudySeriesInstanceComponent ic = sc.addInstance()
                .setUid(i.getSopInstanceUid())
                .setSopClass(new Coding("urn:ietf:rfc:3986", VetFhir.URN_OID + i.getSopClassUid(), null));
            if (i.getInstanceNumberValue() > 0) {
              ic.setNumber(i.getInstanceNumberValue());
            }
          });
    }
    return is;
  }

  /** The subject: a matched or derived Patient, or a logical reference when ambiguous. */
  private synchronized Reference subject(StudyRecord study, boolean createIfMissing) {
    DicomPatientModule module = DicomPatientModule.basic(study.getPatientName(),
        study.getPatientId(), study.getPatientBirthDate(), study.getPatientSex(),
        study.getPatientSpeciesDescription(), study.getPatientBreedDescription(),
        study.getResponsiblePerson(), study.getResponsibleOrganization());
    String display = AnimalDicomMapping.clinicName(AnimalDicomMapping.toFhir(module).patient(), null)
        .petDisplay();
    Reference logical = new Reference().setDisplay(display.isEmpty() ? null : display);
    if (module.patientId() == null) {
      return logical;
    }
    logical.setIdentifier(new Identifier().setSystem(VetFhir.SID_PATIENT_ID).setValue(module.patientId()));
    List<Patient> candidates = patients.findByIdentifier(null, module.patientId());
    PatientMatcher.Result<Patient> match = PatientMatcher.match(
        AnimalDicomMapping.identity(module), candidates,
        p -> AnimalDicomMapping.identity(p, null));
    if (match.outcome() == PatientMatcher.Outcome.MATCHED) {
      return new Reference("Patient/" + match.match().get().getIdElement().getIdPart())
          .setDisplay(logical.getDisplay());
    }
    if (match.outcome() == PatientMatcher.Outcome.AMBIGUOUS || !createIfMissing) {
      return logical;
    }
    AnimalDicomMapping.AnimalResources derived = AnimalDicomMapping.toFhir(module);
    Patient patient = patients.createDerived(derived.patient());
    String patientRef = "Patient/" + patient.getIdElement().getIdPart();
    RelatedPerson owner = derived.owner();
    if (owner != null) {
      owner.setPatient(new Reference(patientRef));
      RelatedPerson stored = owners.createDerived(owner);
      Owners.link(patient, "RelatedPerson/" + stored.getIdElement().getIdPart());
      patients.systemUpdate(patient.getIdElement().getIdPart(), patient);
    }
    LOG.info(() -> "Derived " + patientRef + " from study " + study.getStudyInstanceUid());
    return new Reference(patientRef).setDisplay(logical.getDisplay());
  }

  private static java.util.Date started(String date, String time) {
    if (date == null || !date.matches("[0-9]{8}")) {
      return null;
    }
    String t = time == null ? "" : time.replaceAll("[^0-9]", "");
    t = (t + "000000").substring(0, 6);
    SimpleDateFormat f = new SimpleDateFormat("yyyyMMddHHmmss");
    f.setTimeZone(TimeZone.getDefault());
    try {
      return f.parse(date + t);
    } catch (ParseException e) {
      return null;
    }
  }

}

package org.vetpacs.fhir.web;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.StringOrListParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.vetpacs.fhir.service.IncludeResolver;
import org.vetpacs.fhir.service.PatientService;
import org.vetpacs.fhir.service.RelatedPersonService;
import org.vetpacs.fhir.service.StoreQuery;
import org.vetpacs.model.animal.Breed;
import org.vetpacs.model.animal.Species;

/** {@code /fhir/Patient}: the animal. */
public class PatientResourceProvider implements IResourceProvider {

  private final PatientService patients;
  private final RelatedPersonService owners;
  private final IncludeResolver includes;

  PatientResourceProvider(PatientService patients, RelatedPersonService owners,
      IncludeResolver includes) {
    this.patients = patients;
    this.owners = owners;
    this.includes = includes;
  }

  @Override
  public Class<Patient> getResourceType() {
    return Patient.class;
  }

  @Read(version = true)
  public Patient read(@IdParam IdType id) {
    return id.hasVersionIdPart() ? patients.vread(id.getIdPart(), id.getVersionIdPart())
        : patients.read(id.getIdPart());
  }

  @History
  public List<Patient> history(@IdParam IdType id) {
    return patients.history(id.getIdPart());
  }

  @Create
  public MethodOutcome create(@ResourceParam Patient patient,
      @ConditionalUrlParam String ifNoneExist) {
    return Outcomes.created(patients.create(patient, ifNoneExist));
  }

  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam Patient patient) {
    return Outcomes.updated(patients.update(id.getIdPart(), id.getVersionIdPart(), patient));
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenOrListParam ids,
      @OptionalParam(name = Patient.SP_IDENTIFIER) TokenOrListParam identifier,
      @OptionalParam(name = Patient.SP_NAME) StringOrListParam name,
      @OptionalParam(name = Patient.SP_FAMILY) StringOrListParam family,
      @OptionalParam(name = Patient.SP_GIVEN) StringOrListParam given,
      @OptionalParam(name = Patient.SP_BIRTHDATE) DateRangeParam birthdate,
      @OptionalParam(name = Patient.SP_GENDER) TokenOrListParam gender,
      @Description(shortDefinition = "Species: SNOMED CT or VetPACS code, or a word (dog, feline)")
          @OptionalParam(name = "species") TokenOrListParam species,
      @Description(shortDefinition = "Breed: SNOMED CT or VetPACS code, or its name")
          @OptionalParam(name = "breed") TokenOrListParam breed,
      @Description(shortDefinition = "A name of the owner (RelatedPerson in Patient.link)")
          @OptionalParam(name = "owner-name") StringOrListParam ownerName,
      @OptionalParam(name = Patient.SP_LINK, targetTypes = RelatedPerson.class)
          ReferenceOrListParam link,
      @Sort SortSpec sort,
      @IncludeParam(allow = {"Patient:link"}) Set<Include> include,
      @IncludeParam(reverse = true, allow = {"DiagnosticReport:subject", "DiagnosticReport:patient",
          "ServiceRequest:subject", "ServiceRequest:patient", "ImagingStudy:subject",
          "ImagingStudy:patient", "RelatedPerson:patient"}) Set<Include> revInclude) {
    SearchParams p = new SearchParams("Patient")
        .ids(ids)
        .token("identifier", identifier)
        .string("name", name)
        .string("family", family)
        .string("given", given)
        .date(birthdate)
        .token("gender", gender)
        .token("species", species, v -> Species.fromText(v).map(Enum::name).orElse(null))
        .token("breed", breed, v -> Breed.fromText(v).map(Enum::name).orElse(null))
        .reference("link", link, "RelatedPerson")
        .sort(sort, Patient.SP_BIRTHDATE);
    if (ownerName != null) {
      // owner-name: the owners whose name matches, then their pets (Patient.link)
      SearchParams ownerQuery = new SearchParams("RelatedPerson").string("name", ownerName);
      Set<String> links = owners.search(ownerQuery.build(), null).getResources(0, 1000).stream()
          .map(r -> "link=RelatedPerson/" + r.getIdElement().getIdPart())
          .collect(Collectors.toSet());
      p.and(new StoreQuery.AnyKey(links));
    }
    return patients.search(p.build(), includes.request(include, revInclude));
  }
}

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
import org.hl7.fhir.r4.model.IdType;
import org.vetpacs.fhir.service.IncludeResolver;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.vetpacs.fhir.service.DiagnosticReportService;

/** {@code /fhir/DiagnosticReport}: the imaging report. */
public class DiagnosticReportResourceProvider implements IResourceProvider {

  private final DiagnosticReportService reports;
  private final IncludeResolver includes;

  DiagnosticReportResourceProvider(DiagnosticReportService reports, IncludeResolver includes) {
    this.reports = reports;
    this.includes = includes;
  }

  @Override
  public Class<DiagnosticReport> getResourceType() {
    return DiagnosticReport.class;
  }

  @Read(version = true)
  public DiagnosticReport read(@IdParam IdType id) {
    return id.hasVersionIdPart() ? reports.vread(id.getIdPart(), id.getVersionIdPart())
        : reports.read(id.getIdPart());
  }

  @History
  public List<DiagnosticReport> history(@IdParam IdType id) {
    return reports.history(id.getIdPart());
  }

  @Create
  public MethodOutcome create(@ResourceParam DiagnosticReport report,
      @ConditionalUrlParam String ifNoneExist) {
    return Outcomes.created(reports.create(report, ifNoneExist));
  }

  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam DiagnosticReport report) {
    return Outcomes.updated(reports.update(id.getIdPart(), id.getVersionIdPart(), report));
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenOrListParam ids,
      @OptionalParam(name = DiagnosticReport.SP_IDENTIFIER) TokenOrListParam identifier,
      @OptionalParam(name = DiagnosticReport.SP_PATIENT, targetTypes = Patient.class)
          ReferenceOrListParam patient,
      @OptionalParam(name = DiagnosticReport.SP_SUBJECT) ReferenceOrListParam subject,
      @OptionalParam(name = DiagnosticReport.SP_BASED_ON, targetTypes = ServiceRequest.class)
          ReferenceOrListParam basedOn,
      @Description(shortDefinition = "The ImagingStudy reported on (DiagnosticReport.imagingStudy;"
          + " SearchParameter https://vetpacs.org/fhir/SearchParameter/DiagnosticReport-imaging-study)")
          @OptionalParam(name = "imaging-study", targetTypes = ImagingStudy.class)
          ReferenceOrListParam imagingStudy,
      @OptionalParam(name = DiagnosticReport.SP_STATUS) TokenOrListParam status,
      @OptionalParam(name = DiagnosticReport.SP_ISSUED) DateRangeParam issued,
      @OptionalParam(name = DiagnosticReport.SP_PERFORMER) ReferenceOrListParam performer,
      @OptionalParam(name = DiagnosticReport.SP_CODE) TokenOrListParam code,
      @Sort SortSpec sort,
      @IncludeParam(allow = {"DiagnosticReport:imaging-study", "DiagnosticReport:subject",
          "DiagnosticReport:patient", "DiagnosticReport:based-on"}) Set<Include> include) {
    SearchParams p = new SearchParams("DiagnosticReport").ids(ids)
        .token("identifier", identifier)
        .reference("patient", patient, "Patient")
        .reference("subject", subject, "Patient")
        .reference("based-on", basedOn, "ServiceRequest")
        .reference("imaging-study", imagingStudy, "ImagingStudy")
        .token("status", status)
        .date(issued)
        .reference("performer", performer, "Practitioner")
        .token("code", code)
        .sort(sort, DiagnosticReport.SP_ISSUED);
    return reports.search(p.build(), includes.request(include, null));
  }
}

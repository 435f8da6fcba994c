package org.vetpacs.fhir.service;

import ca.uhn.fhir.context.FhirContext;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Reference;
import org.vetpacs.model.fhir.VetFhir;

/**
 * The imaging report. Status lifecycle: created {@code registered}, {@code preliminary} or {@code
 * final}; {@code registered|preliminary -> preliminary | final | cancelled}; a {@code final}
 * report only changes by becoming {@code amended}, {@code corrected}, {@code appended} or {@code
 * entered-in-error}; every version stays readable ({@code vread}, {@code _history}).
 */
public class DiagnosticReportService extends ResourceService<DiagnosticReport> {

  private static final Set<String> AFTER_FINAL =
      Set.of("amended", "corrected", "appended", "entered-in-error");

  static final StatusRules LIFECYCLE = new StatusRules("DiagnosticReport.status",
      Set.of("registered", "preliminary", "final"),
      Map.of("registered", Set.of("registered", "preliminary", "final", "cancelled"),
          "preliminary", Set.of("preliminary", "final", "cancelled"),
          "final", AFTER_FINAL,
          "amended", AFTER_FINAL,
          "corrected", AFTER_FINAL,
          "appended", AFTER_FINAL));

  /**
   * Creates the service.
   *
   * @param ctx the R4 context
   * @param store the store
   * @param validation the validator
   */
  public DiagnosticReportService(FhirContext ctx, FhirResourceStore store,
      FhirValidation validation) {
    super(ctx, store, validation);
  }

  @Override
  protected Class<DiagnosticReport> type() {
    return DiagnosticReport.class;
  }

  @Override
  protected String profile() {
    return VetFhir.SD_DIAGNOSTIC_REPORT;
  }

  @Override
  protected Date dateOf(DiagnosticReport r) {
    return r.getIssued();
  }

  @Override
  protected void index(DiagnosticReport r, SearchKeys keys) {
    r.getIdentifier().forEach(i -> keys.identifier("identifier", i));
    keys.reference("subject", r.getSubject());
    String subject = SearchKeys.relative(r.getSubject().getReference());
    if (subject != null && subject.startsWith("Patient/")) {
      keys.reference("patient", r.getSubject());
    }
    r.getBasedOn().forEach(b -> keys.reference("based-on", b));
    r.getImagingStudy().forEach(s -> keys.reference("imaging-study", s));
    for (Reference p : r.getPerformer()) {
      keys.reference("performer", p);
    }
    if (r.hasStatus()) {
      keys.token("status", r.getStatus().getSystem(), r.getStatus().toCode());
    }
    keys.concept("code", r.getCode());
    r.getConclusionCode().forEach(c -> keys.concept("conclusion", c));
  }

  @Override
  protected void beforeCreate(DiagnosticReport r) {
    LIFECYCLE.checkCreate(ctx, r.hasStatus() ? r.getStatus().toCode() : null);
  }

  @Override
  protected void beforeUpdate(DiagnosticReport current, DiagnosticReport updated) {
    LIFECYCLE.checkTransition(ctx, current.hasStatus() ? current.getStatus().toCode() : null,
        updated.hasStatus() ? updated.getStatus().toCode() : null);
  }
}

package org.vetpacs.fhir.service;

import ca.uhn.fhir.context.FhirContext;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.vetpacs.model.fhir.VetFhir;

/**
 * The imaging report. Status lifecycle: created {@code registered}, {@code preliminary} or {@code
 * final}; {@code registered|preliminary -> preliminary | final | cancelled}; a {@code final}
 * report only changes by becoming {@code amended}, {@code corrected}, {@code appended} or {@code
 * entered-in-error}; every version stays readable ({@code vread}, {@code _history}).
 *
 * <p>AI reports: R4 does not allow a Device as {@code DiagnosticReport.performer}
 * (Practitioner, PractitionerRole, Organization, CareTeam), so machine output names its model with
 * the extension {@value #AI_DEVICE} ({@code valueReference} to a contained Device with {@code
 * deviceName} of type {@code model-name} and {@code version}); the model and version stay with
 * every version of the report, and the vendor may be the performer Organization. An AI report may
 * be created {@code registered} or {@code preliminary}, never {@code final} (422 naming {@code
 * DiagnosticReport.status}); it becomes {@code final} only when a veterinarian signs it off by
 * adding a Practitioner as {@code resultsInterpreter} (R4: "the practitioner ... responsible for
 * the report's conclusions and interpretations").
 */
public class DiagnosticReportService extends ResourceService<DiagnosticReport> {

  /** The extension naming the AI model (a contained Device) that produced a report. */
  public static final String AI_DEVICE = VetFhir.SD_AI_DEVICE;

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
    if (performedByDevice(r)) {
      if (r.getStatus() == DiagnosticReport.DiagnosticReportStatus.FINAL) {
        throw reject("DiagnosticReport.status", "An AI report is created preliminary; a "
            + "veterinarian signs it off as final by adding a Practitioner as resultsInterpreter");
      }
      checkDevices(r);
    }
  }

  @Override
  protected void beforeUpdate(DiagnosticReport current, DiagnosticReport updated) {
    LIFECYCLE.checkTransition(ctx, current.hasStatus() ? current.getStatus().toCode() : null,
        updated.hasStatus() ? updated.getStatus().toCode() : null);
    if (performedByDevice(current) || performedByDevice(updated)) {
      checkDevices(updated);
      boolean signing = updated.getStatus() == DiagnosticReport.DiagnosticReportStatus.FINAL
          && current.getStatus() != DiagnosticReport.DiagnosticReportStatus.FINAL;
      if (signing && !signedByPractitioner(updated)) {
        throw reject("DiagnosticReport.status", "An AI report becomes final only when a veterinarian signs it off: add a Practitioner as "
            + "resultsInterpreter");
      }
    }
  }

  /**
   * Whether a report is machine output: it carries the {@value #AI_DEVICE} extension, or (not
   * valid in R4, refused by validation) names a Device as performer.
   *
   * @param r the report
   * @return true for AI output
   */
  static boolean performedByDevice(DiagnosticReport r) {
    if (r.hasExtension(AI_DEVICE)) {
      return true;
    }
    for (Reference p : r.getPerformer()) {
      String ref = p.getReference();
      if ((ref != null && (ref.startsWith("Device/") || ref.contains("/Device/")))
          || "Device".equals(p.getType()) || contained(r, ref) instanceof Device) {
        return true;
      }
    }
    return false;
  }

  /** The AI model is a contained Device with a model name and a version. */
  private void checkDevices(DiagnosticReport r) {
    List<Extension> ext = r.getExtensionsByUrl(AI_DEVICE);
    Resource device = ext.size() == 1 && ext.get(0).getValue() instanceof Reference ref
        ? contained(r, ref.getReference()) : null;
    if (!(device instanceof Device d) || d.getDeviceName().stream().noneMatch(n -> n.hasName())
        || d.getVersion().stream().noneMatch(v -> v.hasValue())) {
      throw reject("DiagnosticReport.extension", "An AI report names its model with one "
          + "extension " + AI_DEVICE + " (valueReference \"#id\" to a contained Device with "
          + "deviceName and version), so the report records which model and version produced it");
    }
  }

  private static boolean signedByPractitioner(DiagnosticReport r) {
    for (Reference i : r.getResultsInterpreter()) {
      String ref = i.getReference();
      if (ref != null && (ref.startsWith("Practitioner/") || ref.contains("/Practitioner/"))) {
        return true;
      }
      if (contained(r, ref) instanceof Practitioner) {
        return true;
      }
    }
    return false;
  }

  private static Resource contained(DiagnosticReport r, String ref) {
    if (ref == null || !ref.startsWith("#")) {
      return null;
    }
    String id = ref.substring(1);
    for (Resource c : r.getContained()) {
      String cid = c.getIdElement().getIdPart();
      if (id.equals(cid) || ref.equals(c.getId())) {
        return c;
      }
    }
    return null;
  }

  private UnprocessableEntityException reject(String element, String message) {
    OperationOutcome oo = new OperationOutcome();
    oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(OperationOutcome.IssueType.BUSINESSRULE)
        .setDiagnostics(message)
        .addExpression(element);
    return new UnprocessableEntityException(ctx, oo);
  }
}

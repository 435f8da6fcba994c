package org.vetpacs.fhir.service;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StringType;
import org.vetpacs.model.fhir.ConformanceResources;

/**
 * Validates resources against R4 and our profiles with HAPI's instance validator, before anything
 * is stored. The validator is built once (loading the R4 definitions and generating our profiles'
 * snapshots takes seconds and tens of MB), on first use or by {@link #warmUp()} at start-up.
 *
 * <p>Support chain: R4 core definitions, our profiles/CodeSystems/ValueSets (pre-populated),
 * in-memory terminology (value sets that enumerate their codes, e.g. ours, and R4's small code
 * systems), the common code systems (UCUM, languages, MIME types), snapshot generation for
 * differential-only profiles, and SNOMED CT and other unknown code systems reported as warnings
 * (no terminology server is configured, so their codes cannot be checked).
 */
public class FhirValidation {

  private static final Logger LOG = Logger.getLogger(FhirValidation.class.getName());

  private final FhirContext ctx;
  private final ConformanceResources conformance;
  private volatile FhirValidator validator;

  /**
   * Creates the service; nothing is loaded yet.
   *
   * @param ctx the R4 context
   * @param conformance our profiles and terminology
   */
  public FhirValidation(FhirContext ctx, ConformanceResources conformance) {
    this.ctx = ctx;
    this.conformance = conformance;
  }

  /** Builds the validator and validates one small resource, so the first request is fast. */
  public void warmUp() {
    long start = System.nanoTime();
    try {
      org.hl7.fhir.r4.model.Patient p = new org.hl7.fhir.r4.model.Patient();
      p.getMeta().addProfile(org.vetpacs.model.fhir.VetFhir.SD_PATIENT);
      validator().validateWithResult(p);
      LOG.info(() -> "FHIR validator ready in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "FHIR validator warm-up failed; it will be retried on first use", e);
    }
  }

  /**
   * Validates a resource.
   *
   * @param resource the resource (its {@code meta.profile} names the profiles to check)
   * @throws UnprocessableEntityException (422) with an OperationOutcome of the errors, each
   *     naming the path ({@code expression} and {@code location})
   */
  public void validate(IBaseResource resource) {
    ValidationResult result = validator().validateWithResult(resource);
    List<SingleValidationMessage> errors = result.getMessages().stream()
        .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR
            || m.getSeverity() == ResultSeverityEnum.FATAL)
        .toList();
    if (!errors.isEmpty()) {
      OperationOutcome outcome = new OperationOutcome();
      for (SingleValidationMessage m : errors) {
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
            .setSeverity(m.getSeverity() == ResultSeverityEnum.FATAL
                ? OperationOutcome.IssueSeverity.FATAL : OperationOutcome.IssueSeverity.ERROR)
            .setCode(OperationOutcome.IssueType.PROCESSING)
            .setDiagnostics(m.getMessage());
        if (m.getLocationString() != null) {
          issue.addExpression(m.getLocationString());
          issue.getLocation().add(new StringType(m.getLocationString()));
        }
      }
      throw new UnprocessableEntityException(ctx, outcome);
    }
  }

  private FhirValidator validator() {
    FhirValidator v = validator;
    if (v == null) {
      synchronized (this) {
        v = validator;
        if (v == null) {
          v = build();
          validator = v;
        }
      }
    }
    return v;
  }

  private FhirValidator build() {
    PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(ctx);
    conformance.structureDefinitions().forEach(ours::addStructureDefinition);
    conformance.codeSystems().forEach(ours::addCodeSystem);
    conformance.valueSets().forEach(ours::addValueSet);
    conformance.searchParameters().forEach(ours::addSearchParameter);
    UnknownCodeSystemWarningValidationSupport unknown =
        new UnknownCodeSystemWarningValidationSupport(ctx);
    unknown.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
    ValidationSupportChain chain = new ValidationSupportChain(
        new DefaultProfileValidationSupport(ctx),
        ours,
        new InMemoryTerminologyServerValidationSupport(ctx),
        new CommonCodeSystemsTerminologyService(ctx),
        new SnapshotGeneratingValidationSupport(ctx),
        unknown);
    FhirInstanceValidator module = new FhirInstanceValidator(chain);
    module.setAnyExtensionsAllowed(true);
    FhirValidator v = ctx.newValidator();
    v.registerValidatorModule(module);
    return v;
  }
}

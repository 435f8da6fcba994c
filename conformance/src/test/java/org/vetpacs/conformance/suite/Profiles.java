package org.vetpacs.conformance.suite;

import static org.junit.jupiter.api.Assertions.fail;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.vetpacs.fhir.service.FhirValidation;
import org.vetpacs.model.fhir.ConformanceResources;

/**
 * HAPI's instance validator with the published profiles, CodeSystems and ValueSets loaded
 * (model-extensions' {@link ConformanceResources}, the content of the FHIR package), set up as the
 * server sets up its own ({@link FhirValidation}).
 */
final class Profiles {

  static final FhirContext CTX = FhirContext.forR4Cached();

  private static final FhirValidation VALIDATION =
      new FhirValidation(CTX, new ConformanceResources(CTX));

  private Profiles() {}

  /** Parses a JSON resource. */
  static IBaseResource parse(String json) {
    return CTX.newJsonParser().parseResource(json);
  }

  /**
   * Fails unless {@code json} (a resource, or a Bundle whose entries are then checked one by one)
   * is valid against R4 and the profiles it claims.
   */
  static void assertValid(String json) {
    IBaseResource resource = parse(json);
    if (resource instanceof Bundle bundle) {
      for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
        check(entry.getResource());
      }
    } else {
      check(resource);
    }
  }

  private static void check(IBaseResource resource) {
    try {
      VALIDATION.validate(resource);
    } catch (UnprocessableEntityException e) {
      StringBuilder issues = new StringBuilder();
      OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
      for (OperationOutcome.OperationOutcomeIssueComponent issue : outcome.getIssue()) {
        issues.append("\n  ").append(issue.getExpression()).append(": ").append(issue.getDiagnostics());
      }
      fail(resource.getIdElement().getValue() + " is not valid against the published profiles:"
          + issues);
    }
  }
}

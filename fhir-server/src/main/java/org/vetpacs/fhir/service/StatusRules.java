package org.vetpacs.fhir.service;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * A status lifecycle: which statuses a resource may be created in and which transitions an update
 * may make. A violation is answered 422 with an OperationOutcome (code {@code business-rule})
 * naming the status element.
 */
final class StatusRules {

  private final String element;
  private final Set<String> initial;
  private final Map<String, Set<String>> transitions;

  StatusRules(String element, Set<String> initial, Map<String, Set<String>> transitions) {
    this.element = element;
    this.initial = initial;
    this.transitions = transitions;
  }

  void checkCreate(FhirContext ctx, String status) {
    if (status == null || !initial.contains(status)) {
      throw violation(ctx, "A new resource must have " + element + " in " + initial + ", not "
          + status);
    }
  }

  void checkTransition(FhirContext ctx, String from, String to) {
    Set<String> allowed = transitions.getOrDefault(from, Set.of());
    if (to == null || !allowed.contains(to)) {
      throw violation(ctx, element + " cannot change from " + from + " to " + to
          + (allowed.isEmpty() ? " (" + from + " is final)" : "; allowed: " + allowed));
    }
  }

  private UnprocessableEntityException violation(FhirContext ctx, String message) {
    OperationOutcome oo = new OperationOutcome();
    oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(OperationOutcome.IssueType.BUSINESSRULE)
        .setDiagnostics(message)
        .addExpression(element);
    return new UnprocessableEntityException(ctx, oo);
  }
}

package org.vetpacs.fhir.web;

import ca.uhn.fhir.rest.api.MethodOutcome;
import org.hl7.fhir.r4.model.DomainResource;
import org.vetpacs.fhir.service.ResourceService;

/** The MethodOutcome of a create or update: the versioned id (Location, ETag) and the body. */
final class Outcomes {

  private Outcomes() {}

  static MethodOutcome created(ResourceService.Saved<? extends DomainResource> saved) {
    MethodOutcome out = new MethodOutcome(saved.resource().getIdElement(), saved.created());
    out.setResource(saved.resource());
    return out;
  }

  static MethodOutcome updated(DomainResource resource) {
    MethodOutcome out = new MethodOutcome(resource.getIdElement(), false);
    out.setResource(resource);
    return out;
  }
}

package org.vetpacs.fhir.service;

/**
 * CDI event fired after a FHIR resource version is durably stored (a create or an update, by a
 * client or by the server itself), and for a derived {@code ImagingStudy} when the archive changed
 * its study. Observers (worklist, billing, subscriptions, audit) react to it; the services never
 * call them directly.
 *
 * @param type the resource type, e.g. {@code ServiceRequest}
 * @param id the logical id
 * @param version the version just written (for a derived ImagingStudy, 0)
 * @param created true for version 1 of a stored resource, or the first instance of a study
 */
public record FhirResourceChanged(String type, String id, long version, boolean created) {

  /**
   * The relative reference.
   *
   * @return e.g. {@code ServiceRequest/123}
   */
  public String reference() {
    return type + "/" + id;
  }
}

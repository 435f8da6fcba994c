package org.vetpacs.fhir.service;

import java.time.Instant;
import java.util.List;

/**
 * One version of one FHIR resource as the store keeps it.
 *
 * @param type the resource type, e.g. {@code Patient}
 * @param id the logical id
 * @param version the version, 1 for the first
 * @param lastUpdated when this version was written
 * @param json the resource in FHIR JSON, with {@code meta.versionId} and {@code lastUpdated}
 * @param keys the search keys ({@code param=value}, see {@link SearchKeys})
 * @param date the value of the type's date search parameter (e.g. {@code birthdate}), as {@link
 *     SearchKeys#instant} text, or {@code null}
 */
public record StoredResource(
    String type, String id, long version, Instant lastUpdated, String json, List<String> keys,
    String date) {

  /** Copies the key list. */
  public StoredResource {
    keys = keys == null ? List.of() : List.copyOf(keys);
  }
}

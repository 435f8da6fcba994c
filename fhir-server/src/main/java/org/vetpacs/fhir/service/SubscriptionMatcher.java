package org.vetpacs.fhir.service;

import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;

/**
 * Decides whether a changed resource matches a subscription's criteria by running the criteria as
 * the same search a client would make, narrowed to the changed resource: the FHIR store's query
 * for stored types, {@link ImagingStudyService}'s index filters for ImagingStudy. There is no
 * second matcher to drift from the search (FHIR R4 subscription.html: "the criteria are the same
 * as a search").
 */
public class SubscriptionMatcher {

  private final FhirResourceStore store;
  private final ImagingStudyService studies;

  /**
   * Creates the matcher.
   *
   * @param store the FHIR store
   * @param studies the ImagingStudy projection, or {@code null} (then no ImagingStudy matches)
   */
  public SubscriptionMatcher(FhirResourceStore store, ImagingStudyService studies) {
    this.store = store;
    this.studies = studies;
  }

  /**
   * Whether the current version of a resource matches.
   *
   * @param criteria the criteria
   * @param type the resource type
   * @param id the logical id
   * @return true when the criteria's search finds the resource
   */
  public boolean matches(SubscriptionCriteria criteria, String type, String id) {
    if (!criteria.type().equals(type)) {
      return false;
    }
    if ("ImagingStudy".equals(type)) {
      if (studies == null) {
        return false;
      }
      Integer found = studies.search(imagingStudyFilter(criteria, id), false, null).size();
      return found != null && found > 0;
    }
    return store.count(criteria.storeQuery(id)) > 0;
  }

  /** The filter ImagingStudyResourceProvider builds for the same parameters, plus the study. */
  private Bson imagingStudyFilter(SubscriptionCriteria criteria, String studyUid) {
    List<Bson> all = new ArrayList<>();
    all.add(Filters.eq("_id", studyUid));
    for (SubscriptionCriteria.Param p : criteria.params()) {
      List<Bson> any = new ArrayList<>();
      for (String v : p.values()) {
        switch (p.name()) {
          case "_id" -> any.add(Filters.eq("_id", v));
          case "patient", "subject" -> any.add(studies.patientFilter(
              idPart(SubscriptionCriteria.reference(p, v))));
          case "basedon" -> any.add(studies.basedOnFilter(
              idPart(SubscriptionCriteria.reference(p, v))));
          case "modality" -> any.add(Filters.eq("modalitiesInStudy",
              v.contains("|") ? v.substring(v.indexOf('|') + 1) : v));
          default -> throw new IllegalStateException("unsupported " + p.name());
        }
      }
      all.add(Filters.or(any));
    }
    return Filters.and(all);
  }

  private static String idPart(String relative) {
    return relative.substring(relative.indexOf('/') + 1);
  }
}

package org.vetpacs.fhir.service;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.Include;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * {@code _include} and {@code _revinclude} for one page of results. Forward includes follow the
 * references the page's resources hold; reverse includes find stored resources whose search key
 * {@code param=Type/id} points at the page (the same keys searches use). ImagingStudy, which is
 * not stored, is read or searched through its own service.
 */
public final class IncludeResolver {

  /** Most resources one page includes. */
  static final int MAX_INCLUDED = 1000;

  private final FhirContext ctx;
  private final FhirResourceStore store;
  private final Function<String, Optional<ImagingStudy>> imagingStudy;
  private final Function<String, List<ImagingStudy>> imagingStudiesOfPatient;

  /**
   * Creates the resolver.
   *
   * @param ctx the R4 context
   * @param store the store
   * @param imagingStudy reads an ImagingStudy by id
   * @param imagingStudiesOfPatient the ImagingStudies of a Patient id
   */
  public IncludeResolver(FhirContext ctx, FhirResourceStore store,
      Function<String, Optional<ImagingStudy>> imagingStudy,
      Function<String, List<ImagingStudy>> imagingStudiesOfPatient) {
    this.ctx = ctx;
    this.store = store;
    this.imagingStudy = imagingStudy;
    this.imagingStudiesOfPatient = imagingStudiesOfPatient;
  }

  /**
   * What one search asked to include.
   *
   * @param resolver the resolver
   * @param includes {@code _include} values
   * @param revIncludes {@code _revinclude} values
   */
  public record Request(IncludeResolver resolver, Set<Include> includes, Set<Include> revIncludes) {

    /**
     * The resources a page includes, without duplicates and without the page's own.
     *
     * @param page the page
     * @return the included resources
     */
    public List<IBaseResource> resolve(List<IBaseResource> page) {
      return resolver.resolve(page, includes, revIncludes);
    }
  }

  /**
   * A request for a search.
   *
   * @param includes {@code _include} values, may be {@code null}
   * @param revIncludes {@code _revinclude} values, may be {@code null}
   * @return the request
   */
  public Request request(Set<Include> includes, Set<Include> revIncludes) {
    return new Request(this, includes == null ? Set.of() : includes,
        revIncludes == null ? Set.of() : revIncludes);
  }

  List<IBaseResource> resolve(List<IBaseResource> page, Set<Include> includes,
      Set<Include> revIncludes) {
    Map<String, IBaseResource> out = new LinkedHashMap<>();
    Set<String> seen = new LinkedHashSet<>();
    for (IBaseResource r : page) {
      seen.add(key(r));
    }
    for (Include include : includes) {
      for (IBaseResource r : page) {
        for (Reference ref : references(r, include.getValue())) {
          String rel = SearchKeys.relative(ref.getReference());
          if (rel != null && !seen.contains(rel) && !out.containsKey(rel)
              && out.size() < MAX_INCLUDED) {
            fetch(rel).ifPresent(found -> out.put(rel, found));
          }
        }
      }
    }
    for (Include rev : revIncludes) {
      String[] parts = rev.getValue().split(":");
      if (parts.length < 2) {
        continue;
      }
      String type = parts[0];
      String param = parts[1];
      Set<String> targets = new LinkedHashSet<>();
      for (IBaseResource r : page) {
        targets.add(key(r));
      }
      List<IBaseResource> found = new ArrayList<>();
      if (type.equals("ImagingStudy")) {
        for (String t : targets) {
          if (t.startsWith("Patient/")) {
            found.addAll(imagingStudiesOfPatient.apply(t.substring("Patient/".length())));
          }
        }
      } else {
        Set<String> keys = new LinkedHashSet<>();
        targets.forEach(t -> keys.add(param + "=" + t));
        StoreQuery q = new StoreQuery.Builder(type).and(new StoreQuery.AnyKey(keys)).build();
        for (StoredResource s : store.search(q, 0, MAX_INCLUDED)) {
          found.add(parse(s));
        }
      }
      for (IBaseResource f : found) {
        String k = key(f);
        if (!seen.contains(k) && out.size() < MAX_INCLUDED) {
          out.putIfAbsent(k, f);
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  private Optional<IBaseResource> fetch(String relative) {
    String[] parts = relative.split("/");
    if (parts[0].equals("ImagingStudy")) {
      return imagingStudy.apply(parts[1]).map(IBaseResource.class::cast);
    }
    return store.read(parts[0], parts[1]).map(this::parse);
  }

  private IBaseResource parse(StoredResource s) {
    DomainResource r = (DomainResource) ctx.newJsonParser().parseResource(s.json());
    r.setId(new IdType(s.type(), s.id(), Long.toString(s.version())));
    return r;
  }

  private static String key(IBaseResource r) {
    return r.getIdElement().getResourceType() + "/" + r.getIdElement().getIdPart();
  }

  /** The references an include ({@code Type:param}) follows from a resource. */
  static List<Reference> references(IBaseResource r, String include) {
    List<Reference> refs = new ArrayList<>();
    switch (include) {
      case "ImagingStudy:subject", "ImagingStudy:patient" -> {
        if (r instanceof ImagingStudy s) {
          refs.add(s.getSubject());
        }
      }
      case "ImagingStudy:basedon" -> {
        if (r instanceof ImagingStudy s) {
          refs.addAll(s.getBasedOn());
        }
      }
      case "DiagnosticReport:subject", "DiagnosticReport:patient" -> {
        if (r instanceof DiagnosticReport d) {
          refs.add(d.getSubject());
        }
      }
      case "DiagnosticReport:imaging-study" -> {
        if (r instanceof DiagnosticReport d) {
          refs.addAll(d.getImagingStudy());
        }
      }
      case "DiagnosticReport:based-on" -> {
        if (r instanceof DiagnosticReport d) {
          refs.addAll(d.getBasedOn());
        }
      }
      case "ServiceRequest:subject", "ServiceRequest:patient" -> {
        if (r instanceof ServiceRequest s) {
          refs.add(s.getSubject());
        }
      }
      case "Patient:link" -> {
        if (r instanceof Patient p) {
          p.getLink().forEach(l -> refs.add(l.getOther()));
        }
      }
      case "RelatedPerson:patient" -> {
        if (r instanceof RelatedPerson p) {
          refs.add(p.getPatient());
        }
      }
      default -> {
        // not an include this server offers; HAPI rejects those before we get here
      }
    }
    return refs;
  }
}

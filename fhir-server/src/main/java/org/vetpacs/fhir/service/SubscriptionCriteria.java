package org.vetpacs.fhir.service;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.vetpacs.model.identity.ClinicName;

/**
 * The parsed {@code Subscription.criteria} (FHIR R4 subscription.html: "a search URL,
 * {@code Type?params}"), restricted to the search parameters our providers serve, so a
 * subscription matches exactly what the same search would return. For the stored types the
 * criteria become a {@link StoreQuery} with the key scheme of {@link SearchKeys}; a changed
 * resource matches when that query, narrowed to its id, finds it. ImagingStudy (a projection of
 * the DICOM index) is matched by {@link SubscriptionMatcher} through {@link ImagingStudyService}.
 *
 * @param type the resource type
 * @param params the parameters in order, each with its comma-separated values (an OR)
 */
public record SubscriptionCriteria(String type, List<Param> params) {

  /** The element named in the OperationOutcome of invalid criteria. */
  public static final String ELEMENT = "Subscription.criteria";

  /** Kinds of search parameter (FHIR R4 search.html 3.1.1.4). */
  public enum Kind {
    /** {@code _id}. */
    ID,
    /** token: {@code [system|]code}. */
    TOKEN,
    /** reference: {@code [Type/]id}. */
    REFERENCE,
    /** string: starts with, folded. */
    STRING,
    /** date with prefixes. */
    DATE
  }

  /**
   * One parameter.
   *
   * @param name the name, e.g. {@code patient}
   * @param kind its kind
   * @param defaultType for references, the type of a bare id
   * @param values the values (OR)
   */
  public record Param(String name, Kind kind, String defaultType, List<String> values) {}

  /** What each type's provider supports (kind and default reference type). */
  private static final Map<String, Map<String, Param>> SUPPORTED = Map.of(
      "ChargeItem", params(
          p("_id", Kind.ID, null), p("identifier", Kind.TOKEN, null),
          p("patient", Kind.REFERENCE, "Patient"), p("subject", Kind.REFERENCE, "Patient"),
          p("service", Kind.REFERENCE, "ServiceRequest"), p("status", Kind.TOKEN, null),
          p("code", Kind.TOKEN, null), p("entered-date", Kind.DATE, null)),
      "Task", params(
          p("_id", Kind.ID, null), p("status", Kind.TOKEN, null), p("code", Kind.TOKEN, null),
          p("focus", Kind.REFERENCE, null), p("patient", Kind.REFERENCE, "Patient")),
      "DiagnosticReport", params(
          p("_id", Kind.ID, null), p("identifier", Kind.TOKEN, null),
          p("patient", Kind.REFERENCE, "Patient"), p("subject", Kind.REFERENCE, "Patient"),
          p("based-on", Kind.REFERENCE, "ServiceRequest"),
          p("imaging-study", Kind.REFERENCE, "ImagingStudy"), p("status", Kind.TOKEN, null),
          p("performer", Kind.REFERENCE, "Practitioner"), p("code", Kind.TOKEN, null),
          p("issued", Kind.DATE, null)),
      "ServiceRequest", params(
          p("_id", Kind.ID, null), p("identifier", Kind.TOKEN, null),
          p("patient", Kind.REFERENCE, "Patient"), p("subject", Kind.REFERENCE, "Patient"),
          p("status", Kind.TOKEN, null), p("code", Kind.TOKEN, null),
          p("authored", Kind.DATE, null)),
      "Patient", params(
          p("_id", Kind.ID, null), p("identifier", Kind.TOKEN, null),
          p("name", Kind.STRING, null), p("family", Kind.STRING, null),
          p("gender", Kind.TOKEN, null), p("species", Kind.TOKEN, null),
          p("breed", Kind.TOKEN, null), p("birthdate", Kind.DATE, null)),
      "RelatedPerson", params(
          p("_id", Kind.ID, null), p("identifier", Kind.TOKEN, null),
          p("patient", Kind.REFERENCE, "Patient"), p("name", Kind.STRING, null)),
      "ImagingStudy", params(
          p("_id", Kind.ID, null), p("patient", Kind.REFERENCE, "Patient"),
          p("subject", Kind.REFERENCE, "Patient"),
          p("basedon", Kind.REFERENCE, "ServiceRequest"), p("modality", Kind.TOKEN, null)));

  private static Param p(String name, Kind kind, String defaultType) {
    return new Param(name, kind, defaultType, List.of());
  }

  private static Map<String, Param> params(Param... ps) {
    Map<String, Param> m = new java.util.HashMap<>();
    for (Param x : ps) {
      m.put(x.name(), x);
    }
    return Map.copyOf(m);
  }

  /** Copies the parameters. */
  public SubscriptionCriteria {
    params = List.copyOf(params);
  }

  /**
   * The types a subscription may watch.
   *
   * @return the type names
   */
  public static Set<String> supportedTypes() {
    return SUPPORTED.keySet();
  }

  /**
   * Parses criteria.
   *
   * @param ctx the R4 context (for the OperationOutcome)
   * @param criteria e.g. {@code DiagnosticReport?status=final&patient=Patient/123}
   * @return the parsed criteria
   * @throws UnprocessableEntityException (422) naming {@code Subscription.criteria} when the type
   *     or a parameter is not supported or a value is malformed
   */
  public static SubscriptionCriteria parse(FhirContext ctx, String criteria) {
    if (criteria == null || criteria.isBlank()) {
      throw invalid(ctx, "Subscription.criteria is required, e.g. DiagnosticReport?status=final");
    }
    String c = criteria.trim();
    int q = c.indexOf('?');
    String type = q < 0 ? c : c.substring(0, q);
    Map<String, Param> supported = SUPPORTED.get(type);
    if (supported == null) {
      throw invalid(ctx, "Subscriptions are supported for " + new java.util.TreeSet<>(
          SUPPORTED.keySet()) + ", not: " + type);
    }
    List<Param> params = new ArrayList<>();
    if (q >= 0 && q < c.length() - 1) {
      for (String pair : c.substring(q + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String raw = eq < 0 ? "" : pair.substring(eq + 1);
        Param def = supported.get(name);
        if (def == null) {
          throw invalid(ctx, "Unsupported search parameter for " + type + " criteria: " + name
              + "; supported: " + new java.util.TreeSet<>(supported.keySet()));
        }
        List<String> values = new ArrayList<>();
        for (String v : raw.split(",")) {
          String value = decode(v).trim();
          if (!value.isEmpty()) {
            values.add(value);
          }
        }
        if (values.isEmpty()) {
          throw invalid(ctx, "No value for " + name + " in " + criteria);
        }
        Param param = new Param(name, def.kind(), def.defaultType(), values);
        check(ctx, param);
        params.add(param);
      }
    }
    return new SubscriptionCriteria(type, params);
  }

  /**
   * The store query of these criteria, narrowed to one resource (for the stored types).
   *
   * @param id the logical id of the changed resource
   * @return the query
   */
  public StoreQuery storeQuery(String id) {
    StoreQuery.Builder b = new StoreQuery.Builder(type);
    for (Param p : params) {
      b.and(condition(p));
    }
    b.and(new StoreQuery.IdIn(Set.of(id)));
    return b.build();
  }

  /**
   * A reference value as {@code Type/id}.
   *
   * @param p the parameter (a reference)
   * @param value the value
   * @return the relative reference
   */
  public static String reference(Param p, String value) {
    if (!value.contains("/") && p.defaultType() == null) {
      return value; // e.g. Task?focus= needs Type/id: refused by the check
    }
    String rel = value.contains("/") ? SearchKeys.relative(value) : p.defaultType() + "/" + value;
    return rel == null ? value : rel;
  }

  private static StoreQuery.Condition condition(Param p) {
    Set<String> keys = new LinkedHashSet<>();
    switch (p.kind()) {
      case ID -> {
        return new StoreQuery.IdIn(new LinkedHashSet<>(p.values()));
      }
      case TOKEN -> p.values().forEach(v -> {
        int bar = v.indexOf('|');
        if (bar < 0) {
          keys.add(p.name() + ":code=" + v);
        } else if (bar == v.length() - 1) {
          keys.add(p.name() + ":system=" + v.substring(0, bar));
        } else {
          keys.add(SearchKeys.tokenKey(p.name(), v.substring(0, bar), v.substring(bar + 1)));
        }
      });
      case REFERENCE -> p.values().forEach(v -> keys.add(p.name() + "=" + reference(p, v)));
      case STRING -> {
        p.values().forEach(v -> keys.add(p.name() + "=" + ClinicName.fold(v)));
        return new StoreQuery.KeyPrefix(keys);
      }
      case DATE -> {
        // One value with its prefix (eq, ge, le, gt, lt), as HAPI parses it for a search.
        DateRangeParam range =
            new DateRangeParam(new ca.uhn.fhir.rest.param.DateParam(p.values().get(0)));
        return new StoreQuery.DateRange(SearchKeys.instant(range.getLowerBoundAsInstant()),
            SearchKeys.instant(range.getUpperBoundAsInstant()));
      }
      default -> throw new IllegalStateException(p.kind().name());
    }
    return new StoreQuery.AnyKey(keys);
  }

  private static void check(FhirContext ctx, Param p) {
    for (String v : p.values()) {
      switch (p.kind()) {
        case REFERENCE -> {
          String rel = reference(p, v);
          if (!rel.matches("[A-Za-z]+/[A-Za-z0-9\\-.]{1,64}")) {
            throw invalid(ctx, "Not a reference for " + p.name() + ": " + v);
          }
        }
        case DATE -> {
          try {
            new ca.uhn.fhir.rest.param.DateParam(v).getValue();
          } catch (RuntimeException e) {
            throw invalid(ctx, "Not a date for " + p.name() + ": " + v);
          }
          if (p.values().size() > 1) {
            throw invalid(ctx, "One date per parameter in criteria: " + p.name());
          }
        }
        default -> {
          // any text is a valid token, id or string
        }
      }
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /**
   * A 422 with an OperationOutcome naming {@code Subscription.criteria}.
   *
   * @param ctx the R4 context
   * @param message what is wrong
   * @return the exception
   */
  static UnprocessableEntityException invalid(FhirContext ctx, String message) {
    OperationOutcome oo = new OperationOutcome();
    oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(OperationOutcome.IssueType.INVALID)
        .setDiagnostics(message)
        .addExpression(ELEMENT);
    return new UnprocessableEntityException(ctx, oo);
  }
}

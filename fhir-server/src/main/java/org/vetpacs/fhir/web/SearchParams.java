package org.vetpacs.fhir.web;

import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringOrListParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import org.vetpacs.fhir.service.SearchKeys;
import org.vetpacs.fhir.service.StoreQuery;
import org.vetpacs.model.identity.ClinicName;

/**
 * Turns HAPI's parsed search parameters into store conditions with the key scheme of {@link
 * SearchKeys}. A comma list (or a repeated value) is an OR; different parameters are ANDed.
 */
final class SearchParams {

  private final StoreQuery.Builder query;

  SearchParams(String type) {
    this.query = new StoreQuery.Builder(type);
  }

  SearchParams ids(TokenOrListParam ids) {
    if (ids != null) {
      Set<String> values = new LinkedHashSet<>();
      ids.getValuesAsQueryTokens().forEach(t -> values.add(t.getValue()));
      query.and(new StoreQuery.IdIn(values));
    }
    return this;
  }

  SearchParams token(String param, TokenOrListParam tokens) {
    return token(param, tokens, v -> null);
  }

  /** A token; {@code alias} maps a bare value to another code (e.g. "dog" to our DOG). */
  SearchParams token(String param, TokenOrListParam tokens, Function<String, String> alias) {
    if (tokens == null) {
      return this;
    }
    Set<String> keys = new LinkedHashSet<>();
    for (TokenParam t : tokens.getValuesAsQueryTokens()) {
      String system = t.getSystem();
      String value = t.getValue();
      if (value == null || value.isEmpty()) {
        if (system == null || system.isEmpty()) {
          throw new InvalidRequestException("Empty token for " + param);
        }
        keys.add(param + ":system=" + system);
      } else if (system == null) {
        keys.add(param + ":code=" + value);
        String other = alias.apply(value);
        if (other != null) {
          keys.add(param + ":code=" + other);
        }
      } else {
        keys.add(SearchKeys.tokenKey(param, system, value));
      }
    }
    query.and(new StoreQuery.AnyKey(keys));
    return this;
  }

  SearchParams string(String param, StringOrListParam strings) {
    if (strings == null) {
      return this;
    }
    Set<String> prefixes = new LinkedHashSet<>();
    Set<String> exact = new LinkedHashSet<>();
    for (StringParam s : strings.getValuesAsQueryTokens()) {
      String folded = ClinicName.fold(s.getValue());
      if (s.isExact()) {
        exact.add(param + "=" + folded);
      } else {
        prefixes.add(param + "=" + folded);
      }
    }
    if (!exact.isEmpty() && prefixes.isEmpty()) {
      query.and(new StoreQuery.AnyKey(exact));
    } else {
      prefixes.addAll(exact);
      query.and(new StoreQuery.KeyPrefix(prefixes));
    }
    return this;
  }

  SearchParams reference(String param, ReferenceOrListParam refs, String defaultType) {
    if (refs == null) {
      return this;
    }
    Set<String> keys = new LinkedHashSet<>();
    for (ReferenceParam r : refs.getValuesAsQueryTokens()) {
      keys.add(param + "=" + relative(r, defaultType));
    }
    query.and(new StoreQuery.AnyKey(keys));
    return this;
  }

  /** A reference parameter as {@code Type/id}. */
  static String relative(ReferenceParam r, String defaultType) {
    if (r.getChain() != null) {
      throw new InvalidRequestException("Chained references are not supported: " + r.getChain());
    }
    String type = r.getResourceType() != null ? r.getResourceType() : defaultType;
    String id = r.getIdPart();
    if (type == null || id == null || id.isEmpty()) {
      throw new InvalidRequestException("A reference needs a type and an id: " + r.getValue());
    }
    return type + "/" + id;
  }

  SearchParams date(DateRangeParam range) {
    if (range != null && !range.isEmpty()) {
      query.and(new StoreQuery.DateRange(SearchKeys.instant(range.getLowerBoundAsInstant()),
          SearchKeys.instant(range.getUpperBoundAsInstant())));
    }
    return this;
  }

  SearchParams and(StoreQuery.Condition c) {
    query.and(c);
    return this;
  }

  /** {@code _sort}: the type's date parameter or {@code _lastUpdated}; anything else is 400. */
  SearchParams sort(SortSpec sort, String dateParam) {
    if (sort == null) {
      return this;
    }
    if (sort.getChain() != null) {
      throw new InvalidRequestException("One _sort parameter is supported");
    }
    boolean desc = sort.getOrder() == SortOrderEnum.DESC;
    if (sort.getParamName().equals(dateParam)) {
      query.sort(StoreQuery.Sort.DATE, desc);
    } else if (sort.getParamName().equals("_lastUpdated")) {
      query.sort(StoreQuery.Sort.LAST_UPDATED, desc);
    } else {
      throw new InvalidRequestException("_sort supports " + dateParam + " and _lastUpdated, not "
          + sort.getParamName());
    }
    return this;
  }

  StoreQuery build() {
    return query.build();
  }
}

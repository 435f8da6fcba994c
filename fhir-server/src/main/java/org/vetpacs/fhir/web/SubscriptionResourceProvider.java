package org.vetpacs.fhir.web;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.StringOrListParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.UriOrListParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Subscription;
import org.vetpacs.fhir.service.StoreQuery;
import org.vetpacs.fhir.service.SubscriptionService;

/**
 * {@code /fhir/Subscription}: rest-hook subscriptions (FHIR R4 subscription.html). The delivery log
 * of one is at {@code /api/subscriptions/{id}/deliveries}.
 */
public class SubscriptionResourceProvider implements IResourceProvider {

  private final SubscriptionService subscriptions;

  SubscriptionResourceProvider(SubscriptionService subscriptions) {
    this.subscriptions = subscriptions;
  }

  @Override
  public Class<Subscription> getResourceType() {
    return Subscription.class;
  }

  @Read(version = true)
  public Subscription read(@IdParam IdType id) {
    return id.hasVersionIdPart() ? subscriptions.vread(id.getIdPart(), id.getVersionIdPart())
        : subscriptions.read(id.getIdPart());
  }

  @History
  public List<Subscription> history(@IdParam IdType id) {
    return subscriptions.history(id.getIdPart());
  }

  @Create
  public MethodOutcome create(@ResourceParam Subscription subscription,
      @ConditionalUrlParam String ifNoneExist) {
    return Outcomes.created(subscriptions.create(subscription, ifNoneExist));
  }

  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam Subscription subscription) {
    return Outcomes.updated(
        subscriptions.update(id.getIdPart(), id.getVersionIdPart(), subscription));
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenOrListParam ids,
      @OptionalParam(name = Subscription.SP_STATUS) TokenOrListParam status,
      @OptionalParam(name = Subscription.SP_TYPE) TokenOrListParam type,
      @OptionalParam(name = Subscription.SP_URL) UriOrListParam url,
      @OptionalParam(name = Subscription.SP_CRITERIA) StringOrListParam criteria) {
    SearchParams p = new SearchParams("Subscription").ids(ids)
        .token("status", status)
        .token("type", type);
    if (url != null) {
      Set<String> keys = new LinkedHashSet<>();
      for (UriParam u : url.getValuesAsQueryTokens()) {
        keys.add("url:code=" + u.getValue());
      }
      p.and(new StoreQuery.AnyKey(keys));
    }
    if (criteria != null) {
      // criteria is matched exactly (it is a search URL, not text to fold)
      Set<String> keys = new LinkedHashSet<>();
      for (StringParam c : criteria.getValuesAsQueryTokens()) {
        keys.add("criteria:code=" + c.getValue());
      }
      p.and(new StoreQuery.AnyKey(keys));
    }
    return subscriptions.search(p.build(), null);
  }
}

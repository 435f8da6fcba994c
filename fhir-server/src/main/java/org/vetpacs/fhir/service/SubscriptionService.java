package org.vetpacs.fhir.service;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;

/**
 * FHIR R4 Subscriptions (subscription.html), rest-hook channel. A client creates one with status
 * {@code requested}; the server checks the criteria and the channel and makes it {@code active}
 * (invalid ones are refused with 422 naming the element). The client may set {@code off} and
 * later {@code requested} again; the server sets {@code error} (with {@code Subscription.error})
 * when a notification could not be delivered within the retry policy.
 *
 * <p>Search keys: {@code status}, {@code type} (channel type), {@code url} (channel endpoint),
 * {@code criteria}, and {@code criteria-type} (the criteria's resource type, so that a change
 * only loads the subscriptions of its type).
 */
public class SubscriptionService extends ResourceService<Subscription> {

  /** Payload MIME types we send (R4: absent payload = empty notification). */
  static final Set<String> PAYLOADS = Set.of("application/fhir+json", "application/json");

  /**
   * Creates the service.
   *
   * @param ctx the R4 context
   * @param store the store
   * @param validation the validator, or {@code null}
   */
  public SubscriptionService(FhirContext ctx, FhirResourceStore store, FhirValidation validation) {
    super(ctx, store, validation);
  }

  @Override
  protected Class<Subscription> type() {
    return Subscription.class;
  }

  @Override
  protected String profile() {
    return null;
  }

  @Override
  protected void index(Subscription s, SearchKeys keys) {
    if (s.hasStatus()) {
      keys.token("status", s.getStatus().getSystem(), s.getStatus().toCode());
    }
    if (s.getChannel().hasType()) {
      keys.token("type", s.getChannel().getType().getSystem(), s.getChannel().getType().toCode());
    }
    keys.token("url", null, s.getChannel().getEndpoint());
    keys.token("criteria", null, s.getCriteria());
    if (s.hasCriteria()) {
      String c = s.getCriteria().trim();
      keys.token("criteria-type", null, c.contains("?") ? c.substring(0, c.indexOf('?')) : c);
    }
  }

  @Override
  protected void beforeCreate(Subscription s) {
    SubscriptionStatus status = s.getStatus();
    if (status == SubscriptionStatus.ERROR || status == null || status == SubscriptionStatus.NULL) {
      throw invalid("Subscription.status", "A new Subscription is requested (or off), not "
          + (status == null ? null : status.toCode()));
    }
    activate(s);
  }

  @Override
  protected void beforeUpdate(Subscription current, Subscription updated) {
    if (updated.getStatus() == SubscriptionStatus.ERROR
        && current.getStatus() != SubscriptionStatus.ERROR) {
      throw invalid("Subscription.status", "Only the server sets error; set requested or off");
    }
    if (updated.getStatus() == SubscriptionStatus.ERROR) {
      // unchanged error (e.g. the client edits the header): keep the server's error text
      updated.setError(current.getError());
    }
    activate(updated);
  }

  /** Checks criteria and channel; requested/active become active, off stays off. */
  private void activate(Subscription s) {
    SubscriptionCriteria.parse(ctx, s.getCriteria());
    Subscription.SubscriptionChannelComponent ch = s.getChannel();
    if (ch.getType() != SubscriptionChannelType.RESTHOOK) {
      throw invalid("Subscription.channel.type", "Only the rest-hook channel is supported, not "
          + (ch.hasType() ? ch.getType().toCode() : null));
    }
    String endpoint = ch.getEndpoint();
    URI uri;
    try {
      uri = endpoint == null ? null : URI.create(endpoint);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw invalid("Subscription.channel.endpoint",
          "A rest-hook needs an absolute http(s) endpoint, not: " + endpoint);
    }
    if (ch.hasPayload() && !PAYLOADS.contains(ch.getPayload())) {
      throw invalid("Subscription.channel.payload",
          "Payload application/fhir+json or none (an empty notification), not: "
              + ch.getPayload());
    }
    for (var h : ch.getHeader()) {
      String v = h.getValue();
      if (v == null || v.indexOf(':') <= 0 || v.contains("\n") || v.contains("\r")) {
        throw invalid("Subscription.channel.header", "A header is 'Name: value', not: " + v);
      }
    }
    if (s.getStatus() == SubscriptionStatus.REQUESTED || s.getStatus() == SubscriptionStatus.ACTIVE) {
      s.setStatus(SubscriptionStatus.ACTIVE);
      s.setError(null);
    }
  }

  /**
   * The active subscriptions whose criteria name a type.
   *
   * @param type the resource type
   * @return the subscriptions (at most 1,000)
   */
  public List<Subscription> activeFor(String type) {
    StoreQuery q = new StoreQuery.Builder(typeName())
        .and(new StoreQuery.AnyKey(Set.of("status:code=active")))
        .and(new StoreQuery.AnyKey(Set.of("criteria-type:code=" + type)))
        .build();
    return store.search(q, 0, 1000).stream().map(this::parse).toList();
  }

  /**
   * Sets an active subscription to {@code error} (R4: "the server has an error executing the
   * notification"), recording why in {@code Subscription.error}.
   *
   * @param id the Subscription id
   * @param error the text
   */
  public void markError(String id, String error) {
    store.read(typeName(), id).map(this::parse).ifPresent(s -> {
      if (s.getStatus() == SubscriptionStatus.ACTIVE) {
        s.setStatus(SubscriptionStatus.ERROR);
        s.setError(error);
        try {
          systemUpdate(id, s);
        } catch (FhirResourceStore.ConcurrentVersionException e) {
          // the client changed it meanwhile: its change wins
        }
      }
    });
  }

  /**
   * The subscription, if it exists.
   *
   * @param id the id
   * @return the current version or empty
   */
  public java.util.Optional<Subscription> find(String id) {
    return store.read(typeName(), id).map(this::parse);
  }

  private UnprocessableEntityException invalid(String element, String message) {
    if (element.equals(SubscriptionCriteria.ELEMENT)) {
      return SubscriptionCriteria.invalid(ctx, message);
    }
    OperationOutcome oo = new OperationOutcome();
    oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(OperationOutcome.IssueType.INVALID)
        .setDiagnostics(message)
        .addExpression(element);
    return new UnprocessableEntityException(ctx, oo);
  }
}

package org.vetpacs.fhir.web;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.hl7.fhir.r4.model.Subscription;
import org.vetpacs.dicomweb.web.Problems;
import org.vetpacs.fhir.service.DeliveryAttempt;
import org.vetpacs.fhir.service.OutboxEntry;
import org.vetpacs.fhir.service.SubscriptionOutbox;
import org.vetpacs.fhir.service.SubscriptionService;

/**
 * {@code GET /api/subscriptions/{id}/deliveries}: the delivery log of a subscription for the
 * operator: its status and error, the notifications still waiting, and every attempt (newest
 * first) with its time, HTTP status or error, and the next attempt. Errors are RFC 9457 problem
 * details.
 */
@Path("api/subscriptions")
public class SubscriptionDeliveriesEndpoint {

  @Inject SubscriptionService subscriptions;
  @Inject SubscriptionOutbox outbox;

  @GET
  @Path("{id}/deliveries")
  @Produces({MediaType.APPLICATION_JSON, Problems.PROBLEM_JSON})
  public Response deliveries(@PathParam("id") String id,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    if (limit < 1 || limit > 1000) {
      return Problems.response(Response.Status.BAD_REQUEST, "limit must be 1 to 1000");
    }
    Subscription s = subscriptions.find(id).orElse(null);
    if (s == null) {
      return Problems.response(Response.Status.NOT_FOUND, "No Subscription/" + id);
    }
    JsonArrayBuilder pending = Json.createArrayBuilder();
    for (OutboxEntry e : outbox.entries(id, limit)) {
      if (e.state() == OutboxEntry.State.PENDING || e.state() == OutboxEntry.State.SENDING) {
        JsonObjectBuilder o = Json.createObjectBuilder()
            .add("resource", e.reference())
            .add("state", e.state().name().toLowerCase(java.util.Locale.ROOT))
            .add("failures", e.failures())
            .add("queued", e.queuedAt().toString());
        add(o, "nextAttempt", e.nextAttemptAt());
        pending.add(o);
      }
    }
    JsonArrayBuilder attempts = Json.createArrayBuilder();
    for (DeliveryAttempt a : outbox.attempts(id, limit)) {
      JsonObjectBuilder o = Json.createObjectBuilder()
          .add("time", a.at().toString())
          .add("resource", a.resource())
          .add("outcome", a.outcome());
      if (a.httpStatus() != null) {
        o.add("httpStatus", a.httpStatus());
      }
      if (a.error() != null) {
        o.add("error", a.error());
      }
      add(o, "nextAttempt", a.nextAttemptAt());
      attempts.add(o);
    }
    JsonObjectBuilder body = Json.createObjectBuilder()
        .add("subscription", "Subscription/" + id)
        .add("status", s.hasStatus() ? s.getStatus().toCode() : "")
        .add("endpoint", s.getChannel().getEndpoint() == null ? "" : s.getChannel().getEndpoint())
        .add("pending", pending)
        .add("attempts", attempts);
    if (s.hasError()) {
      body.add("error", s.getError());
    }
    return Response.ok(body.build().toString()).type(MediaType.APPLICATION_JSON).build();
  }

  private static void add(JsonObjectBuilder o, String name, Instant value) {
    if (value != null) {
      o.add(name, value.toString());
    }
  }
}

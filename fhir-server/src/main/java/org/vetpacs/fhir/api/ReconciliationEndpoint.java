package org.vetpacs.fhir.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.Task;
import org.vetpacs.fhir.service.ReconciliationException;
import org.vetpacs.fhir.service.ReconciliationService;

/**
 * {@code /api/reconciliation}: the queue of studies that matched no order and no registered
 * animal, or several; staff assign them, merge patients, split studies, and read the audit trail. Each item is
 * a FHIR Task; every action rewrites the stored headers (previous values kept in Original
 * Attributes Sequence) and is recorded on its Task.
 */
@Path("api/reconciliation")
@RequestScoped
public class ReconciliationEndpoint {

  private static final int MAX_PAGE = 200;

  @Inject ReconciliationService reconciliation;

  /**
   * The queue; {@code status} = a FHIR Task status (requested, the default; completed; ...) or
   * {@code all}. An unknown status is a 400, not an empty page.
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response list(@QueryParam("status") @DefaultValue("requested") String status,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    Set<String> statuses = "all".equals(status) ? Set.of() : Set.of(taskStatus(status));
    return Response.ok(ReconciliationJson.page(
        reconciliation.queue(statuses, Math.max(0, offset), page(limit)),
        reconciliation.queueSize(statuses))).build();
  }

  private static String taskStatus(String code) {
    try {
      Task.TaskStatus known = Task.TaskStatus.fromCode(code);
      if (known != null) {
        return known.toCode();
      }
    } catch (FHIRException | IllegalArgumentException e) {
      // answered below
    }
    throw new ReconciliationException(ReconciliationException.Kind.INVALID,
        "Unknown status '" + code + "': use a FHIR Task status (requested, completed, ...) or all");
  }

  /** The audit trail: completed assignments and merges, newest first. */
  @GET
  @Path("audit")
  @Produces(MediaType.APPLICATION_JSON)
  public Response audit(@QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    var items = reconciliation.audit(Math.max(0, offset), page(limit));
    return Response.ok(ReconciliationJson.page(items, items.size())).build();
  }

  /** One queue item. */
  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response get(@PathParam("id") String id) {
    return Response.ok(ReconciliationJson.item(reconciliation.item(id)).toString()).build();
  }

  /** Assigns the item's study: {@code {"patient":"Patient/1","order":"ServiceRequest/2"}}. */
  @POST
  @Path("{id}/assign")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response assign(@PathParam("id") String id, @HeaderParam("X-User") String user,
      String body) {
    JsonObject json = ReconciliationJson.body(body);
    var task = reconciliation.assign(id, ReconciliationJson.id(json, "patient", "Patient"),
        ReconciliationJson.id(json, "order", "ServiceRequest"), actor(json, user));
    return Response.ok(ReconciliationJson.item(task).toString()).build();
  }

  /** Merges two patients: {@code {"source":"Patient/1","target":"Patient/2"}}. */
  @POST
  @Path("merge")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response merge(@HeaderParam("X-User") String user, String body) {
    JsonObject json = ReconciliationJson.body(body);
    var task = reconciliation.merge(ReconciliationJson.id(json, "source", "Patient"),
        ReconciliationJson.id(json, "target", "Patient"), actor(json, user));
    return Response.ok(ReconciliationJson.item(task).toString()).build();
  }

  /**
   * Splits a study: {@code {"study":"<uid>","series":["<uid>"],"patient":"Patient/1",
   * "order":"ServiceRequest/2"}}; the series move to a new study of that patient.
   */
  @POST
  @Path("split")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response split(@HeaderParam("X-User") String user, String body) {
    JsonObject json = ReconciliationJson.body(body);
    var task = reconciliation.split(ReconciliationJson.id(json, "study", "ImagingStudy"),
        ReconciliationJson.strings(json, "series"),
        ReconciliationJson.id(json, "patient", "Patient"),
        ReconciliationJson.id(json, "order", "ServiceRequest"), actor(json, user));
    return Response.ok(ReconciliationJson.item(task).toString()).build();
  }

  private static String actor(JsonObject json, String user) {
    String fromBody = json.containsKey("actor") && !json.isNull("actor")
        ? json.get("actor").toString().replace("\"", "") : null;
    if (fromBody != null && !fromBody.isBlank()) {
      return fromBody;
    }
    return user == null || user.isBlank() ? "anonymous" : user.trim();
  }

  private static int page(int limit) {
    if (limit < 1) {
      throw new ReconciliationException(ReconciliationException.Kind.INVALID,
          "limit must be at least 1");
    }
    return Math.min(limit, MAX_PAGE);
  }
}

package org.vetpacs.dicomweb.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.vetpacs.dicomweb.web.DicomMediaTypes;
import org.vetpacs.dicomweb.worklist.ProcedureStepStatus;
import org.vetpacs.dicomweb.worklist.WorklistDicomJson;
import org.vetpacs.dicomweb.worklist.WorklistItem;
import org.vetpacs.dicomweb.worklist.WorklistService;

/**
 * {@code /api/worklist}: scheduling of procedure steps for the Modality Worklist (PS3.4 K.6) until
 * the FHIR order workflow exists, and {@code /api/worklist/match}, which shows what a modality's
 * worklist query gets. Errors are RFC 9457 problem details ({@link WorklistProblems}).
 */
@Path("api/worklist")
public class WorklistEndpoint {

  @Inject WorklistService worklist;

  /** Schedules a step: 201 with Location and the item. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response create(String body, @Context UriInfo uriInfo) {
    WorklistItem item = worklist.create(WorklistJson.newItem(body));
    return Response.created(uriInfo.getAbsolutePathBuilder().path(item.getId()).build())
        .entity(WorklistJson.toJson(item).toString())
        .type(MediaType.APPLICATION_JSON)
        .build();
  }

  /**
   * Lists steps by {@code modality}, {@code date} (or range), {@code patientId}, {@code status},
   * {@code station}.
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response list(@Context UriInfo uriInfo) {
    var matches = worklist.search(WorklistJson.listFilters(uriInfo.getQueryParameters()));
    return json(WorklistJson.toJson(matches).toString());
  }

  /** What the Modality Worklist C-FIND answers for these matching keys, as DICOM JSON. */
  @GET
  @Path("match")
  @Produces({DicomMediaTypes.APPLICATION_DICOM_JSON, MediaType.APPLICATION_JSON})
  public Response match(@Context UriInfo uriInfo) {
    var results = worklist.find(WorklistJson.matchKeys(uriInfo.getQueryParameters()));
    return Response.ok(WorklistDicomJson.array(results))
        .type(DicomMediaTypes.APPLICATION_DICOM_JSON)
        .build();
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response get(@PathParam("id") String id) {
    return json(WorklistJson.toJson(worklist.get(id)).toString());
  }

  /** Moves the step to another status: body {@code {"status": "ARRIVED"}}. */
  @PUT
  @Path("{id}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response updateStatus(@PathParam("id") String id, String body) {
    ProcedureStepStatus status = ProcedureStepStatus.parse(WorklistJson.status(body));
    return json(WorklistJson.toJson(worklist.updateStatus(id, status)).toString());
  }

  /** Discontinues the step (it stays on record): 200 with the item. */
  @DELETE
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response discontinue(@PathParam("id") String id) {
    return json(WorklistJson.toJson(worklist.discontinue(id)).toString());
  }

  private static Response json(String body) {
    return Response.ok(body).type(MediaType.APPLICATION_JSON).build();
  }
}

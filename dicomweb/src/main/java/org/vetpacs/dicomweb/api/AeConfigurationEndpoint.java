package org.vetpacs.dicomweb.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.vetpacs.dicomweb.config.ArchiveConfig;
import org.vetpacs.dicomweb.config.KnownAe;

/**
 * {@code GET /api/dicom/aes}: the DIMSE configuration as the server runs it (our AE title and
 * port, whether unknown calling AEs are accepted, the known AEs with their presentation
 * addresses), for whoever sets up a modality or a C-MOVE destination. Read-only: the settings
 * come from MicroProfile Config ({@code vetpacs.ae.title}, {@code vetpacs.dicom.*}).
 */
@Path("api/dicom/aes")
@RequestScoped
public class AeConfigurationEndpoint {

  @Inject ArchiveConfig config;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject get() {
    JsonArrayBuilder known = Json.createArrayBuilder();
    for (KnownAe ae : config.knownAes()) {
      known.add(
          Json.createObjectBuilder()
              .add("aeTitle", ae.aeTitle())
              .add("host", ae.host())
              .add("port", ae.port()));
    }
    return Json.createObjectBuilder()
        .add("aeTitle", config.aeTitle())
        .add("port", config.dicomPort())
        .add("acceptUnknownAes", config.acceptUnknownAes())
        .add("knownAes", known)
        .build();
  }
}

package org.vetpacs.dicomweb.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.vetpacs.dicomweb.config.ArchiveConfig;
import org.vetpacs.dicomweb.conformance.DicomConformanceStatement;
import org.vetpacs.dicomweb.dimse.DimseSettings;

/**
 * {@code GET /api/conformance/dicom}: the DICOM Conformance Statement (PS3.2) of this server, in
 * Markdown, generated from the code and the configuration it runs with. The copy in {@code
 * conformance/dicom-conformance-statement.md} is the same text for the default configuration.
 */
@Path("api/conformance/dicom")
@RequestScoped
public class ConformanceEndpoint {

  /** Markdown (RFC 7763). */
  public static final String TEXT_MARKDOWN = "text/markdown; charset=UTF-8";

  @Inject ArchiveConfig config;

  @GET
  @Produces(TEXT_MARKDOWN)
  public String dicomConformanceStatement() {
    return DicomConformanceStatement.markdown(
        new DicomConformanceStatement.Settings(
            config.aeTitle(),
            config.dicomPort(),
            DimseSettings.DEFAULT_MAX_ASSOCIATIONS,
            config.acceptUnknownAes(),
            config.deleteEnabled()));
  }
}

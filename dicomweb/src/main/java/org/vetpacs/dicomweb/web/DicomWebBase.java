package org.vetpacs.dicomweb.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import org.vetpacs.dicomweb.config.ArchiveConfig;

/** The absolute DICOMweb root URL used in RetrieveURL attributes. */
@ApplicationScoped
public class DicomWebBase {

  /** Path of the DICOMweb root under the application. */
  public static final String ROOT = "dicom-web";

  @Inject ArchiveConfig config;

  /** {@code VETPACS_BASE_URL} if set, else the base of the request, plus {@code /dicom-web}. */
  public String of(UriInfo uriInfo) {
    String base =
        config
            .baseUrl()
            .orElseGet(
                () -> {
                  String uri = uriInfo.getBaseUri().toString();
                  return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
                });
    return base + "/" + ROOT;
  }
}

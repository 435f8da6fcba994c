package org.vetpacs.server;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application at the root: {@code /dicom-web/...} (DICOMweb) and, later, {@code
 * /api/...}. {@code /fhir} is a servlet of its own and {@code /health} is Payara's.
 */
@ApplicationPath("/")
public class VetpacsApplication extends Application {}

package org.vetpacs.model.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.SearchParameter;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * The conformance resources VetPACS publishes: the profiles and search parameters kept as JSON
 * under {@code /fhir/} on the class path (listed in {@link #STRUCTURE_DEFINITIONS} and {@link
 * #SEARCH_PARAMETERS}), and the terminology of {@link VetTerminology}. Loaded once per {@link
 * FhirContext} by the caller (parsing needs one, and a context is expensive).
 */
public final class ConformanceResources {

  /** Profiles: Patient, ServiceRequest, ImagingStudy, DiagnosticReport; the ai-device extension. */
  public static final List<String> STRUCTURE_DEFINITIONS = List.of(
      "fhir/StructureDefinition-vet-patient.json",
      "fhir/StructureDefinition-vet-imaging-order.json",
      "fhir/StructureDefinition-vet-imaging-study.json",
      "fhir/StructureDefinition-vet-imaging-report.json",
      "fhir/StructureDefinition-ai-device.json");

  /** Search parameters VetPACS adds to R4 core. */
  public static final List<String> SEARCH_PARAMETERS = List.of(
      "fhir/SearchParameter-DiagnosticReport-imaging-study.json",
      "fhir/SearchParameter-Patient-species.json",
      "fhir/SearchParameter-Patient-breed.json",
      "fhir/SearchParameter-Patient-owner-name.json",
      "fhir/SearchParameter-ChargeItem-status.json");

  private final List<StructureDefinition> structureDefinitions;
  private final List<SearchParameter> searchParameters;
  private final List<CodeSystem> codeSystems;
  private final List<ValueSet> valueSets;

  /**
   * Loads everything.
   *
   * @param ctx an R4 context
   */
  public ConformanceResources(FhirContext ctx) {
    structureDefinitions = load(ctx, STRUCTURE_DEFINITIONS, StructureDefinition.class);
    searchParameters = load(ctx, SEARCH_PARAMETERS, SearchParameter.class);
    codeSystems = List.of(VetTerminology.speciesCodeSystem(), VetTerminology.breedCodeSystem(),
        VetTerminology.roleCodeSystem());
    valueSets = List.of(VetTerminology.speciesValueSet(), VetTerminology.breedValueSet(),
        VetTerminology.roleValueSet());
  }

  private static <T extends org.hl7.fhir.instance.model.api.IBaseResource> List<T> load(
      FhirContext ctx, List<String> paths, Class<T> type) {
    List<T> out = new ArrayList<>();
    ClassLoader loader = ConformanceResources.class.getClassLoader();
    for (String path : paths) {
      try (InputStream in = loader.getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("Missing class path resource " + path);
        }
        out.add(ctx.newJsonParser().parseResource(type,
            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The profiles (differentials only; the validator generates snapshots).
   *
   * @return the StructureDefinitions
   */
  public List<StructureDefinition> structureDefinitions() {
    return structureDefinitions;
  }

  /**
   * The search parameters VetPACS adds.
   *
   * @return the SearchParameters
   */
  public List<SearchParameter> searchParameters() {
    return searchParameters;
  }

  /**
   * The code systems.
   *
   * @return the CodeSystems
   */
  public List<CodeSystem> codeSystems() {
    return codeSystems;
  }

  /**
   * The value sets.
   *
   * @return the ValueSets
   */
  public List<ValueSet> valueSets() {
    return valueSets;
  }
}

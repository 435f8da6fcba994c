package org.vetpacs.model.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import org.vetpacs.model.animal.Breed;
import org.vetpacs.model.animal.Species;

class ConformanceResourcesTest {

  private static final ConformanceResources RESOURCES =
      new ConformanceResources(FhirContext.forR4Cached());

  @Test
  void profilesLoadWithTheirCanonicalUrls() {
    Set<String> urls = RESOURCES.structureDefinitions().stream()
        .map(sd -> sd.getUrl()).collect(Collectors.toSet());
    assertEquals(Set.of(VetFhir.SD_PATIENT, VetFhir.SD_SERVICE_REQUEST, VetFhir.SD_IMAGING_STUDY,
        VetFhir.SD_DIAGNOSTIC_REPORT, VetFhir.SD_AI_DEVICE), urls);
    RESOURCES.structureDefinitions().forEach(sd -> {
      assertTrue(sd.getUrl().endsWith("/" + sd.getIdElement().getIdPart()));
      assertTrue(sd.getBaseDefinition().endsWith("/" + sd.getType()));
    });
  }

  @Test
  void theAiDeviceExtensionIsPublishedForDiagnosticReportWithADeviceReference() {
    org.hl7.fhir.r4.model.StructureDefinition ext = RESOURCES.structureDefinitions().stream()
        .filter(sd -> VetFhir.SD_AI_DEVICE.equals(sd.getUrl())).findFirst().orElseThrow();
    assertEquals("Extension", ext.getType());
    assertEquals("DiagnosticReport", ext.getContextFirstRep().getExpression());
    assertTrue(ext.getDifferential().getElement().stream().anyMatch(e ->
        "Extension.value[x]".equals(e.getPath()) && e.getTypeFirstRep().getTargetProfile()
            .get(0).getValue().endsWith("/Device")));
  }

  @Test
  void imagingStudySearchParameterIsDeclared() {
    assertTrue(RESOURCES.searchParameters().stream().anyMatch(
        sp -> VetFhir.SP_DIAGNOSTIC_REPORT_IMAGING_STUDY.equals(sp.getUrl())
            && "imaging-study".equals(sp.getCode())));
  }

  @Test
  void terminologyIsBuiltFromTheEnums() {
    CodeSystem species = VetTerminology.speciesCodeSystem();
    assertEquals(Species.values().length, species.getConcept().size());
    assertEquals(Breed.values().length, VetTerminology.breedCodeSystem().getConcept().size());
    ValueSet vs = VetTerminology.speciesValueSet();
    long verified = java.util.Arrays.stream(Species.values())
        .filter(s -> s.snomedCode() != null).count();
    assertEquals(verified, vs.getCompose().getIncludeFirstRep().getConcept().size());
    assertTrue(vs.getCompose().getIncludeFirstRep().getConcept().stream()
        .anyMatch(c -> "448771007".equals(c.getCode())));
    assertEquals(VetFhir.CS_SPECIES, vs.getCompose().getInclude().get(1).getSystem());
  }

  @Test
  void everyResourceSerializes() {
    FhirContext ctx = FhirContext.forR4Cached();
    VetTerminology.all().forEach(r -> assertTrue(
        ctx.newJsonParser().encodeResourceToString(r).contains(r.getUrl())));
  }
}

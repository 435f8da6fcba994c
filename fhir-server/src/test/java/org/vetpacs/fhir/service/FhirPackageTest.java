package org.vetpacs.fhir.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.vetpacs.model.fhir.ConformanceResources;

class FhirPackageTest {

  private static final FhirContext CTX = FhirContext.forR4Cached();
  private final FhirPackage pkg = new FhirPackage(CTX, new ConformanceResources(CTX));

  private static Map<String, String> untar(byte[] tgz) throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(tgz)))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        files.put(e.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  @Test
  void packageJsonNamesR4AndDependsOnTheCorePackage() throws Exception {
    String json = untar(pkg.tgz()).get("package/package.json");
    assertTrue(json.contains("\"name\": \"vetpacs.fhir.r4\""), json);
    assertTrue(json.contains("\"fhirVersions\": [\"4.0.1\"]"), json);
    assertTrue(json.contains("\"hl7.fhir.r4.core\": \"4.0.1\""), json);
  }

  @Test
  void everyPublishedResourceIsInThePackageAndItsIndex() throws Exception {
    Map<String, String> files = untar(pkg.tgz());
    ConformanceResources r = new ConformanceResources(CTX);
    int count = r.structureDefinitions().size() + r.searchParameters().size()
        + r.codeSystems().size() + r.valueSets().size();
    assertEquals(count + 2, files.size(), files.keySet().toString());
    String index = files.get("package/.index.json");
    r.structureDefinitions().forEach(sd -> {
      String file = "StructureDefinition-" + sd.getIdElement().getIdPart() + ".json";
      assertTrue(files.containsKey("package/" + file), file);
      assertTrue(index.contains("\"filename\": \"" + file + "\""), file);
      assertTrue(index.contains(sd.getUrl()));
    });
    files.keySet().forEach(name -> assertTrue(!name.contains("-null.json"), name));
  }

  @Test
  void theSameResourcesGiveTheSameBytes() {
    assertArrayEquals(pkg.tgz(), pkg.tgz());
  }

  @Test
  void aProfilePageListsTheDifferentialElements() {
    String page = pkg.profilePage("vet-patient");
    assertTrue(page.startsWith("# "), page);
    assertTrue(page.contains("| Element | Card. | Type | Binding | Description |"));
    assertTrue(page.contains("| `Patient"), page);
    assertNull(pkg.profilePage("no-such-profile"));
  }
}

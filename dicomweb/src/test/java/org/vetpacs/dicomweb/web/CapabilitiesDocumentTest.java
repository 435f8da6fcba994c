package org.vetpacs.dicomweb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The Capabilities description (PS3.18 8.9) cannot drift from the endpoints. */
class CapabilitiesDocumentTest {

  private static final String BASE = "http://pacs.example/dicom-web";

  @Test
  void everyEndpointClassUnderTheDicomWebRootIsDescribed() throws Exception {
    URL here = DicomWebBase.class.getResource("DicomWebBase.class");
    List<Class<?>> endpoints = new ArrayList<>();
    try (Stream<java.nio.file.Path> files = Files.list(Paths.get(here.toURI()).getParent())) {
      for (java.nio.file.Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".class") || name.contains("$")) {
          continue;
        }
        Class<?> type =
            Class.forName("org.vetpacs.dicomweb.web." + name.substring(0, name.length() - 6));
        Path path = type.getAnnotation(Path.class);
        if (path != null && path.value().startsWith(DicomWebBase.ROOT)) {
          endpoints.add(type);
        }
      }
    }
    assertFalse(endpoints.isEmpty());
    for (Class<?> endpoint : endpoints) {
      assertTrue(
          CapabilitiesDocument.ENDPOINTS.contains(endpoint),
          endpoint.getSimpleName() + " is not in CapabilitiesDocument.ENDPOINTS");
    }
  }

  @Test
  void everyResourceMethodOfEveryEndpointAppearsInTheDocument() {
    CapabilitiesDocument document = CapabilitiesDocument.ofEndpoints();
    List<String> described = new ArrayList<>();
    document.resources().forEach(r -> r.operations().forEach(o -> described.add(o.id())));
    int methods = 0;
    for (Class<?> endpoint : CapabilitiesDocument.ENDPOINTS) {
      for (Method m : endpoint.getDeclaredMethods()) {
        boolean resourceMethod =
            Stream.of(m.getAnnotations())
                .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
        if (resourceMethod) {
          methods++;
          assertTrue(
              described.contains(endpoint.getSimpleName() + "." + m.getName()),
              endpoint.getSimpleName() + "." + m.getName() + " missing from the capabilities");
        }
      }
    }
    assertEquals(methods, described.size());
  }

  /** An endpoint with a kind of resource no representation rule covers. */
  @Path(DicomWebBase.ROOT)
  static class Unknown {
    @GET
    @Path("workitems")
    public String workitems() {
      return "";
    }
  }

  @Test
  void aResourceWithoutRepresentationRuleFailsGeneration() {
    assertThrows(IllegalStateException.class, () -> CapabilitiesDocument.of(List.of(Unknown.class)));
  }

  @Test
  void wadlIsWellFormedAndDescribesStowQidoWadoAndDelete() throws Exception {
    String wadl = CapabilitiesDocument.ofEndpoints().toWadl(BASE);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document doc =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(wadl.getBytes(StandardCharsets.UTF_8)));
    assertEquals("application", doc.getDocumentElement().getLocalName());
    Element resources = (Element) doc.getElementsByTagNameNS("*", "resources").item(0);
    assertEquals(BASE + "/", resources.getAttribute("base"));
    List<String> paths = new ArrayList<>();
    NodeList nodes = doc.getElementsByTagNameNS("*", "resource");
    for (int i = 0; i < nodes.getLength(); i++) {
      paths.add(((Element) nodes.item(i)).getAttribute("path"));
    }
    for (String expected :
        List.of(
            "studies",
            "series",
            "instances",
            "studies/{study}",
            "studies/{study}/series/{series}/instances/{instance}/metadata",
            "studies/{study}/series/{series}/instances/{instance}/frames/{frames}",
            "studies/{study}/series/{series}/instances/{instance}/bulkdata/{path}",
            "studies/{study}/thumbnail")) {
      assertTrue(paths.contains(expected), expected + " not in " + paths);
    }
    assertTrue(wadl.contains("<method name=\"POST\" id=\"StowEndpoint.store\">"));
    assertTrue(wadl.contains("<method name=\"DELETE\" id=\"DeleteEndpoint.deleteStudy\">"));
    assertTrue(wadl.contains("mediaType=\"application/dicom+json\""));
    assertTrue(wadl.contains("mediaType=\"multipart/related; type=&quot;application/dicom&quot;\""));
    assertTrue(wadl.contains("<param name=\"study\" style=\"template\""));
    assertTrue(wadl.contains("<param name=\"fuzzymatching\" style=\"query\""));
  }

  @Test
  void jsonFormDescribesTheSameResources() {
    CapabilitiesDocument document = CapabilitiesDocument.ofEndpoints();
    JsonObject json = Json.createReader(new StringReader(document.toJson(BASE))).readObject();
    assertEquals(BASE, json.getString("base"));
    assertEquals(document.resources().size(), json.getJsonArray("resources").size());
  }

  @Test
  void aResourcePathSelectsItsTemplateAndAllowsItsMethods() {
    CapabilitiesDocument study = CapabilitiesDocument.ofEndpoints().forPath("/studies/1.2.3");
    assertEquals(1, study.resources().size());
    assertEquals("studies/{study}", study.resources().get(0).path());
    assertEquals("DELETE, GET, OPTIONS, POST", study.allow());

    CapabilitiesDocument series = CapabilitiesDocument.ofEndpoints().forPath("studies/1.2.3/series");
    assertEquals("studies/{study}/series", series.resources().get(0).path());
    assertEquals("GET, OPTIONS", series.allow());

    CapabilitiesDocument bulk =
        CapabilitiesDocument.ofEndpoints()
            .forPath("studies/1/series/2/instances/3/bulkdata/00540016/1/00181072");
    assertEquals(1, bulk.resources().size());
  }

  @Test
  void theRootDescribesEverythingAndAnUnknownPathNothing() {
    CapabilitiesDocument all = CapabilitiesDocument.ofEndpoints();
    assertEquals(all.resources().size(), all.forPath("").resources().size());
    assertEquals(all.resources().size(), all.forPath("/").resources().size());
    assertTrue(all.forPath("workitems").resources().isEmpty());
  }

  @Test
  void wadlIsTheDefaultAndJsonOnlyWhenAskedForAlone() {
    MediaType json = new MediaType("application", "json");
    MediaType wadl = new MediaType("application", "vnd.sun.wadl+xml");
    assertFalse(CapabilitiesFilter.prefersJson(List.of()));
    assertFalse(CapabilitiesFilter.prefersJson(List.of(new MediaType("*", "*"))));
    assertFalse(CapabilitiesFilter.prefersJson(List.of(wadl, json)));
    assertTrue(CapabilitiesFilter.prefersJson(List.of(json)));
  }
}

package org.vetpacs.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {

  @Test
  void canonicalFormSortsKeysAtEveryLevelAndKeepsArrayOrder() {
    String a = OpenApiDocument.canonical("{\"b\":1,\"a\":{\"z\":[3,1],\"y\":true}}");
    String b = OpenApiDocument.canonical("{\"a\":{\"y\":true,\"z\":[3,1]},\"b\":1}");
    assertEquals(a, b);
    assertEquals("{\n  \"a\" : {\n    \"y\" : true,\n    \"z\" : [\n      3,\n      1\n    ]\n  },\n"
        + "  \"b\" : 1\n}\n", a);
  }

  @Test
  void payarasNonStandardEndpointsListIsLeftOut() {
    assertFalse(OpenApiDocument.canonical("{\"openapi\":\"3.0.3\",\"endpoints\":{\"/\":[]}}")
        .contains("endpoints"));
  }

  @Test
  void thePublishedDocumentIsInCanonicalForm() {
    String published = OpenApiDocument.published();
    assertEquals(OpenApiDocument.canonical(published), published);
  }
}

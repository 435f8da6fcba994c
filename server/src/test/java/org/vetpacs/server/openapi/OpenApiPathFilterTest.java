package org.vetpacs.server.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OpenApiPathFilterTest {

  @Test
  void regularExpressionTemplatesBecomePlainOpenApiTemplates() {
    assertEquals(
        "/dicom-web/studies/{study}/series/{series}/instances/{instance}/bulkdata/{path}",
        OpenApiPathFilter.plainTemplate(
            "/dicom-web/studies/{study}/series/{series}/instances/{instance}/bulkdata/{path: .+}"));
  }

  @Test
  void apiPathsAreTaggedWithTheirSecondSegmentAndOthersWithTheirFirst() {
    assertEquals("worklist", OpenApiPathFilter.tagOf("/api/worklist/{id}/status"));
    assertEquals("dicom", OpenApiPathFilter.tagOf("/api/dicom/aes"));
    assertEquals("dicom-web", OpenApiPathFilter.tagOf("/dicom-web/studies"));
    assertEquals("wado", OpenApiPathFilter.tagOf("/wado"));
  }

  @Test
  void tagsBecomeLowerCamelCaseOperationIdPrefixes() {
    assertEquals("dicomWeb", OpenApiPathFilter.camel("dicom-web"));
    assertEquals("wado", OpenApiPathFilter.camel("wado"));
    assertEquals("reconciliation", OpenApiPathFilter.camel("reconciliation"));
  }
}

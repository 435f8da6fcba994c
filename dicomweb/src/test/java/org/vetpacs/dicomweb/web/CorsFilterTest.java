package org.vetpacs.dicomweb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorsFilterTest {

  @Test
  void anyOriginIsAnsweredWithAStarByDefault() {
    assertEquals("*", CorsFilter.allowedOrigin(List.of("*"), "http://viewer.example:3000"));
  }

  @Test
  void aListedOriginIsEchoedAndAnotherGetsNoHeader() {
    List<String> allowed = List.of("http://viewer.example:3000", "https://ohif.clinic.lan");
    assertEquals(
        "https://ohif.clinic.lan", CorsFilter.allowedOrigin(allowed, "https://ohif.clinic.lan"));
    assertNull(CorsFilter.allowedOrigin(allowed, "http://evil.example"));
  }

  @Test
  void preflightOffersDeleteOnlyWhenEnabled() {
    assertEquals("GET, POST, DELETE, OPTIONS", CorsFilter.allowedMethods(true));
    assertEquals("GET, POST, OPTIONS", CorsFilter.allowedMethods(false));
  }

  @Test
  void viewersCanReadWarningLocationContentLocationAndEtag() {
    assertEquals("Warning, Location, Content-Location, ETag", CorsFilter.EXPOSED);
    assertEquals("Accept, Content-Type, Authorization", CorsFilter.ALLOWED_HEADERS);
  }
}

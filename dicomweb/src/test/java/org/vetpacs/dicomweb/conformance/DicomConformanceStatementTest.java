package org.vetpacs.dicomweb.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vetpacs.dicomweb.dimse.DimseCapabilities;
import org.vetpacs.dicomweb.ingest.DicomStatus;
import org.vetpacs.dicomweb.web.CapabilitiesDocument;

/**
 * The published DICOM Conformance Statement ({@code conformance/dicom-conformance-statement.md})
 * is what the code generates with the default configuration, and it states every status code of
 * {@link DicomStatus} (STYLE.md habit 3). With {@code -Dvetpacs.conformance.update=true} the
 * first test rewrites the published copy instead.
 */
class DicomConformanceStatementTest {

  /** Relative to this module (the build's working directory). */
  static final Path PUBLISHED = Path.of("..", "conformance", "dicom-conformance-statement.md");

  private final String statement =
      DicomConformanceStatement.markdown(DicomConformanceStatement.Settings.defaults());

  @Test
  void thePublishedStatementIsWhatTheCodeGenerates() throws Exception {
    if (Boolean.getBoolean("vetpacs.conformance.update")) {
      Files.writeString(PUBLISHED, statement, StandardCharsets.UTF_8);
      return;
    }
    String published =
        Files.isRegularFile(PUBLISHED) ? Files.readString(PUBLISHED, StandardCharsets.UTF_8) : "";
    if (!published.equals(statement)) {
      fail(PUBLISHED + " is not what the code generates. If the change is intended, update it:\n"
          + "  ./vetpacs update-conformance   (or: mvn -B test -pl dicomweb -am"
          + " -Dtest=DicomConformanceStatementTest -Dsurefire.failIfNoSpecifiedTests=false"
          + " -Dvetpacs.conformance.update=true)");
    }
  }

  @Test
  void everyStatusCodeIsStatedWithItsMeaning() {
    for (DicomStatus status : DicomStatus.values()) {
      assertTrue(statement.contains("| " + status.hex() + " | " + status.meaning() + " |"),
          status.name());
    }
  }

  @Test
  void eachStatusIsTheOneItsServiceAndCodeLookUp() {
    for (DicomStatus status : DicomStatus.values()) {
      assertEquals(status, DicomStatus.of(status.service(), status.code()), status.name());
    }
  }

  @Test
  void everyPublishedSopClassAndTransferSyntaxIsStated() {
    for (DimseCapabilities.ServiceSupport service : DimseCapabilities.scp()) {
      service.sopClasses().forEach(uid -> assertTrue(statement.contains("`" + uid + "`"), uid));
      service.transferSyntaxes().forEach(uid -> assertTrue(statement.contains("`" + uid + "`"), uid));
    }
  }

  @Test
  void everyDicomWebResourceIsStated() {
    for (CapabilitiesDocument.Resource r : CapabilitiesDocument.ofEndpoints().resources()) {
      assertTrue(statement.contains("| `" + r.path() + "` |"), r.path());
    }
  }

  @Test
  void theStatementFollowsTheConfigurationItIsGiven() {
    String other = DicomConformanceStatement.markdown(
        new DicomConformanceStatement.Settings("CLINIC_PACS", 104, 4, false, true));
    assertTrue(other.contains("`CLINIC_PACS` waits for associations on TCP port 104"));
    assertTrue(other.contains("only the configured known AEs are accepted"));
    assertTrue(other.contains("DELETE is enabled"));
  }
}

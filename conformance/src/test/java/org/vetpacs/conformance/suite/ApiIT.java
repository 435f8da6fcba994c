package org.vetpacs.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vetpacs.conformance.client.ApiException;
import org.vetpacs.conformance.client.api.DicomApi;
import org.vetpacs.conformance.client.api.WorklistApi;

/**
 * {@code /api} through the generated client: the DICOM AE configuration the Conformance Statement
 * describes (and C-ECHO to it, when dcmtk's {@code echoscu} is installed), and the worklist.
 */
class ApiIT {

  @Test
  void theDicomApplicationEntityAnswersCEcho() throws Exception {
    Map<?, ?> ae = (Map<?, ?>) new DicomApi(Target.client()).dicomGet();
    String aeTitle = (String) ae.get("aeTitle");
    assertTrue(aeTitle != null && !aeTitle.isBlank(), "the AE title is published");
    if (!onPath("echoscu")) {
      return; // C-ECHO needs dcmtk; the AE title check above still ran
    }
    int port = ((Number) ae.get("port")).intValue();
    Process echo =
        new ProcessBuilder("echoscu", "-aec", aeTitle, Target.host(), Integer.toString(port))
            .redirectErrorStream(true)
            .start();
    assertTrue(echo.waitFor(60, TimeUnit.SECONDS), "echoscu finished");
    assertEquals(0, echo.exitValue(), new String(echo.getInputStream().readAllBytes()));
  }

  @Test
  void aWorklistItemCreatedIsReadBack() throws ApiException {
    WorklistApi worklist = new WorklistApi(Target.client());
    String body =
        "{\"PatientName\":\"CONFORMANCE^TEST\",\"PatientID\":\"VPCONF1\",\"PatientSex\":\"F\","
            + "\"PatientSpeciesDescription\":\"dog\",\"ResponsiblePerson\":\"TEST^OWNER\","
            + "\"Modality\":\"DX\",\"ScheduledStationAETitle\":\"DR1\","
            + "\"ScheduledProcedureStepStartDate\":\"20261126\","
            + "\"ScheduledProcedureStepStartTime\":\"103000\","
            + "\"RequestedProcedureDescription\":\"Thorax\"}";
    Map<?, ?> created = (Map<?, ?>) worklist.worklistCreate(body);
    String id = (String) created.get("id");
    Map<?, ?> read = (Map<?, ?>) worklist.worklistGet(id);
    assertEquals(id, read.get("id"));
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (new java.io.File(dir, tool).canExecute()) {
        return true;
      }
    }
    return false;
  }
}

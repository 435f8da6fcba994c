package org.vetpacs.dicomweb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.vetpacs.dicomweb.config.ArchiveConfig;
import org.vetpacs.dicomweb.lifecycle.DeleteService;
import org.vetpacs.dicomweb.lifecycle.LifecycleException;
import org.vetpacs.dicomweb.retrieve.RetrieveException;

/** The 405 path of DELETE (the integration tests run with DELETE enabled). */
class DeleteEndpointTest {

  private static DeleteEndpoint endpoint(boolean enabled) {
    DeleteEndpoint endpoint = new DeleteEndpoint();
    endpoint.deletes =
        new DeleteService(
            new ArchiveConfig() {
              @Override
              public boolean deleteEnabled() {
                return enabled;
              }
            },
            null,
            null,
            null,
            null);
    return endpoint;
  }

  @Test
  void deleteOfAStudyWhenDisabledIsMethodNotAllowedWithAllowHeader() {
    LifecycleException e =
        assertThrows(LifecycleException.class, () -> endpoint(false).deleteStudy("1.2.3"));
    assertEquals(405, WebExceptionMappers.Lifecycle.status(e.reason()).getStatusCode());
    assertEquals("GET, POST, OPTIONS", e.allow());
  }

  @Test
  void deleteOfAnInstanceWhenDisabledIsMethodNotAllowed() {
    LifecycleException e =
        assertThrows(
            LifecycleException.class,
            () -> endpoint(false).deleteInstance("1.2.3", "1.2.3.4", "1.2.3.4.5"));
    assertEquals(405, WebExceptionMappers.Lifecycle.status(e.reason()).getStatusCode());
  }

  @Test
  void unknownResourceIsNotFound() {
    assertEquals(
        404,
        WebExceptionMappers.Lifecycle.status(LifecycleException.Reason.NOT_FOUND).getStatusCode());
  }

  @Test
  void malformedUidIsABadRequestEvenWhenDisabled() {
    RetrieveException e =
        assertThrows(RetrieveException.class, () -> endpoint(false).deleteStudy("not-a-uid"));
    assertEquals(RetrieveException.Reason.BAD_REQUEST, e.reason());
  }
}

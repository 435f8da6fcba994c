package org.vetpacs.dicomweb.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.vetpacs.dicomweb.config.ArchiveConfig;
import org.vetpacs.dicomweb.retrieve.ResourceScope;

class DeleteServiceTest {

  /** The configuration with DELETE switched on or off. */
  static ArchiveConfig config(boolean deleteEnabled) {
    return new ArchiveConfig() {
      @Override
      public boolean deleteEnabled() {
        return deleteEnabled;
      }
    };
  }

  @Test
  void deleteIsRefusedAsNotAllowedWhenDisabledBeforeTouchingTheIndex() {
    // no index, blob store or event: a disabled DELETE must not reach them
    DeleteService service = new DeleteService(config(false), null, null, null, null);
    LifecycleException e =
        assertThrows(
            LifecycleException.class,
            () -> service.delete(ResourceScope.study("1.2.3"), "127.0.0.1"));
    assertEquals(LifecycleException.Reason.DISABLED, e.reason());
    assertEquals("GET, POST, OPTIONS", e.allow());
  }

  @Test
  void seriesAndInstanceResourcesAllowOnlyGetAndOptionsWhenDisabled() {
    DeleteService service = new DeleteService(config(false), null, null, null, null);
    LifecycleException series =
        assertThrows(
            LifecycleException.class,
            () -> service.delete(ResourceScope.series("1.2.3", "1.2.3.4"), "127.0.0.1"));
    assertEquals("GET, OPTIONS", series.allow());
    LifecycleException instance =
        assertThrows(
            LifecycleException.class,
            () -> service.delete(ResourceScope.instance("1.2.3", "1.2.3.4", "1.2.3.4.5"), "x"));
    assertEquals("GET, OPTIONS", instance.allow());
  }

  @Test
  void deleteIsOffByDefault() {
    assertEquals(false, new ArchiveConfig().deleteEnabled());
  }
}

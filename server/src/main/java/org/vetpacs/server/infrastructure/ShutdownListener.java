package org.vetpacs.server.infrastructure;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Stops the embedded index last, after the application (and its DIMSE listener) stopped. */
@WebListener
public class ShutdownListener implements ServletContextListener {
  @Override
  public void contextDestroyed(ServletContextEvent event) {
    EmbeddedMongo.stop();
  }
}

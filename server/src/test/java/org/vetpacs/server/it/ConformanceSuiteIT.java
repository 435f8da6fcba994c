package org.vetpacs.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.net.URL;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the conformance suite ({@code org.vetpacs.conformance.suite}, the conformance module's
 * test-jar) against the real WAR: the same classes an integrator runs against any server with
 * {@code -Dvetpacs.url}. One deployment for the whole suite; each failure is reported with its
 * test and message.
 */
@ExtendWith(ArquillianExtension.class)
class ConformanceSuiteIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.vetpacsWar();
  }

  @ArquillianResource URL deployed;

  @Test
  void theServerPassesTheConformanceSuite() {
    System.setProperty("vetpacs.url", Deployments.serverRoot(deployed));
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectPackage("org.vetpacs.conformance.suite"))
            .filters(includeClassNamePatterns(".*IT"))
            .build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener);
    TestExecutionSummary summary = listener.getSummary();
    String failures =
        summary.getFailures().stream()
            .map(f -> f.getTestIdentifier().getDisplayName() + " ("
                + f.getTestIdentifier().getUniqueId() + "):\n" + f.getException())
            .collect(Collectors.joining("\n\n"));
    assertTrue(summary.getTestsFoundCount() > 0, "No conformance suite classes found");
    assertEquals(0, summary.getTotalFailureCount(),
        summary.getTotalFailureCount() + " of " + summary.getTestsFoundCount()
            + " conformance tests failed:\n" + failures);
  }
}

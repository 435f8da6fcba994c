package org.vetpacs.server.it;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The real WAR built by this module, deployed at the root context as Payara Micro runs it. */
final class Deployments {

  private Deployments() {}

  static WebArchive vetpacsWar() {
    File war = new File(System.getProperty("vetpacs.war", "target/vetpacs.war"));
    if (!war.isFile()) {
      throw new IllegalStateException("Build the WAR first (mvn package): " + war);
    }
    // ROOT.war: Payara Micro deploys it at "/", as ./vetpacs run does with --contextroot /
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
  }

  /**
   * The server root on loopback. Arquillian reports the host's network address, which tests must
   * not depend on; the port is what matters.
   */
  static String serverRoot(URL deployed) {
    try {
      URI uri = deployed.toURI();
      return new URL("http", "127.0.0.1", uri.getPort(), "").toString();
    } catch (MalformedURLException | java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

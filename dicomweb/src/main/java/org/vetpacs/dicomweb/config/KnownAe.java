package org.vetpacs.dicomweb.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A remote DICOM Application Entity the archive knows: it may open associations (when the
 * allow-list is on) and is a valid C-MOVE destination.
 *
 * @param aeTitle the AE title (PS3.5 6.2, VR AE: 1-16 characters, no backslash or control
 *     characters, leading and trailing spaces not significant)
 * @param host host name or address where it listens
 * @param port TCP port where it listens; 0 when it only calls us (no presentation address given)
 */
public record KnownAe(String aeTitle, String host, int port) {

  private static final Pattern AE_TITLE = Pattern.compile("[\\x20-\\x5B\\x5D-\\x7E]{1,16}");

  public KnownAe {
    if (aeTitle == null || !AE_TITLE.matcher(aeTitle).matches() || aeTitle.isBlank()) {
      throw new IllegalArgumentException("Not a valid AE title: '" + aeTitle + "'");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("Not a valid port for AE " + aeTitle + ": " + port);
    }
  }

  /** Whether the AE has a presentation address, i.e. can be a C-MOVE destination. */
  public boolean reachable() {
    return host != null && !host.isBlank() && port > 0;
  }

  /**
   * Parses the {@code vetpacs.dicom.known-aes} setting: a comma-separated list of {@code
   * TITLE@host:port} (or just {@code TITLE} for an AE that only calls us), e.g. {@code
   * STORESCP@127.0.0.1:11311,PACS2@10.0.0.5:104,MODALITY1}. A later entry with the same title
   * replaces an earlier one.
   *
   * @throws IllegalArgumentException naming the entry that is malformed
   */
  public static List<KnownAe> parseList(String setting) {
    Map<String, KnownAe> byTitle = new LinkedHashMap<>();
    if (setting == null) {
      return List.of();
    }
    for (String raw : setting.split(",")) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      KnownAe ae = parse(entry);
      byTitle.put(ae.aeTitle(), ae);
    }
    return List.copyOf(new ArrayList<>(byTitle.values()));
  }

  private static KnownAe parse(String entry) {
    int at = entry.lastIndexOf('@');
    if (at < 0) {
      return new KnownAe(entry.strip(), "", 0);
    }
    String title = entry.substring(0, at).strip();
    String address = entry.substring(at + 1).strip();
    int colon = address.lastIndexOf(':');
    if (colon <= 0 || colon == address.length() - 1) {
      throw new IllegalArgumentException(
          "Known AE '" + entry + "' must be TITLE@host:port (e.g. STORESCP@127.0.0.1:11311)");
    }
    String host = address.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1); // IPv6 literal, [::1]:104
    }
    int port;
    try {
      port = Integer.parseInt(address.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Known AE '" + entry + "' has no numeric port", e);
    }
    if (port <= 0) {
      throw new IllegalArgumentException("Known AE '" + entry + "' has port " + port);
    }
    return new KnownAe(title, host, port);
  }
}

package org.vetpacs.dicomweb.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnownAeTest {

  @Test
  void parsesTitleHostPortEntries() {
    List<KnownAe> aes = KnownAe.parseList("STORESCP@127.0.0.1:11311, PACS2@10.0.0.5:104");
    assertEquals(List.of(new KnownAe("STORESCP", "127.0.0.1", 11311),
        new KnownAe("PACS2", "10.0.0.5", 104)), aes);
    assertTrue(aes.get(0).reachable());
  }

  @Test
  void aTitleAloneIsACallerWithoutAddress() {
    KnownAe modality = KnownAe.parseList("ECHOSCU").get(0);
    assertEquals("ECHOSCU", modality.aeTitle());
    assertFalse(modality.reachable());
  }

  @Test
  void emptyOrBlankSettingMeansNoKnownAes() {
    assertEquals(List.of(), KnownAe.parseList(""));
    assertEquals(List.of(), KnownAe.parseList(" , "));
    assertEquals(List.of(), KnownAe.parseList(null));
  }

  @Test
  void ipv6LiteralsAndLaterDuplicatesAreHandled() {
    List<KnownAe> aes = KnownAe.parseList("A@[::1]:104,A@host:105");
    assertEquals(List.of(new KnownAe("A", "host", 105)), aes);
    assertEquals("::1", KnownAe.parseList("B@[::1]:104").get(0).host());
  }

  @Test
  void malformedEntriesAreRefusedNamingTheEntry() {
    IllegalArgumentException noPort =
        assertThrows(IllegalArgumentException.class, () -> KnownAe.parseList("PACS@host"));
    assertTrue(noPort.getMessage().contains("PACS@host"));
    assertThrows(IllegalArgumentException.class, () -> KnownAe.parseList("PACS@host:x"));
    assertThrows(IllegalArgumentException.class, () -> KnownAe.parseList("PACS@host:0"));
    assertThrows(IllegalArgumentException.class, () -> KnownAe.parseList("PACS@host:70000"));
    assertThrows(IllegalArgumentException.class,
        () -> KnownAe.parseList("SEVENTEENCHARSXXX@host:104"));
    assertThrows(IllegalArgumentException.class, () -> KnownAe.parseList("BAD\\AE@host:104"));
  }
}

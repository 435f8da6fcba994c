package org.vetpacs.dicomweb.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetJsonXmlTest {

  private static DicomDataset sample() {
    DicomDataset item = new DicomDataset()
        .put(0x00080100, "SH", "448771007")
        .put(0x00080102, "SH", "SCT")
        .put(0x00080104, "LO", "Canis lupus familiaris");
    return new DicomDataset()
        .put(0x00100010, "PN", "BAILEY^SMITH")
        .put(0x00100020, "LO", "VP<1>&\"")
        .putValues(0x00080061, "CS", List.of("CT", "DX"))
        .putNumber(0x00201208, "IS", 12)
        .putSequence(0x00102202, List.of(item))
        .put(0x00081030, "LO", "");
  }

  @Test
  void jsonRoundTripsThroughTheParser() {
    String json = DatasetJson.toJson(sample());
    DicomDataset back = DatasetJson.parse(json);
    assertEquals("BAILEY^SMITH", back.string(0x00100010));
    assertEquals("VP<1>&\"", back.string(0x00100020));
    assertEquals(List.of("CT", "DX"), back.get(0x00080061).values());
    assertEquals(12L, back.get(0x00201208).values().get(0));
    DicomDataset code = (DicomDataset) back.get(0x00102202).values().get(0);
    assertEquals("448771007", code.string(0x00080100));
    assertTrue(back.get(0x00081030).values().isEmpty());
    assertEquals(json, DatasetJson.toJson(back));
  }

  @Test
  void jsonWritesTagsInAscendingOrderAndEmptyValuesWithoutValue() {
    String json = DatasetJson.toJson(sample());
    assertTrue(json.indexOf("\"00080061\"") < json.indexOf("\"00100010\""), json);
    assertTrue(json.contains("\"00081030\":{\"vr\":\"LO\"}"), json);
    assertTrue(json.contains("\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"BAILEY^SMITH\"}]}"), json);
  }

  @Test
  void xmlFollowsTheNativeDicomModel() {
    String xml = DatasetXml.document(sample());
    assertTrue(xml.contains("<NativeDicomModel xmlns=\"http://dicom.nema.org/PS3.19/models/NativeDICOM\">"));
    assertTrue(xml.contains("<DicomAttribute tag=\"00100010\" keyword=\"PatientName\" vr=\"PN\">"
        + "<PersonName number=\"1\"><Alphabetic><FamilyName>BAILEY</FamilyName>"
        + "<GivenName>SMITH</GivenName></Alphabetic></PersonName></DicomAttribute>"), xml);
    assertTrue(xml.contains("<Value number=\"1\">VP&lt;1&gt;&amp;&quot;</Value>"), xml);
    assertTrue(xml.contains("<Value number=\"2\">DX</Value>"), xml);
    assertTrue(xml.contains("<Item number=\"1\"><DicomAttribute tag=\"00080100\""), xml);
  }

  @Test
  void keywordsResolveBothWays() {
    assertEquals(0x00100010, Keywords.tagOf("PatientName"));
    assertEquals(0x00102201, Keywords.tagOf("00102201"));
    assertEquals("PatientSpeciesDescription", Keywords.keywordOf(0x00102201));
    assertEquals("PN", Keywords.vrOf(0x00100010));
    assertEquals(null, Keywords.tagOf("NotAKeyword"));
  }
}

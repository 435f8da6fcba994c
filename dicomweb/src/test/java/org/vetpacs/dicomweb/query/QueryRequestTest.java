package org.vetpacs.dicomweb.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

class QueryRequestTest {

  private static QueryRequest qido(QueryLevel level, String... pairs) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      parameters.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
    }
    return QueryRequest.fromQido(level, parameters, null, null, "http://h/dicom-web");
  }

  private static String json(QueryKey key, String value, boolean fuzzy) {
    Bson filter = Matchers.filter(key, value, fuzzy);
    return filter == null ? null : filter.toBsonDocument().toJson();
  }

  @Test
  void keysAreAcceptedByKeywordOrTag() {
    QueryRequest r = qido(QueryLevel.STUDY, "PatientID", "VP1", "00080050", "A1");
    assertEquals("VP1", r.matches().get(0x00100020));
    assertEquals("A1", r.matches().get(0x00080050));
  }

  @Test
  void unknownKeywordIsRejected() {
    QueryException e =
        assertThrows(QueryException.class, () -> qido(QueryLevel.STUDY, "NoSuchThing", "x"));
    assertTrue(e.getMessage().contains("NoSuchThing"));
  }

  @Test
  void validKeywordThatCannotBeMatchedIsIgnoredAndReturned() {
    QueryRequest r = qido(QueryLevel.STUDY, "OperatorsName", "X");
    assertEquals(List.of("OperatorsName"), r.ignoredKeys());
    assertTrue(r.include().contains(0x00081070));
    assertFalse(r.matches().containsKey(0x00081070));
  }

  @Test
  void limitOffsetFuzzyAndIncludefieldAreParsed() {
    QueryRequest r =
        qido(QueryLevel.INSTANCE, "limit", "5", "offset", "10", "fuzzymatching", "true",
            "includefield", "Rows,00280011", "includefield", "all");
    assertEquals(5, r.limit());
    assertEquals(10, r.offset());
    assertTrue(r.fuzzy());
    assertTrue(r.includeAll());
    assertEquals(Set.of(0x00280010, 0x00280011), r.include());
  }

  @Test
  void limitIsCappedAndBadNumbersAreRejected() {
    assertEquals(QueryRequest.MAX_LIMIT, qido(QueryLevel.STUDY, "limit", "100000").limit());
    assertThrows(QueryException.class, () -> qido(QueryLevel.STUDY, "limit", "-1"));
    assertThrows(QueryException.class, () -> qido(QueryLevel.STUDY, "offset", "ten"));
    assertThrows(QueryException.class, () -> qido(QueryLevel.STUDY, "fuzzymatching", "yes"));
    assertThrows(QueryException.class, () -> qido(QueryLevel.STUDY, "includefield", "Nope"));
  }

  @Test
  void pathUidsBecomeMatchingKeys() {
    QueryRequest r =
        QueryRequest.fromQido(QueryLevel.INSTANCE, Map.of(), "1.2.3", "1.2.3.4", null);
    assertEquals("1.2.3", r.matches().get(0x0020000D));
    assertEquals("1.2.3.4", r.matches().get(0x0020000E));
  }

  @Test
  void cFindRequestsAreBuiltFromKeywords() {
    QueryRequest r =
        QueryRequest.of(QueryLevel.SERIES, Map.of("Modality", "CT", "SeriesDescription", ""),
            Set.of("NumberOfSeriesRelatedInstances"), false, 0, 100);
    assertEquals("CT", r.matches().get(0x00080060));
    assertEquals("", r.matches().get(0x0008103E));
    assertTrue(r.include().contains(0x00201209));
    assertThrows(QueryException.class,
        () -> QueryRequest.of(QueryLevel.STUDY, Map.of("Bogus", "1"), Set.of(), false, 0, 1));
  }

  @Test
  void universalMatchingAddsNoFilter() {
    QueryKey name = QueryKeys.byTag(0x00100010);
    assertNull(Matchers.filter(name, "", false));
    assertNull(Matchers.filter(name, "*", false));
  }

  @Test
  void personNamesMatchWithoutRegardToCaseOrAccents() {
    QueryKey name = QueryKeys.byTag(0x00100010);
    assertTrue(json(name, "bailey^smith", false).contains("\"patientNameKey\": \"BAILEY^SMITH\""));
    assertTrue(json(name, "Baïley*", false).contains("BAILEY"));
    String fuzzy = json(name, "smith bai", true);
    assertTrue(fuzzy.contains("patientNameTokens"), fuzzy);
    assertTrue(fuzzy.contains("SMITH") && fuzzy.contains("BAI"), fuzzy);
  }

  @Test
  void uidListsDateAndTimeRangesAndNumbers() {
    assertTrue(json(QueryKeys.byTag(0x0020000D), "1.2.3,1.2.4", false).contains("$in"));
    assertTrue(json(QueryKeys.byTag(0x0020000D), "1.2.3\\1.2.4", false).contains("$in"));
    String range = json(QueryKeys.byTag(0x00080020), "20240101-20240131", false);
    assertTrue(range.contains("$gte") && range.contains("$lte"), range);
    assertTrue(json(QueryKeys.byTag(0x00080020), "-20240131", false).contains("$lte"));
    assertTrue(json(QueryKeys.byTag(0x00080020), "20240101-", false).contains("$gte"));
    assertThrows(QueryException.class, () -> json(QueryKeys.byTag(0x00080020), "2024-01-01", false));
    assertThrows(QueryException.class, () -> json(QueryKeys.byTag(0x00080020), "-", false));
    assertTrue(json(QueryKeys.byTag(0x00080030), "10:00-12:00", false).contains("1000"));
    assertTrue(json(QueryKeys.byTag(0x00200013), "3", false).contains("\"instanceNumberValue\": 3"));
    assertThrows(QueryException.class, () -> json(QueryKeys.byTag(0x00200013), "three", false));
  }

  @Test
  void wildcardsBecomeAnchoredRegexesWithLiteralsQuoted() {
    String regex = json(QueryKeys.byTag(0x00100020), "VP.1*", false);
    assertTrue(regex.contains("^\\\\QVP.1\\\\E.*$"), regex);
    assertTrue(json(QueryKeys.byTag(0x00100020), "VP1", false).contains("\"patientId\": \"VP1\""));
  }

  @Test
  void nameNormalizerSplitsClinicConventions() {
    assertEquals(List.of("BAILEY", "SMITH"), NameNormalizer.tokens("Bailey^Smith"));
    assertEquals(List.of("BAILEY", "SMITH"), NameNormalizer.tokens("Bailey Smith"));
    assertEquals(List.of("BAILEY", "DOG"), NameNormalizer.tokens("Bailey (Dog)"));
    assertEquals("ZOE^MULLER", NameNormalizer.key("Zoé^Müller"));
  }
}

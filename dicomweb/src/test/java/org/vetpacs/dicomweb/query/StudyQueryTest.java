package org.vetpacs.dicomweb.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonRegularExpression;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;

/** QIDO-RS study-level query parsing (PS3.18 10.6) and matching (PS3.4 C.2.2.2). */
class StudyQueryTest {

  private static StudyQuery parse(String... nameValuePairs) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      parameters.put(nameValuePairs[i], List.of(nameValuePairs[i + 1]));
    }
    return StudyQuery.parse(parameters);
  }

  private static BsonDocument filter(String... nameValuePairs) {
    return parse(nameValuePairs).filter().toBsonDocument();
  }

  /**
   * The leaf conditions of a filter, with every {@code $and} flattened: {@code Filters.and} keeps a
   * one-element {@code $and}, which MongoDB treats as the element itself.
   */
  private static List<BsonDocument> conditions(BsonDocument filter) {
    List<BsonDocument> result = new ArrayList<>();
    if (filter.size() == 1 && filter.containsKey("$and")) {
      for (BsonValue clause : filter.getArray("$and")) {
        result.addAll(conditions(clause.asDocument()));
      }
    } else if (!filter.isEmpty()) {
      result.add(filter);
    }
    return result;
  }

  /** The only condition of a filter. */
  private static BsonDocument only(BsonDocument filter) {
    List<BsonDocument> all = conditions(filter);
    assertEquals(1, all.size(), filter.toJson());
    return all.get(0);
  }

  /** The condition on {@code field}. */
  private static BsonDocument condition(BsonDocument filter, String field) {
    return conditions(filter).stream()
        .filter(c -> c.containsKey(field))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no condition on " + field + " in " + filter.toJson()));
  }

  @Test
  void noParametersMatchesEverythingWithDefaultPaging() {
    StudyQuery query = parse();
    assertEquals(new BsonDocument(), query.filter().toBsonDocument());
    assertEquals(StudyQuery.MAX_LIMIT, query.limit());
    assertEquals(0, query.offset());
    assertFalse(query.limited());
  }

  @Test
  void unknownKeyIsRejected() {
    QueryException e =
        assertThrows(QueryException.class, () -> parse("SeriesInstanceUID", "1.2.3"));
    assertTrue(e.getMessage().contains("SeriesInstanceUID"), e.getMessage());
    assertThrows(QueryException.class, () -> parse("patientname", "REX"));
    assertThrows(QueryException.class, () -> parse("99990000", "x"));
  }

  @Test
  void limitAndOffsetAreParsed() {
    StudyQuery query = parse("limit", "25", "offset", "50");
    assertEquals(25, query.limit());
    assertEquals(50, query.offset());
    assertTrue(query.limited());
  }

  @Test
  void limitAboveTheMaximumOrZeroIsCappedToTheMaximum() {
    assertEquals(StudyQuery.MAX_LIMIT, parse("limit", "1000000").limit());
    assertEquals(StudyQuery.MAX_LIMIT, parse("limit", "0").limit());
    assertEquals(StudyQuery.MAX_LIMIT, parse("limit", "1000").limit());
    assertEquals(999, parse("limit", "999").limit());
  }

  @Test
  void malformedLimitOrOffsetIsRejected() {
    for (String bad : List.of("-1", "abc", "", "1.5", "99999999999", " 5")) {
      assertThrows(QueryException.class, () -> parse("limit", bad), "limit=" + bad);
      assertThrows(QueryException.class, () -> parse("offset", bad), "offset=" + bad);
    }
  }

  @Test
  void includefieldAcceptsKnownAttributesKeywordsTagsAndAll() {
    parse("includefield", "StudyDescription,00100030, PatientSex");
    parse("includefield", "all");
    parse("includefield", "PatientName"); // a query key is includable too
  }

  @Test
  void includefieldWithUnknownAttributeIsRejected() {
    QueryException e =
        assertThrows(QueryException.class, () -> parse("includefield", "StudyDescription,Bogus"));
    assertTrue(e.getMessage().contains("Bogus"), e.getMessage());
  }

  @Test
  void fuzzymatchingMustBeTrueOrFalse() {
    parse("fuzzymatching", "true");
    parse("fuzzymatching", "false");
    assertThrows(QueryException.class, () -> parse("fuzzymatching", "yes"));
  }

  @Test
  void closedDateRangeIsGteAndLte() {
    BsonDocument f = filter("StudyDate", "20240101-20240131");
    assertEquals(
        List.of(
            BsonDocument.parse("{\"studyDate\": {\"$gte\": \"20240101\"}}"),
            BsonDocument.parse("{\"studyDate\": {\"$lte\": \"20240131\"}}")),
        conditions(f),
        f.toJson());
    String json = f.toJson();
    assertTrue(json.contains("\"$gte\": \"20240101\""), json);
    assertTrue(json.contains("\"$lte\": \"20240131\""), json);
  }

  @Test
  void openStartDateRangeIsLteOnly() {
    BsonDocument range = filter("StudyDate", "-20240131");
    assertEquals(
        BsonDocument.parse("{\"studyDate\": {\"$lte\": \"20240131\"}}"),
        only(range),
        range.toJson());
  }

  @Test
  void openEndDateRangeIsGteOnly() {
    BsonDocument range = filter("00080020", "20240101-");
    assertEquals(
        BsonDocument.parse("{\"studyDate\": {\"$gte\": \"20240101\"}}"),
        only(range),
        range.toJson());
  }

  @Test
  void singleDateIsEquality() {
    assertEquals(
        BsonDocument.parse("{\"studyDate\": \"20240115\"}"), only(filter("StudyDate", "20240115")));
  }

  @Test
  void malformedDatesAreRejected() {
    for (String bad : List.of("2024-01-01", "-", "2024011", "20240101-2024", "abcdefgh",
        "20240101-20240131-20240201")) {
      assertThrows(QueryException.class, () -> parse("StudyDate", bad), "StudyDate=" + bad);
    }
  }

  @Test
  void patientNameIsMatchedUpperCased() {
    BsonDocument f = filter("PatientName", "Rex^Smith");
    assertEquals(BsonDocument.parse("{\"patientNameKey\": \"REX^SMITH\"}"), only(f), f.toJson());
    assertTrue(f.toJson().contains("\"patientNameKey\": \"REX^SMITH\""), f.toJson());
  }

  @Test
  void patientNameWildcardBecomesAnchoredRegex() {
    BsonDocument f = filter("00100010", "re?^Smi*");
    assertTrue(f.toJson().contains("\"patientNameKey\": {\"$regularExpression\""), f.toJson());
    BsonRegularExpression regex = only(f).get("patientNameKey").asRegularExpression();
    Pattern pattern = Pattern.compile(regex.getPattern());
    assertTrue(pattern.matcher("REX^SMITH").matches(), regex.getPattern());
    assertTrue(pattern.matcher("RED^SMI").matches(), regex.getPattern());
    assertFalse(pattern.matcher("REX^JONES").matches(), regex.getPattern());
    assertFalse(pattern.matcher("XREX^SMITH").matches(), regex.getPattern());
  }

  @Test
  void regexMetacharactersInValuesAreLiteral() {
    BsonDocument f = filter("PatientID", "A.B+*");
    Pattern pattern = Pattern.compile(only(f).get("patientId").asRegularExpression().getPattern());
    assertTrue(pattern.matcher("A.B+123").matches());
    assertFalse(pattern.matcher("AXB+123").matches());
  }

  @Test
  void speciesIsMatchedCaseInsensitively() {
    BsonRegularExpression regex =
        only(filter("PatientSpeciesDescription", "canine")).get("patientSpeciesDescription")
            .asRegularExpression();
    assertEquals("i", regex.getOptions());
    assertTrue(
        Pattern.compile(regex.getPattern(), Pattern.CASE_INSENSITIVE).matcher("Canine").matches());
  }

  @Test
  void uidListBecomesIn() {
    BsonDocument f = filter("StudyInstanceUID", "1.2.3,1.2.4");
    assertTrue(f.toJson().contains("\"_id\": {\"$in\": [\"1.2.3\", \"1.2.4\"]}"), f.toJson());
    BsonArray in = only(f).getDocument("_id").getArray("$in");
    assertEquals(2, in.size());
    assertEquals("1.2.3", in.get(0).asString().getValue());
    assertEquals("1.2.4", in.get(1).asString().getValue());
  }

  @Test
  void uidListMayBeBackslashSeparated() {
    BsonDocument f = filter("0020000D", "1.2.3\\1.2.4");
    assertEquals(2, only(f).getDocument("_id").getArray("$in").size());
  }

  @Test
  void singleUidIsEquality() {
    assertEquals(
        BsonDocument.parse("{\"_id\": \"1.2.3\"}"), only(filter("StudyInstanceUID", "1.2.3")));
  }

  @Test
  void emptyOrStarValueIsUniversalMatching() {
    assertEquals(new BsonDocument(), filter("PatientName", ""));
    assertEquals(new BsonDocument(), filter("PatientID", "*"));
  }

  @Test
  void severalKeysAreCombinedWithAnd() {
    BsonDocument f = filter("PatientID", "P-1", "ModalitiesInStudy", "CT", "AccessionNumber", "A1");
    assertEquals(3, conditions(f).size(), f.toJson());
    assertEquals("P-1", condition(f, "patientId").getString("patientId").getValue());
    assertEquals("CT", condition(f, "modalitiesInStudy").getString("modalitiesInStudy").getValue());
    assertEquals("A1", condition(f, "accessionNumber").getString("accessionNumber").getValue());
  }
}

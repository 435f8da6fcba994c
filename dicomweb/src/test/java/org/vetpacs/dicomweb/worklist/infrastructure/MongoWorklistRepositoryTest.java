package org.vetpacs.dicomweb.worklist.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.vetpacs.dicomweb.worklist.WorklistQuery;

/**
 * A worklist query's index conditions as the MongoDB filter sent to the {@code worklist}
 * collection.
 */
class MongoWorklistRepositoryTest {

  private static BsonDocument filter(Map<String, String> keys) {
    return MongoWorklistRepository.filterOf(WorklistQuery.parse(keys)).toBsonDocument();
  }

  @Test
  void exactKeysDateRangeAndDefaultStatusBecomeOneFilter() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("Modality", "DX");
    keys.put("ScheduledProcedureStepStartDate", "20261101-20261130");
    keys.put("PatientName", "bailey*");
    assertEquals(
        BsonDocument.parse(
            "{'$and': [{'modality': 'DX'}, {'scheduledProcedureStepStartDate': {'$gte':"
                + " '20261101'}}, {'scheduledProcedureStepStartDate': {'$lte': '20261130'}},"
                + " {'scheduledProcedureStepStatus': {'$in': ['SCHEDULED', 'ARRIVED',"
                + " 'READY']}}]}"),
        filter(keys));
  }

  @Test
  void singleDateIsEqualityAndUidListIsIn() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("ScheduledProcedureStepStartDate", "20261125");
    keys.put("StudyInstanceUID", "1.2.3\\1.2.4");
    keys.put("ScheduledProcedureStepStatus", "*");
    assertEquals(
        BsonDocument.parse(
            "{'$and': [{'scheduledProcedureStepStartDate': '20261125'},"
                + " {'studyInstanceUid': {'$in': ['1.2.3', '1.2.4']}}]}"),
        filter(keys));
  }
}

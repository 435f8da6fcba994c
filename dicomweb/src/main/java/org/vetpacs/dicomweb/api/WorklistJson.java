package org.vetpacs.dicomweb.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vetpacs.dicomweb.worklist.NewWorklistItem;
import org.vetpacs.dicomweb.worklist.WorklistException;
import org.vetpacs.dicomweb.worklist.WorklistItem;
import org.vetpacs.dicomweb.worklist.WorklistQuery;
import org.vetpacs.model.animal.SnomedConcept;

/**
 * The JSON of {@code /api/worklist} (JSON-P): a flat object whose members are DICOM keywords (the
 * same vocabulary as the matching keys), code sequences as arrays of one item with {@code
 * CodeValue}, {@code CodingSchemeDesignator} and {@code CodeMeaning}, plus {@code id}, {@code
 * createdAt} and {@code updatedAt}. Only the shape is checked here; the values are the service's
 * business.
 */
final class WorklistJson {

  static final String REQUESTED_PROCEDURE_CODE = "RequestedProcedureCodeSequence";

  /** The simple filters of {@code GET /api/worklist} and the matching keys they stand for. */
  static final Map<String, String> LIST_FILTERS =
      Map.of(
          "modality", "Modality",
          "date", "ScheduledProcedureStepStartDate",
          "patientId", "PatientID",
          "status", "ScheduledProcedureStepStatus",
          "station", "ScheduledStationAETitle");

  private WorklistJson() {}

  /** Reads the body of {@code POST /api/worklist}. */
  static NewWorklistItem newItem(String body) {
    JsonObject json = object(body);
    NewWorklistItem item = new NewWorklistItem();
    for (Map.Entry<String, JsonValue> member : json.entrySet()) {
      String name = member.getKey();
      JsonValue value = member.getValue();
      if (value.getValueType() == JsonValue.ValueType.NULL) {
        continue;
      }
      if (name.equals(REQUESTED_PROCEDURE_CODE)) {
        JsonObject code = codeItem(value);
        item.requestedProcedureCode(
            string(code, "CodeValue"),
            string(code, "CodingSchemeDesignator"),
            string(code, "CodeMeaning"));
      } else {
        item.set(name, string(name, value)); // an unknown keyword is refused there
      }
    }
    return item;
  }

  /** Reads the body of {@code PUT /api/worklist/{id}/status}: {@code {"status": "ARRIVED"}}. */
  static String status(String body) {
    JsonObject json = object(body);
    for (String name : json.keySet()) {
      if (!name.equals("status")) {
        throw invalid("Unknown member " + name + "; the body is {\"status\": \"ARRIVED\"}");
      }
    }
    JsonValue value = json.get("status");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      throw invalid("The body must name the new status: {\"status\": \"ARRIVED\"}");
    }
    return string("status", value);
  }

  /** The matching keys of {@code GET /api/worklist?modality=&date=&patientId=&status=&station=}. */
  static Map<String, String> listFilters(Map<String, List<String>> query) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      String keyword = LIST_FILTERS.get(parameter.getKey());
      if (keyword == null) {
        throw invalid(
            "Unknown filter "
                + parameter.getKey()
                + "; filters are "
                + LIST_FILTERS.keySet()
                + " (DICOM matching keys: /api/worklist/match)");
      }
      keys.put(keyword, single(parameter.getKey(), parameter.getValue()));
    }
    return keys;
  }

  /** The matching keys of {@code GET /api/worklist/match?PatientName=...}: keywords or tags. */
  static Map<String, String> matchKeys(Map<String, List<String>> query) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      if (!WorklistQuery.isMatchingKey(parameter.getKey())) {
        throw invalid(
            "Unknown or unsupported matching key "
                + parameter.getKey()
                + "; supported: "
                + WorklistQuery.matchingKeywords());
      }
      keys.put(parameter.getKey(), single(parameter.getKey(), parameter.getValue()));
    }
    return keys;
  }

  /** The API representation of one item. */
  static JsonObject toJson(WorklistItem item) {
    JsonObjectBuilder json = Json.createObjectBuilder();
    json.add("id", item.getId());
    add(json, "PatientName", item.getPatientName());
    add(json, "PatientID", item.getPatientId());
    add(json, "PatientBirthDate", item.getPatientBirthDate());
    add(json, "PatientSex", item.getPatientSex());
    add(json, "PatientSexNeutered", item.getPatientSexNeutered());
    add(json, "PatientSpeciesDescription", item.getPatientSpeciesDescription());
    code(
        json,
        "PatientSpeciesCodeSequence",
        item.getPatientSpeciesCode(),
        SnomedConcept.DICOM_CODING_SCHEME,
        item.getPatientSpeciesCodeMeaning());
    add(json, "PatientBreedDescription", item.getPatientBreedDescription());
    code(
        json,
        "PatientBreedCodeSequence",
        item.getPatientBreedCode(),
        SnomedConcept.DICOM_CODING_SCHEME,
        item.getPatientBreedCodeMeaning());
    add(json, "ResponsiblePerson", item.getResponsiblePerson());
    add(json, "ResponsiblePersonRole", item.getResponsiblePersonRole());
    add(json, "ResponsibleOrganization", item.getResponsibleOrganization());
    add(json, "AccessionNumber", item.getAccessionNumber());
    add(json, "RequestedProcedureID", item.getRequestedProcedureId());
    add(json, "RequestedProcedureDescription", item.getRequestedProcedureDescription());
    code(
        json,
        REQUESTED_PROCEDURE_CODE,
        item.getRequestedProcedureCodeValue(),
        item.getRequestedProcedureCodingSchemeDesignator(),
        item.getRequestedProcedureCodeMeaning());
    add(json, "StudyInstanceUID", item.getStudyInstanceUid());
    add(json, "ReferringPhysicianName", item.getReferringPhysicianName());
    add(json, "RequestingPhysician", item.getRequestingPhysician());
    add(json, "ReasonForTheRequestedProcedure", item.getReasonForRequestedProcedure());
    add(json, "RequestedProcedurePriority", item.getRequestedProcedurePriority());
    add(json, "orderId", item.getOrderId());
    add(json, "Modality", item.getModality());
    add(json, "ScheduledStationAETitle", item.getScheduledStationAeTitle());
    add(json, "ScheduledProcedureStepStartDate", item.getScheduledProcedureStepStartDate());
    add(json, "ScheduledProcedureStepStartTime", item.getScheduledProcedureStepStartTime());
    add(json, "ScheduledPerformingPhysicianName", item.getScheduledPerformingPhysicianName());
    add(json, "ScheduledProcedureStepDescription", item.getScheduledProcedureStepDescription());
    add(json, "ScheduledProcedureStepID", item.getScheduledProcedureStepId());
    add(json, "ScheduledProcedureStepStatus", item.getScheduledProcedureStepStatus());
    add(json, "createdAt", item.getCreatedAt());
    add(json, "updatedAt", item.getUpdatedAt());
    return json.build();
  }

  static JsonArray toJson(List<WorklistItem> items) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    items.forEach(item -> array.add(toJson(item)));
    return array.build();
  }

  private static void add(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }

  private static void code(
      JsonObjectBuilder json, String name, String value, String scheme, String meaning) {
    if (value != null) {
      json.add(
          name,
          Json.createArrayBuilder()
              .add(
                  Json.createObjectBuilder()
                      .add("CodeValue", value)
                      .add("CodingSchemeDesignator", scheme)
                      .add("CodeMeaning", meaning)));
    }
  }

  private static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      throw invalid("The request body must be a JSON object");
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw invalid("The request body must be a JSON object: " + e.getMessage());
    }
  }

  /** A code sequence member: one object, or an array holding exactly one. */
  private static JsonObject codeItem(JsonValue value) {
    if (value.getValueType() == JsonValue.ValueType.ARRAY && value.asJsonArray().size() == 1) {
      value = value.asJsonArray().get(0);
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw invalid(
          REQUESTED_PROCEDURE_CODE
              + " must be one item {\"CodeValue\", \"CodingSchemeDesignator\","
              + " \"CodeMeaning\"}");
    }
    JsonObject code = value.asJsonObject();
    for (String name : code.keySet()) {
      if (!Set.of("CodeValue", "CodingSchemeDesignator", "CodeMeaning").contains(name)) {
        throw invalid("Unknown member " + name + " in " + REQUESTED_PROCEDURE_CODE);
      }
    }
    return code;
  }

  private static String string(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value == null || value.getValueType() == JsonValue.ValueType.NULL
        ? null
        : string(name, value);
  }

  private static String string(String name, JsonValue value) {
    if (value instanceof JsonString text) {
      return text.getString();
    }
    throw invalid(
        name + " must be a JSON string (DICOM values are text: \"20261125\", not 20261125)");
  }

  private static String single(String name, List<String> values) {
    if (values.size() > 1) {
      throw invalid(name + " is given more than once");
    }
    return values.isEmpty() ? "" : values.get(0);
  }

  private static WorklistException invalid(String message) {
    return new WorklistException(WorklistException.Kind.INVALID, message);
  }
}

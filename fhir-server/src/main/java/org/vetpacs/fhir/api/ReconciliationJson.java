package org.vetpacs.fhir.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Type;
import org.vetpacs.fhir.service.ReconciliationException;

/** The JSON of the reconciliation API: queue items and audit records read from their Tasks. */
final class ReconciliationJson {

  private ReconciliationJson() {}

  /** A queue item or audit record. */
  static JsonObject item(Task t) {
    JsonObjectBuilder o = Json.createObjectBuilder()
        .add("id", t.getIdElement().getIdPart())
        .add("task", "Task/" + t.getIdElement().getIdPart())
        .add("status", t.getStatus().toCode())
        .add("code", t.getCode().getCodingFirstRep().getCode());
    if (t.hasFocus() && t.getFocus().hasReference()) {
      String focus = t.getFocus().getReference();
      o.add("focus", focus);
      if (focus.startsWith("ImagingStudy/")) {
        o.add("studyInstanceUid", focus.substring("ImagingStudy/".length()));
      }
    }
    if (t.hasBusinessStatus()) {
      o.add("reason", t.getBusinessStatus().getText());
    }
    if (t.hasDescription()) {
      o.add("description", t.getDescription());
    }
    if (t.hasFor()) {
      o.add("patient", t.getFor().getReference());
    }
    if (t.hasAuthoredOn()) {
      o.add("authoredOn", t.getAuthoredOnElement().getValueAsString());
    }
    if (t.hasLastModified()) {
      o.add("lastModified", t.getLastModifiedElement().getValueAsString());
    }
    JsonObjectBuilder received = Json.createObjectBuilder();
    JsonArrayBuilder candidates = Json.createArrayBuilder();
    for (Task.ParameterComponent in : t.getInput()) {
      String type = in.getType().getText();
      if ("candidate".equals(type) && in.getValue() instanceof Reference r) {
        candidates.add(r.getReference());
      } else if (type != null && type.startsWith("received-")) {
        received.add(camel(type.substring("received-".length())), text(in.getValue()));
      }
    }
    o.add("received", received);
    o.add("candidates", candidates);
    JsonObjectBuilder result = Json.createObjectBuilder();
    for (Task.TaskOutputComponent out : t.getOutput()) {
      String type = out.getType().getText();
      if (type == null) {
        continue;
      }
      if (out.getValue() instanceof IntegerType i) {
        result.add(camel(type), i.getValue());
      } else {
        result.add(camel(type), text(out.getValue()));
      }
    }
    o.add("result", result);
    JsonArrayBuilder notes = Json.createArrayBuilder();
    for (Annotation n : t.getNote()) {
      notes.add(n.getText());
    }
    o.add("notes", notes);
    return o.build();
  }

  /** A page of items. */
  static String page(List<Task> tasks, long total) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    tasks.forEach(t -> items.add(item(t)));
    return Json.createObjectBuilder().add("total", total).add("items", items).build().toString();
  }

  /** Reads a JSON object body; a malformed one is 400. */
  static JsonObject body(String body) {
    if (body == null || body.isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new ReconciliationException(ReconciliationException.Kind.INVALID,
          "The body is not a JSON object");
    }
  }

  /** A string member as an id: {@code Patient/12} and {@code 12} both give {@code 12}. */
  static String id(JsonObject body, String member, String type) {
    JsonValue v = body.get(member);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.STRING) {
      throw new ReconciliationException(ReconciliationException.Kind.INVALID,
          member + " must be a string such as " + type + "/123");
    }
    String s = body.getString(member).trim();
    return s.startsWith(type + "/") ? s.substring(type.length() + 1) : s;
  }

  /** A member that is an array of strings; missing is empty, anything else is 400. */
  static List<String> strings(JsonObject body, String member) {
    JsonValue v = body.get(member);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    if (v.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new ReconciliationException(ReconciliationException.Kind.INVALID,
          member + " must be an array of strings");
    }
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    for (JsonValue item : v.asJsonArray()) {
      if (item.getValueType() != JsonValue.ValueType.STRING) {
        throw new ReconciliationException(ReconciliationException.Kind.INVALID,
            member + " must be an array of strings");
      }
      out.add(((jakarta.json.JsonString) item).getString().trim());
    }
    return out;
  }

  private static String text(Type value) {
    if (value instanceof Reference r) {
      return r.getReference();
    }
    if (value instanceof StringType s) {
      return s.getValue();
    }
    return value == null ? "" : value.primitiveValue();
  }

  private static String camel(String dashed) {
    StringBuilder out = new StringBuilder();
    boolean up = false;
    for (char c : dashed.toCharArray()) {
      if (c == '-') {
        up = true;
      } else {
        out.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return out.toString();
  }
}

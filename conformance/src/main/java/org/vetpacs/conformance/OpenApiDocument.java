package org.vetpacs.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The canonical text of an OpenAPI document: JSON with every object's keys sorted, two-space
 * indentation, {@code \n} line ends and a final newline. The server's {@code /openapi} and the copy
 * checked into {@code conformance/src/main/resources/openapi.json} are compared in this form, so
 * the order in which Payara happens to emit keys never shows up as a difference. Payara's
 * non-standard top-level {@code endpoints} (a list of the paths per application, repeating {@code
 * paths}) is left out: OpenAPI 3.0 allows no such field, and generators reject it.
 */
public final class OpenApiDocument {

  /** Class path location of the checked-in document (in this module's jar). */
  public static final String RESOURCE = "openapi.json";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private OpenApiDocument() {}

  /**
   * Canonicalizes a JSON OpenAPI document.
   *
   * @param json the document as served
   * @return its canonical text
   * @throws IllegalArgumentException when it is not JSON
   */
  public static String canonical(String json) {
    try {
      JsonNode tree = MAPPER.readTree(json);
      if (tree.isObject()) {
        ((ObjectNode) tree).remove("endpoints");
      }
      JsonNode sorted = sort(tree);
      DefaultPrettyPrinter printer =
          new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
      printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
      return MAPPER.writer(printer).writeValueAsString(sorted) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not a JSON document: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The checked-in document, as packaged in this module.
   *
   * @return its text
   */
  public static String published() {
    try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing class path resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode sort(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      ObjectNode out = MAPPER.createObjectNode();
      for (String name : names) {
        out.set(name, sort(node.get(name)));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = MAPPER.createArrayNode();
      node.forEach(child -> out.add(sort(child)));
      return out;
    }
    return node;
  }
}

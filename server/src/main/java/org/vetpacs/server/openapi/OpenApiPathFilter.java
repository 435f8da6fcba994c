package org.vetpacs.server.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;

/**
 * Tidies the scanned OpenAPI document (configured as {@code mp.openapi.filter}).
 *
 * <ul>
 *   <li>JAX-RS regular-expression templates ({@code {path: .+}}) become OpenAPI templates ({@code
 *       {path}}): OpenAPI 3.0 section 4.7.8 allows only names in path templates.
 *   <li>Every operation without a tag gets one from its path ({@link #tagOf}), so the generated
 *       client has one API class per face and operation ids only need to be unique per face.
 *   <li>Operations outside DICOMweb get their tag as a prefix of their operation id ({@code get}
 *       of {@code /api/worklist/{id}} becomes {@code worklistGet}): OpenAPI 3.0 section 4.7.10
 *       requires operation ids unique in the document, and JAX-RS method names are unique per
 *       class only. DICOMweb's method names ({@code retrieveStudy}, {@code studies}) are unique
 *       already and are what clients know.
 *   <li>Paths are emitted in sorted order, so the document does not depend on scan order.
 * </ul>
 */
public class OpenApiPathFilter implements OASFilter {

  private static final Pattern REGEX_TEMPLATE = Pattern.compile("\\{\\s*(\\w+)\\s*:[^}]*}");

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    Paths paths = openApi.getPaths();
    if (paths == null || paths.getPathItems() == null) {
      return;
    }
    Map<String, PathItem> sorted = new TreeMap<>();
    paths.getPathItems().forEach((path, item) -> sorted.put(plainTemplate(path), item));
    for (String path : new ArrayList<>(paths.getPathItems().keySet())) {
      paths.removePathItem(path);
    }
    sorted.forEach(
        (path, item) -> {
          String tag = tagOf(path);
          item.getOperations().values().forEach(op -> name(op, tag));
          paths.addPathItem(path, item);
        });
  }

  private static void name(Operation op, String tag) {
    if (op.getTags() == null || op.getTags().isEmpty()) {
      op.setTags(new ArrayList<>(List.of(tag)));
    }
    String id = op.getOperationId();
    if (id != null && !"dicom-web".equals(tag) && !"fhir".equals(tag)) {
      String prefix = camel(tag);
      if (!id.startsWith(prefix)) {
        op.setOperationId(prefix + Character.toUpperCase(id.charAt(0)) + id.substring(1));
      }
    }
  }

  /** {@code dicom-web} -> {@code dicomWeb}, {@code worklist} -> {@code worklist}. */
  static String camel(String tag) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : tag.toCharArray()) {
      if (!Character.isLetterOrDigit(c)) {
        upper = out.length() > 0;
        continue;
      }
      out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upper = false;
    }
    return out.toString();
  }

  /**
   * The tag of a path: the face it belongs to, named by its first segment ({@code dicom-web},
   * {@code wado}, {@code fhir}), or for {@code /api/x/...} by {@code x} ({@code worklist}, {@code
   * dicom}, ...).
   *
   * @param path an OpenAPI path
   * @return its tag
   */
  static String tagOf(String path) {
    String[] segments = path.split("/");
    if (segments.length > 2 && "api".equals(segments[1])) {
      return segments[2];
    }
    return segments.length > 1 ? segments[1] : "root";
  }

  static String plainTemplate(String path) {
    Matcher m = REGEX_TEMPLATE.matcher(path);
    return m.replaceAll("{$1}");
  }
}

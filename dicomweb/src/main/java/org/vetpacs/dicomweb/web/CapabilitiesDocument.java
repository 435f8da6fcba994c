package org.vetpacs.dicomweb.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vetpacs.dicomweb.dicom.DicomJsonWriter;

/**
 * The DICOMweb service description of the Capabilities transaction (PS3.18 8.9: an OPTIONS request
 * on the service root or a resource answers with a WADL document describing the resources, their
 * methods and representations).
 *
 * <p>It is generated from the endpoints themselves: the JAX-RS {@code @Path} and method
 * annotations of {@link #ENDPOINTS}, read by reflection, so the document cannot describe a resource
 * that does not exist or miss one that does. What reflection cannot see (our endpoints negotiate
 * media types in {@link DicomMediaTypes} rather than with {@code @Produces}) comes from {@link
 * #representations}, a rule per kind of resource; {@code CapabilitiesDocumentTest} fails when an
 * endpoint method has no rule, or when an endpoint class of this package is not listed here.
 */
public final class CapabilitiesDocument {

  /** The WADL media type (PS3.18 8.9; W3C WADL submission, 2009). */
  public static final String WADL = "application/vnd.sun.wadl+xml";

  private static final String WADL_NS = "http://wadl.dev.java.net/2009/02";

  /** Every JAX-RS endpoint class under the DICOMweb root ({@code /dicom-web}). */
  public static final List<Class<?>> ENDPOINTS =
      List.of(
          StowEndpoint.class,
          QidoEndpoint.class,
          WadoEndpoint.class,
          RenderedEndpoint.class,
          DeleteEndpoint.class);

  private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*(\\w+)\\s*(?::\\s*([^}]+))?}");

  /** One method on one resource. */
  public record Operation(
      String method, String id, List<String> queryParameters, Representations representations) {}

  /** Media types a method takes and answers; empty when it has no body. */
  public record Representations(List<String> request, List<String> response) {}

  /**
   * One resource: its path relative to the DICOMweb root (template parameters as {@code
   * {name}}), the parameters of the template and its methods. {@link #pattern} matches request
   * paths.
   */
  public record Resource(
      String path, List<String> templateParameters, Pattern pattern, List<Operation> operations) {

    /** The methods of this resource for an Allow header, OPTIONS included. */
    public List<String> methods() {
      TreeSet<String> methods = new TreeSet<>();
      operations.forEach(o -> methods.add(o.method()));
      methods.add(HttpMethod.OPTIONS);
      return List.copyOf(methods);
    }
  }

  private final List<Resource> resources;

  private CapabilitiesDocument(List<Resource> resources) {
    this.resources = List.copyOf(resources);
  }

  /** The description of {@link #ENDPOINTS}. */
  public static CapabilitiesDocument ofEndpoints() {
    return of(ENDPOINTS);
  }

  /**
   * The description of the given endpoint classes.
   *
   * @throws IllegalStateException when a method has no representation rule (a new kind of
   *     resource: add a rule to {@link #representations})
   */
  public static CapabilitiesDocument of(List<Class<?>> endpoints) {
    Map<String, List<Operation>> byPath = new LinkedHashMap<>();
    Map<String, String> templates = new LinkedHashMap<>();
    for (Class<?> endpoint : endpoints) {
      for (Method m : endpoint.getDeclaredMethods()) {
        String httpMethod = httpMethodOf(m);
        if (httpMethod == null) {
          continue;
        }
        Path path = m.getAnnotation(Path.class);
        String template = path == null ? "" : path.value();
        String normalized = TEMPLATE.matcher(template).replaceAll("{$1}");
        Representations representations = representations(httpMethod, normalized);
        if (representations == null) {
          throw new IllegalStateException(
              "No representation rule for " + httpMethod + " " + normalized + " ("
                  + endpoint.getSimpleName() + "." + m.getName() + ")");
        }
        templates.putIfAbsent(normalized, template);
        byPath
            .computeIfAbsent(normalized, k -> new ArrayList<>())
            .add(
                new Operation(
                    httpMethod,
                    endpoint.getSimpleName() + "." + m.getName(),
                    queryParameters(httpMethod, normalized),
                    representations));
      }
    }
    List<Resource> resources = new ArrayList<>();
    for (Map.Entry<String, List<Operation>> e : byPath.entrySet()) {
      List<Operation> operations = new ArrayList<>(e.getValue());
      operations.sort(Comparator.comparing(Operation::method).thenComparing(Operation::id));
      String template = templates.get(e.getKey());
      resources.add(
          new Resource(e.getKey(), parameters(template), pattern(template), operations));
    }
    resources.sort(Comparator.comparing(Resource::path));
    return new CapabilitiesDocument(resources);
  }

  public List<Resource> resources() {
    return resources;
  }

  /**
   * The resources a request path (relative to the DICOMweb root, no leading slash) names: all of
   * them for the root itself, else those whose template matches (none: unknown resource).
   */
  public CapabilitiesDocument forPath(String relativePath) {
    String path = relativePath.replaceAll("^/+|/+$", "");
    if (path.isEmpty()) {
      return this;
    }
    return new CapabilitiesDocument(
        resources.stream().filter(r -> r.pattern().matcher(path).matches()).toList());
  }

  /** The methods allowed on the described resources, for an Allow header. */
  public String allow() {
    TreeSet<String> methods = new TreeSet<>();
    methods.add(HttpMethod.OPTIONS);
    resources.forEach(r -> methods.addAll(r.methods()));
    return String.join(", ", methods);
  }

  /** The description as a WADL document, resources relative to {@code base} (the DICOMweb root). */
  public String toWadl(String base) {
    StringBuilder x = new StringBuilder(8192);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<application xmlns=\"").append(WADL_NS)
        .append("\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">\n");
    x.append("  <doc title=\"VetPACS DICOMweb (PS3.18)\"/>\n");
    x.append("  <resources base=\"").append(xml(base.endsWith("/") ? base : base + "/")).append("\">\n");
    for (Resource r : resources) {
      x.append("    <resource path=\"").append(xml(r.path())).append("\">\n");
      for (String p : r.templateParameters()) {
        x.append("      <param name=\"").append(xml(p))
            .append("\" style=\"template\" type=\"xsd:string\" required=\"true\"/>\n");
      }
      for (Operation o : r.operations()) {
        x.append("      <method name=\"").append(o.method()).append("\" id=\"").append(xml(o.id()))
            .append("\">\n");
        if (!o.queryParameters().isEmpty() || !o.representations().request().isEmpty()) {
          x.append("        <request>\n");
          for (String q : o.queryParameters()) {
            x.append("          <param name=\"").append(xml(q))
                .append("\" style=\"query\" type=\"xsd:string\"/>\n");
          }
          for (String t : o.representations().request()) {
            x.append("          <representation mediaType=\"").append(xml(t)).append("\"/>\n");
          }
          x.append("        </request>\n");
        }
        x.append("        <response>\n");
        for (String t : o.representations().response()) {
          x.append("          <representation mediaType=\"").append(xml(t)).append("\"/>\n");
        }
        x.append("        </response>\n");
        x.append("      </method>\n");
      }
      x.append("    </resource>\n");
    }
    x.append("  </resources>\n</application>\n");
    return x.toString();
  }

  /**
   * The same description as JSON, for clients that ask for {@code application/json} only: {@code
   * {"base": ..., "resources": [{"path", "methods": [{"name", "id", "queryParameters", "request",
   * "response"}]}]}}.
   */
  public String toJson(String base) {
    StringBuilder j = new StringBuilder(8192);
    j.append("{\"base\":");
    DicomJsonWriter.appendString(base, j);
    j.append(",\"resources\":[");
    for (int i = 0; i < resources.size(); i++) {
      Resource r = resources.get(i);
      j.append(i == 0 ? "" : ",").append("{\"path\":");
      DicomJsonWriter.appendString(r.path(), j);
      j.append(",\"methods\":[");
      for (int k = 0; k < r.operations().size(); k++) {
        Operation o = r.operations().get(k);
        j.append(k == 0 ? "" : ",").append("{\"name\":");
        DicomJsonWriter.appendString(o.method(), j);
        j.append(",\"id\":");
        DicomJsonWriter.appendString(o.id(), j);
        j.append(",\"queryParameters\":");
        array(o.queryParameters(), j);
        j.append(",\"request\":");
        array(o.representations().request(), j);
        j.append(",\"response\":");
        array(o.representations().response(), j);
        j.append('}');
      }
      j.append("]}");
    }
    j.append("]}");
    return j.toString();
  }

  /**
   * The media types of a method on a resource, by kind of resource (PS3.18 8.7 and the transaction
   * sections cited); null when no rule covers it.
   */
  static Representations representations(String method, String path) {
    String dicom = "multipart/related; type=\"application/dicom\"";
    List<String> storeResponse = List.of("application/dicom+json", "application/dicom+xml");
    List<String> queryResponse =
        List.of("application/dicom+json", "multipart/related; type=\"application/dicom+xml\"");
    List<String> images = List.of("image/jpeg", "image/png", "image/gif");
    List<String> frameParts =
        List.of(
            "multipart/related; type=\"application/octet-stream\"",
            "multipart/related; type=\"image/jpeg\"",
            "multipart/related; type=\"image/jls\"",
            "multipart/related; type=\"image/jp2\"",
            "multipart/related; type=\"image/jpx\"",
            "multipart/related; type=\"image/jphc\"",
            "multipart/related; type=\"image/dicom-rle\"");
    boolean studyResource = path.equals("studies/{study}");
    boolean seriesResource = path.equals("studies/{study}/series/{series}");
    boolean instanceResource = path.equals("studies/{study}/series/{series}/instances/{instance}");
    switch (method) {
      case HttpMethod.POST:
        // STOW-RS, PS3.18 10.5
        return path.equals("studies") || studyResource
            ? new Representations(List.of(dicom), storeResponse)
            : null;
      case HttpMethod.DELETE:
        return studyResource || seriesResource || instanceResource
            ? new Representations(List.of(), List.of())
            : null;
      case HttpMethod.GET:
        break;
      default:
        return null;
    }
    if (studyResource || seriesResource) {
      return new Representations(List.of(), List.of(dicom)); // PS3.18 10.4 Retrieve Instances
    }
    if (instanceResource) {
      return new Representations(List.of(), List.of(dicom, "application/dicom"));
    }
    if (path.endsWith("/metadata")) {
      return new Representations(List.of(), List.of("application/dicom+json")); // PS3.18 F.2
    }
    if (path.endsWith("/rendered") || path.endsWith("/thumbnail")) {
      return new Representations(List.of(), images); // PS3.18 8.7.4
    }
    if (path.endsWith("/frames/{frames}") || path.contains("/bulkdata/")) {
      return new Representations(List.of(), frameParts); // PS3.18 8.7.3.3
    }
    if (path.equals("studies")
        || path.equals("series")
        || path.equals("instances")
        || path.endsWith("/series")
        || path.endsWith("/instances")) {
      return new Representations(List.of(), queryResponse); // QIDO-RS, PS3.18 10.6
    }
    return null;
  }

  /** Query parameters of a method (PS3.18 8.3), by kind of resource. */
  static List<String> queryParameters(String method, String path) {
    if (!HttpMethod.GET.equals(method)) {
      return List.of();
    }
    if (representations(method, path).response().contains("application/dicom+json")
        && !path.endsWith("/metadata")) {
      // QIDO-RS (PS3.18 8.3.4): plus {attributeID}={value} matching keys
      return List.of("includefield", "fuzzymatching", "limit", "offset");
    }
    if (path.endsWith("/rendered")) {
      return List.of("accept", "window", "viewport", "quality"); // PS3.18 8.3.5.1
    }
    if (path.endsWith("/thumbnail")) {
      return List.of("accept", "viewport");
    }
    return List.of();
  }

  private static String httpMethodOf(Method m) {
    for (var annotation : m.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  private static List<String> parameters(String template) {
    List<String> names = new ArrayList<>();
    Matcher m = TEMPLATE.matcher(template);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static Pattern pattern(String template) {
    StringBuilder regex = new StringBuilder();
    Matcher m = TEMPLATE.matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start())));
      regex.append(m.group(2) == null ? "[^/]+" : "(?:" + m.group(2).trim() + ")");
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    return Pattern.compile(regex.toString());
  }

  private static void array(List<String> values, StringBuilder j) {
    j.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        j.append(',');
      }
      DicomJsonWriter.appendString(values.get(i), j);
    }
    j.append(']');
  }

  private static String xml(String value) {
    return value
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}

package org.vetpacs.dicomweb.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vetpacs.dicomweb.render.RenderParameters;
import org.vetpacs.dicomweb.retrieve.ResourceScope;
import org.vetpacs.dicomweb.retrieve.RetrieveException;

/**
 * A WADO-URI request (PS3.18 9, "URI Service"; parameters of 9.1.2 / 8.1-8.2), parsed and checked:
 * {@code requestType=WADO}, {@code studyUID}, {@code seriesUID}, {@code objectUID} are required;
 * {@code contentType} is a list of application/dicom, image/jpeg, image/png, image/gif; image
 * parameters ({@code rows}, {@code columns}, {@code windowCenter}/{@code windowWidth}, {@code
 * frameNumber}, {@code imageQuality}) only with an image type, {@code transferSyntax} and {@code
 * anonymize} only with application/dicom. A missing or invalid parameter is a 400.
 *
 * @param scope the instance
 * @param contentTypes acceptable types in order; empty for the default (decided by the object)
 * @param transferSyntax the transferSyntax parameter, or null
 * @param frameNumber 1-based frame, or 0 for the first
 * @param render rendering parameters of an image answer
 */
public record WadoUriRequest(
    ResourceScope scope,
    List<String> contentTypes,
    String transferSyntax,
    int frameNumber,
    RenderParameters render) {

  private static final List<String> SUPPORTED =
      List.of(
          DicomMediaTypes.APPLICATION_DICOM,
          DicomMediaTypes.IMAGE_JPEG,
          DicomMediaTypes.IMAGE_PNG,
          DicomMediaTypes.IMAGE_GIF);
  private static final List<String> IMAGE_ONLY =
      List.of("rows", "columns", "windowCenter", "windowWidth", "frameNumber", "imageQuality",
          "region", "annotation", "presentationUID", "presentationSeriesUID");

  /** Parses the query parameters (first value of each). */
  public static WadoUriRequest parse(Map<String, List<String>> query) {
    String requestType = first(query, "requestType");
    if (requestType == null) {
      throw bad("requestType is required and must be WADO (PS3.18 9.1.2)");
    }
    if (!"WADO".equals(requestType)) {
      throw bad("requestType must be WADO, not '" + requestType + "'");
    }
    ResourceScope scope =
        ResourceScope.instance(
            required(query, "studyUID"), required(query, "seriesUID"), required(query, "objectUID"));
    List<String> types = contentTypes(first(query, "contentType"));
    boolean dicom = types.size() == 1 && types.get(0).equals(DicomMediaTypes.APPLICATION_DICOM);
    for (String unsupported : List.of("region", "annotation", "presentationUID", "presentationSeriesUID")) {
      if (first(query, unsupported) != null) {
        throw bad("The " + unsupported + " parameter is not supported by this archive");
      }
    }
    if (dicom) {
      for (String name : IMAGE_ONLY) {
        if (first(query, name) != null) {
          throw bad(name + " shall not be present with contentType=application/dicom (PS3.18 9.1.2)");
        }
      }
      if ("yes".equalsIgnoreCase(first(query, "anonymize"))) {
        throw bad("anonymize=yes is not supported by this archive");
      }
    } else if (first(query, "transferSyntax") != null || first(query, "anonymize") != null) {
      throw bad("transferSyntax and anonymize go only with contentType=application/dicom");
    }
    int frame = 0;
    String frameNumber = first(query, "frameNumber");
    if (frameNumber != null) {
      if (!frameNumber.matches("[0-9]{1,9}") || Integer.parseInt(frameNumber) < 1) {
        throw bad("frameNumber must be a positive integer: " + frameNumber);
      }
      frame = Integer.parseInt(frameNumber);
    }
    RenderParameters render =
        RenderParameters.parseUri(
            first(query, "rows"),
            first(query, "columns"),
            first(query, "windowCenter"),
            first(query, "windowWidth"),
            first(query, "imageQuality"));
    return new WadoUriRequest(scope, types, first(query, "transferSyntax"), frame, render);
  }

  /** The content type to answer for an object that is (or is not) an image. */
  public String contentTypeFor(boolean image) {
    if (contentTypes.isEmpty()) {
      // PS3.18 9.1.2: image/jpeg by default for images; other objects as application/dicom.
      return image ? DicomMediaTypes.IMAGE_JPEG : DicomMediaTypes.APPLICATION_DICOM;
    }
    for (String type : contentTypes) {
      if (image || type.equals(DicomMediaTypes.APPLICATION_DICOM)) {
        return type;
      }
    }
    throw new RetrieveException(
        RetrieveException.Reason.NOT_ACCEPTABLE,
        "The object is not an image; it is served as application/dicom");
  }

  private static List<String> contentTypes(String value) {
    List<String> types = new ArrayList<>();
    if (value == null || value.isBlank()) {
      return types;
    }
    List<String> rejected = new ArrayList<>();
    for (String item : value.split(",")) {
      String type = item.split(";")[0].trim().toLowerCase(Locale.ROOT);
      if (SUPPORTED.contains(type)) {
        types.add(type);
      } else if (type.equals("*/*") || type.equals("image/*")) {
        types.add(DicomMediaTypes.IMAGE_JPEG);
      } else {
        rejected.add(type);
      }
    }
    if (types.isEmpty()) {
      throw new RetrieveException(
          RetrieveException.Reason.NOT_ACCEPTABLE,
          "contentType " + rejected + " is not served; use one of " + SUPPORTED);
    }
    return List.copyOf(types);
  }

  private static String required(Map<String, List<String>> query, String name) {
    String value = first(query, name);
    if (value == null) {
      throw bad(name + " is required (PS3.18 9.1.2)");
    }
    return value;
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
      return null;
    }
    return values.get(0).trim();
  }

  private static RetrieveException bad(String message) {
    return new RetrieveException(RetrieveException.Reason.BAD_REQUEST, message);
  }
}

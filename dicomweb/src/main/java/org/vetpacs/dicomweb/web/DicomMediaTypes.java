package org.vetpacs.dicomweb.web;

import com.pixelmed.dicom.TransferSyntax;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vetpacs.dicomweb.retrieve.TransferSyntaxes;

/**
 * Media types of PS3.18 8.7 and the one place where requests are negotiated against them.
 */
public final class DicomMediaTypes {

  public static final String APPLICATION_DICOM = "application/dicom";
  public static final String APPLICATION_DICOM_JSON = "application/dicom+json";
  public static final String MULTIPART_RELATED = "multipart/related";

  /** The transfer syntax of the instance as stored (PS3.18 8.7.3.5.2, value {@code *}). */
  public static final String ANY_TRANSFER_SYNTAX = "*";

  private DicomMediaTypes() {}

  /**
   * Whether a {@code Content-Type} is multipart/related with root type application/dicom (or no
   * type parameter, which PS3.18 STOW-RS clients sometimes omit).
   */
  public static boolean isMultipartDicom(MediaType type) {
    if (type == null || !"multipart".equalsIgnoreCase(type.getType())
        || !"related".equalsIgnoreCase(type.getSubtype())) {
      return false;
    }
    String root = type.getParameters().get("type");
    return root == null || APPLICATION_DICOM.equalsIgnoreCase(unquote(root));
  }

  /**
   * The transfer syntax asked for by an Accept header for an instance retrieve: null when the
   * client accepts the stored syntax (no transfer-syntax parameter, or {@code *}), else the UID.
   *
   * @throws NotAcceptableMediaException if no acceptable type can carry DICOM instances
   */
  public static String requestedTransferSyntax(List<MediaType> acceptable) {
    if (acceptable == null || acceptable.isEmpty()) {
      return null;
    }
    String requested = null;
    for (MediaType type : acceptable) {
      if (type.isWildcardType()) {
        return null;
      }
      boolean multipart =
          "multipart".equalsIgnoreCase(type.getType())
              && ("related".equalsIgnoreCase(type.getSubtype()) || type.isWildcardSubtype());
      if (!multipart) {
        continue;
      }
      String root = type.getParameters().get("type");
      if (root != null && !APPLICATION_DICOM.equalsIgnoreCase(unquote(root))) {
        continue;
      }
      String syntax = type.getParameters().get("transfer-syntax");
      if (syntax == null || ANY_TRANSFER_SYNTAX.equals(unquote(syntax))) {
        return null;
      }
      if (requested == null) {
        requested = unquote(syntax);
      }
    }
    if (requested == null) {
      throw new NotAcceptableMediaException(
          "Instances are served as multipart/related; type=\"application/dicom\"");
    }
    return requested;
  }

  /** Representations of a query result (PS3.18 10.6.3.3). */
  public enum QueryFormat {
    JSON,
    XML
  }

  /**
   * The representation of a QIDO-RS answer: DICOM JSON unless the client accepts only {@code
   * multipart/related; type="application/dicom+xml"}.
   *
   * @throws NotAcceptableMediaException if it accepts neither
   */
  public static QueryFormat queryFormat(List<MediaType> acceptable) {
    if (acceptsDicomJson(acceptable)) {
      return QueryFormat.JSON;
    }
    for (MediaType type : acceptable) {
      boolean multipart =
          "multipart".equalsIgnoreCase(type.getType())
              && ("related".equalsIgnoreCase(type.getSubtype()) || type.isWildcardSubtype());
      String root = type.getParameters().get("type");
      if (multipart && root != null && "application/dicom+xml".equalsIgnoreCase(unquote(root))) {
        return QueryFormat.XML;
      }
    }
    throw new NotAcceptableMediaException(
        "Query results are served as application/dicom+json or multipart/related;"
            + " type=\"application/dicom+xml\"");
  }

  /** Whether the client accepts a DICOM JSON answer. */
  public static boolean acceptsDicomJson(List<MediaType> acceptable) {
    if (acceptable == null || acceptable.isEmpty()) {
      return true;
    }
    for (MediaType type : acceptable) {
      String t = type.getType().toLowerCase(Locale.ROOT);
      String s = type.getSubtype().toLowerCase(Locale.ROOT);
      if (type.isWildcardType()
          || (t.equals("application")
              && (type.isWildcardSubtype() || s.equals("dicom+json") || s.equals("json")))) {
        return true;
      }
    }
    return false;
  }

  public static final String APPLICATION_OCTET_STREAM = "application/octet-stream";
  public static final String IMAGE_JPEG = "image/jpeg";
  public static final String IMAGE_PNG = "image/png";
  public static final String IMAGE_GIF = "image/gif";

  /** An acceptable DICOM type without a transfer-syntax parameter (PS3.18 8.7.3.4 default). */
  public static final String DEFAULT_TRANSFER_SYNTAX = "";

  /**
   * What an Accept header asks of an instance retrieve.
   *
   * @param multipart whether the answer is {@code multipart/related; type="application/dicom"}
   *     (false: a single {@code application/dicom} body, instance resources only)
   * @param transferSyntaxes the acceptable transfer syntaxes in order of preference: UIDs, {@link
   *     #ANY_TRANSFER_SYNTAX} or {@link #DEFAULT_TRANSFER_SYNTAX}
   */
  public record InstanceAccept(boolean multipart, List<String> transferSyntaxes) {}

  /**
   * Negotiates an instance retrieve (PS3.18 8.7.3.5 and 8.7.8): the acceptable media types, in the
   * client's order of preference, that can carry DICOM instances.
   *
   * @param singlePartAllowed whether a bare {@code application/dicom} may be answered (instance
   *     resources)
   * @throws NotAcceptableMediaException if none can
   */
  public static InstanceAccept instanceAccept(List<MediaType> acceptable, boolean singlePartAllowed) {
    if (acceptable == null || acceptable.isEmpty()) {
      return new InstanceAccept(true, List.of(DEFAULT_TRANSFER_SYNTAX));
    }
    Boolean multipart = null;
    List<String> syntaxes = new ArrayList<>();
    for (MediaType type : acceptable) {
      boolean isMultipart;
      String root;
      if (type.isWildcardType()) {
        isMultipart = true;
        root = null;
      } else if (isMultipartRelated(type)) {
        isMultipart = true;
        root = type.getParameters().get("type");
      } else if (singlePartAllowed && "application".equalsIgnoreCase(type.getType())) {
        isMultipart = false;
        root = type.isWildcardSubtype() ? null : type.getType() + "/" + type.getSubtype();
      } else {
        continue;
      }
      if (root != null && !APPLICATION_DICOM.equalsIgnoreCase(unquote(root))) {
        continue;
      }
      if (multipart != null && multipart != isMultipart) {
        continue; // the most preferred form wins; the other form's syntaxes do not mix in
      }
      multipart = isMultipart;
      String syntax = type.getParameters().get("transfer-syntax");
      syntaxes.add(syntax == null ? DEFAULT_TRANSFER_SYNTAX : unquote(syntax));
    }
    if (multipart == null) {
      throw new NotAcceptableMediaException(
          "Instances are served as multipart/related; type=\"application/dicom\""
              + (singlePartAllowed ? " or application/dicom" : ""));
    }
    return new InstanceAccept(multipart, List.copyOf(syntaxes));
  }

  /**
   * The Selected Transfer Syntax (PS3.18 8.7.8.2) for an instance stored as {@code stored}: the
   * first acceptable syntax this archive can deliver, or null if none.
   *
   * <ul>
   *   <li>no parameter: the default, Explicit VR Little Endian (PS3.18 8.7.3.4), except that pixel
   *       data received lossy compressed is sent as received (8.7.3.4 Note 2), and pixel data this
   *       archive cannot decompress is sent as stored rather than not at all;
   *   <li>{@code *}: as stored (8.7.3.5), except that Implicit VR Little Endian and Explicit VR Big
   *       Endian, which "shall not be used with Web Services" (8.7.3), become Explicit VR LE;
   *   <li>a UID: that syntax, if stored so or if the archive can transcode to it.
   * </ul>
   */
  public static String selectTransferSyntax(List<String> acceptable, String stored) {
    for (String wanted : acceptable) {
      String selected;
      if (DEFAULT_TRANSFER_SYNTAX.equals(wanted)) {
        selected =
            isLossy(stored)
                    || !TransferSyntaxes.canDeliver(
                        stored, TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN)
                ? stored
                : TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN;
      } else if (ANY_TRANSFER_SYNTAX.equals(wanted)) {
        selected =
            TransferSyntaxes.IMPLICIT_VR_LITTLE_ENDIAN.equals(stored)
                    || TransferSyntaxes.EXPLICIT_VR_BIG_ENDIAN.equals(stored)
                ? TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN
                : stored;
      } else {
        selected = TransferSyntaxes.canDeliver(stored, wanted) ? wanted : null;
      }
      if (selected != null) {
        return selected;
      }
    }
    return null;
  }

  private static boolean isLossy(String uid) {
    return new TransferSyntax(uid).isLossy();
  }

  /**
   * Whether a part of type {@code partType} (e.g. application/octet-stream, image/jpeg) in the
   * transfer syntax {@code partSyntax} may be sent in a multipart/related answer for bulk data or
   * frames (PS3.18 8.7.3.3.2, 8.7.5): no Accept, a wildcard, multipart/related without a type, or
   * with that type (and a transfer-syntax parameter, if any, of {@code *} or that syntax).
   */
  public static boolean acceptsPart(List<MediaType> acceptable, String partType, String partSyntax) {
    if (acceptable == null || acceptable.isEmpty()) {
      return true;
    }
    for (MediaType type : acceptable) {
      if (type.isWildcardType()) {
        return true;
      }
      String root;
      if (isMultipartRelated(type)) {
        root = type.getParameters().get("type");
        if (root == null) {
          return true;
        }
        root = unquote(root);
      } else {
        root = type.getType() + "/" + type.getSubtype();
      }
      MediaType rootType = simpleType(root);
      if (rootType == null || !rootType.isCompatible(simpleType(partType))) {
        continue;
      }
      String syntax = type.getParameters().get("transfer-syntax");
      if (syntax == null
          || ANY_TRANSFER_SYNTAX.equals(unquote(syntax))
          || unquote(syntax).equals(partSyntax)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The rendered media type to answer (PS3.18 8.7.4, Table 8.7.4-1): image/jpeg by default (no
   * Accept, {@code *}/{@code *} or image/{@code *}), else the first of image/jpeg, image/png,
   * image/gif the client accepts. {@code acceptParameter} (the {@code accept} query parameter,
   * 8.3.3.1) wins over the header.
   *
   * @throws NotAcceptableMediaException if none is acceptable
   */
  public static String renderedType(List<MediaType> acceptable, String acceptParameter) {
    List<MediaType> types = acceptable;
    if (acceptParameter != null && !acceptParameter.isBlank()) {
      types = new ArrayList<>();
      for (String one : acceptParameter.split(",")) {
        MediaType type = simpleType(one);
        if (type == null) {
          throw new NotAcceptableMediaException("Not a media type: " + one.trim());
        }
        types.add(type);
      }
    }
    if (types == null || types.isEmpty()) {
      return IMAGE_JPEG;
    }
    for (MediaType type : types) {
      for (String supported : List.of(IMAGE_JPEG, IMAGE_PNG, IMAGE_GIF)) {
        if (type.isCompatible(simpleType(supported))) {
          return supported;
        }
      }
    }
    throw new NotAcceptableMediaException(
        "Rendered images are served as image/jpeg, image/png or image/gif");
  }

  /**
   * {@code type/subtype}, parameters dropped, without JAX-RS's RuntimeDelegate (so that unit tests
   * need no JAX-RS implementation); null if malformed.
   */
  static MediaType simpleType(String value) {
    String v = value.trim();
    int semicolon = v.indexOf(';');
    if (semicolon >= 0) {
      v = v.substring(0, semicolon).trim();
    }
    int slash = v.indexOf('/');
    if (slash <= 0 || slash == v.length() - 1) {
      return null;
    }
    return new MediaType(v.substring(0, slash).trim(), v.substring(slash + 1).trim());
  }

  private static boolean isMultipartRelated(MediaType type) {
    return "multipart".equalsIgnoreCase(type.getType())
        && ("related".equalsIgnoreCase(type.getSubtype()) || type.isWildcardSubtype());
  }

  static String unquote(String value) {
    String v = value.trim();
    return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")
        ? v.substring(1, v.length() - 1)
        : v;
  }

  /** No representation the client accepts (answered with 406). */
  public static class NotAcceptableMediaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotAcceptableMediaException(String message) {
      super(message);
    }
  }
}

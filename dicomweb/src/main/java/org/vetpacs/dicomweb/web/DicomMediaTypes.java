package org.vetpacs.dicomweb.web;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

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

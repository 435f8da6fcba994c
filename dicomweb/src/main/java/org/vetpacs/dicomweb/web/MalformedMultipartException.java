package org.vetpacs.dicomweb.web;

/** The request body is not a well-formed multipart/related body (RFC 2046 5.1, RFC 2387). */
public class MalformedMultipartException extends java.io.IOException {
  private static final long serialVersionUID = 1L;

  public MalformedMultipartException(String message) {
    super(message);
  }
}

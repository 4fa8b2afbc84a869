package org.palermo.app.cases.web;

import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.RequestRefusal;

/**
 * ETags of persons and cases: the record's {@code version} as a strong tag ({@code "3"}). A write
 * must send it back in {@code If-Match}; without one the write is refused with 412 (not 428, so
 * that clients handle one status for "read again first"), as with a stale one.
 */
final class ETags {
  private ETags() {}

  static String of(int version) {
    return "\"" + version + "\"";
  }

  static int required(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new PalermoException(
          ErrorCode.PRECONDITION_FAILED,
          RequestRefusal.IF_MATCH_REQUIRED,
          "Send If-Match with the ETag you read, so that no one's edit is overwritten.");
    }
    String v = ifMatch.strip();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    v = v.replace("\"", "");
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new PalermoException(
          ErrorCode.PRECONDITION_FAILED,
          RequestRefusal.IF_MATCH_INVALID,
          "The If-Match value is not an ETag of this record.");
    }
  }
}

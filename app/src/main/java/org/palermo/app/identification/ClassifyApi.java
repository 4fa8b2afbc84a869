package org.palermo.app.identification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.palermo.app.access.CurrentUser;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/assessments/classify}: the classification contract over HTTP. Nothing is
 * stored; the call is audited with the number of inputs only.
 */
@RestController
@Tag(name = "Assessments")
@SecurityRequirement(name = "token")
class ClassifyApi {
  static final long MAX_BODY_BYTES = 5L * 1024 * 1024;

  private final ClassificationContract contract;
  private final AuditLog audit;

  ClassifyApi(ClassificationContract contract, AuditLog audit) {
    this.contract = contract;
    this.audit = audit;
  }

  @PostMapping(
      path = "/api/v1/assessments/classify",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Classify facts under the Palermo Protocols",
      description =
          "Takes one facts object or an array of them and returns one assessment per input, in"
              + " the same order, under the current rule set or the one named by ruleSet (e.g."
              + " palermo-rules/1.0.0, to reproduce an earlier assessment in that version's shape)."
              + " See docs/classification.md for the fields.")
  JsonNode classify(
      @RequestBody String body,
      @org.springframework.web.bind.annotation.RequestParam(required = false) String ruleSet,
      HttpServletRequest request) {
    PalermoPrincipal me = CurrentUser.get();
    if (request.getContentLengthLong() > MAX_BODY_BYTES || body.length() > MAX_BODY_BYTES) {
      throw new PalermoException(
          ErrorCode.PAYLOAD_TOO_LARGE, "Send at most 5 MB per request; split larger batches.");
    }
    JsonNode result = contract.classify(body, ruleSet);
    audit.record(
        new AuditEntry(
            me.username(),
            me.agencyName(),
            "identification.classify",
            "-",
            Outcome.SUCCESS,
            "inputs=" + (result.isArray() ? result.size() : 1)));
    return result;
  }
}

package org.palermo.app.cases.care;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.palermo.app.access.CurrentUser;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.Idempotency;
import org.palermo.app.platform.PalermoException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/cases/{caseId}/attachments}: encrypted attachments of one case. */
@RestController
@RequestMapping("/api/v1/cases/{caseId}/attachments")
@Tag(name = "Case care")
@SecurityRequirement(name = "token")
class AttachmentApi {
  private final Attachments attachments;
  private final Idempotency keys;

  AttachmentApi(Attachments attachments, Idempotency keys) {
    this.attachments = attachments;
    this.keys = keys;
  }

  record AttachmentResponse(
      UUID id,
      String fileName,
      String contentType,
      long size,
      String uploadedBy,
      String uploadedAgency,
      Instant uploadedAt) {}

  record Created(UUID id) {}

  @GetMapping
  @Operation(summary = "The case's attachments, newest first (no content)")
  List<AttachmentResponse> list(@PathVariable UUID caseId) {
    return attachments.list(CurrentUser.get(), caseId).stream()
        .map(
            a ->
                new AttachmentResponse(
                    a.id(),
                    a.fileName(),
                    a.contentType(),
                    a.size(),
                    a.uploadedBy(),
                    a.uploadedAgency(),
                    a.uploadedAt()))
        .toList();
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Upload a PDF, PNG, JPEG or plain-text file (multipart field 'file')")
  Created upload(
      @PathVariable UUID caseId,
      @RequestParam("file") MultipartFile file,
      @RequestHeader(value = CareApi.KEY, required = false) String key) {
    PalermoPrincipal me = CurrentUser.get();
    byte[] content = read(file, attachments.maxBytes());
    return new Created(
        keys.runForId(
            me.userId(),
            key,
            Idempotency.fingerprint(
                "POST",
                "/api/v1/cases/" + caseId + "/attachments/" + file.getOriginalFilename(),
                content),
            () -> attachments.upload(me, caseId, file.getOriginalFilename(), content)));
  }

  @GetMapping("/{attachmentId}")
  @Operation(summary = "Download an attachment (always as a download, never inline)")
  ResponseEntity<byte[]> download(@PathVariable UUID caseId, @PathVariable UUID attachmentId) {
    return AttachmentResponses.download(
        attachments.download(CurrentUser.get(), caseId, attachmentId));
  }

  /**
   * The upload's bytes, reading at most one byte more than the limit, so that an oversized part is
   * refused without being held in memory whole.
   */
  static byte[] read(MultipartFile file, long maxBytes) {
    if (file.getSize() > maxBytes) {
      throw new PalermoException(
          ErrorCode.PAYLOAD_TOO_LARGE,
          CareRefusal.TOO_LARGE,
          "The file is larger than " + maxBytes + " bytes.",
          Map.of("field", "file", "maxBytes", maxBytes));
    }
    try (InputStream in = file.getInputStream()) {
      return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    } catch (IOException e) {
      throw new PalermoException(ErrorCode.MALFORMED_REQUEST, "The upload cannot be read.");
    }
  }
}

package org.palermo.app.cases.care;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Attachments of a case (SECURITY.md rule 6): type-checked by content ({@link ContentSniffer}),
 * size-limited ({@code palermo.attachments.max-size}, 10 MB by default), encrypted ({@link
 * AttachmentCipher}) and kept in the database so that backups hold them. Every upload and download
 * is audited; a user who may not read the case's narrative is told the attachment does not exist.
 */
@Service
public class Attachments {
  static final int NAME_MAX = 200;

  private final JdbcClient jdbc;
  private final CareGuard guard;
  private final AttachmentCipher cipher;
  private final Clock clock;
  private final long maxBytes;

  Attachments(
      JdbcClient jdbc,
      CareGuard guard,
      AttachmentCipher cipher,
      Clock clock,
      @Value("${palermo.attachments.max-size:10MB}") DataSize maxSize) {
    this.jdbc = jdbc;
    this.guard = guard;
    this.cipher = cipher;
    this.clock = clock;
    this.maxBytes = maxSize.toBytes();
  }

  /** An attachment as listed: no content. */
  public record Attachment(
      UUID id,
      String fileName,
      String contentType,
      long size,
      String uploadedBy,
      String uploadedAgency,
      Instant uploadedAt) {}

  /** A decrypted attachment to send. */
  public record Download(String fileName, String contentType, byte[] content) {}

  /** The largest accepted attachment, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /** Checks, encrypts and stores an attachment. */
  @Transactional
  public UUID upload(PalermoPrincipal who, UUID caseId, String originalName, byte[] content) {
    guard.write(who, caseId, FieldGroup.CASE_NARRATIVE);
    if (content == null || content.length == 0) {
      refuse(who, caseId, "empty");
      throw CareGuard.invalid("file", CareRefusal.EMPTY, "The file is empty.");
    }
    if (content.length > maxBytes) {
      refuse(who, caseId, "tooLarge");
      throw new PalermoException(
          ErrorCode.PAYLOAD_TOO_LARGE,
          CareRefusal.TOO_LARGE,
          "The file is larger than " + maxBytes + " bytes.",
          Map.of("field", "file", "maxBytes", maxBytes));
    }
    String name = cleanName(originalName);
    String type =
        ContentSniffer.accept(content, name)
            .orElseThrow(
                () -> {
                  refuse(who, caseId, "type");
                  return new PalermoException(
                      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                      CareRefusal.TYPE,
                      "Only PDF, PNG, JPEG and plain text files are accepted, and the name's"
                          + " extension must match the content.",
                      Map.of("field", "file"));
                });
    UUID id = UUID.randomUUID();
    AttachmentCipher.Sealed sealed = cipher.seal(caseId, id.toString(), name, content);
    jdbc.sql(
            "INSERT INTO care_attachment (id, case_id, content_type, size_bytes, wrapped_key,"
                + " key_id, file_name, content, uploaded_by, uploaded_agency, uploaded_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            caseId,
            type,
            (long) content.length,
            sealed.wrappedKey(),
            sealed.keyId(),
            sealed.fileName(),
            sealed.content(),
            who.username(),
            who.agencyName(),
            Timestamp.from(clock.instant()))
        .update();
    guard.wrote(
        who,
        caseId,
        "care.attachment.uploaded",
        "care.attachment.upload",
        "attachment:" + id + " type=" + type + " bytes=" + content.length);
    return id;
  }

  /** The case's attachments, newest first, with their decrypted names. */
  public List<Attachment> list(PalermoPrincipal who, UUID caseId) {
    guard.read(who, caseId, FieldGroup.CASE_NARRATIVE, "care.attachments.read");
    return jdbc.sql(
            "SELECT id, content_type, size_bytes, wrapped_key, file_name, uploaded_by,"
                + " uploaded_agency, uploaded_at FROM care_attachment WHERE case_id = ?"
                + " ORDER BY uploaded_at DESC, id")
        .param(caseId)
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              return new Attachment(
                  id,
                  cipher.openName(
                      caseId, id.toString(), rs.getBytes("wrapped_key"), rs.getBytes("file_name")),
                  rs.getString("content_type"),
                  rs.getLong("size_bytes"),
                  rs.getString("uploaded_by"),
                  rs.getString("uploaded_agency"),
                  rs.getTimestamp("uploaded_at").toInstant());
            })
        .list();
  }

  /**
   * One attachment, decrypted, for download. Any refusal of the access policy answers {@code
   * NOT_FOUND}, so that an attachment's existence is not revealed; the policy audits the refusal.
   */
  public Download download(PalermoPrincipal who, UUID caseId, UUID attachmentId) {
    try {
      guard.read(who, caseId, FieldGroup.CASE_NARRATIVE, "care.attachments.open");
    } catch (PalermoException e) {
      if (e.code() == ErrorCode.FORBIDDEN) {
        throw new PalermoException(ErrorCode.NOT_FOUND, "No such attachment.");
      }
      throw e;
    }
    Download found =
        jdbc.sql(
                "SELECT content_type, wrapped_key, file_name, content FROM care_attachment"
                    + " WHERE id = ? AND case_id = ?")
            .params(attachmentId, caseId)
            .query(
                (rs, n) -> {
                  String id = attachmentId.toString();
                  byte[] key = rs.getBytes("wrapped_key");
                  return new Download(
                      cipher.openName(caseId, id, key, rs.getBytes("file_name")),
                      rs.getString("content_type"),
                      cipher.openContent(caseId, id, key, rs.getBytes("content")));
                })
            .optional()
            .orElseThrow(() -> new PalermoException(ErrorCode.NOT_FOUND, "No such attachment."));
    guard.record(
        who,
        "care.attachment.download",
        "case:" + caseId,
        Outcome.SUCCESS,
        "attachment:" + attachmentId);
    return found;
  }

  private void refuse(PalermoPrincipal who, UUID caseId, String reason) {
    guard.record(who, "care.attachment.upload", "case:" + caseId, Outcome.FAILURE, reason);
  }

  /** The last path segment, without control characters, at most {@link #NAME_MAX} characters. */
  static String cleanName(String original) {
    String name = original == null ? "" : original;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
    if (name.isEmpty()) {
      name = "attachment";
    }
    if (name.length() > NAME_MAX) {
      int dot = name.lastIndexOf('.');
      String ext = dot > 0 && name.length() - dot <= 6 ? name.substring(dot) : "";
      name = name.substring(0, NAME_MAX - ext.length()) + ext;
    }
    return name;
  }
}

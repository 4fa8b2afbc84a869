package org.palermo.app.cases.care;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How an attachment leaves the server, for the API and the pages alike: always as a download
 * ({@code Content-Disposition: attachment}), never sniffed ({@code X-Content-Type-Options:
 * nosniff}), sandboxed should a browser render it anyway, and never cached.
 */
final class AttachmentResponses {
  private AttachmentResponses() {}

  static ResponseEntity<byte[]> download(Attachments.Download d) {
    MediaType type =
        d.contentType().equals(ContentSniffer.TEXT)
            ? new MediaType("text", "plain", StandardCharsets.UTF_8)
            : MediaType.parseMediaType(d.contentType());
    return ResponseEntity.ok()
        .contentType(type)
        .contentLength(d.content().length)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(d.fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .cacheControl(CacheControl.noStore())
        .body(d.content());
  }
}

package org.palermo.app.cases.care;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides an attachment's type from its bytes (magic numbers), never from the name or the browser's
 * claim: PDF, PNG, JPEG or plain UTF-8 text, and nothing else (OWASP ASVS 12.2.1). The name's
 * extension must agree with the content, so a script named {@code .pdf} is refused; text that a
 * browser could take for HTML, SVG or XML is refused too.
 */
final class ContentSniffer {
  static final String PDF = "application/pdf";
  static final String PNG = "image/png";
  static final String JPEG = "image/jpeg";
  static final String TEXT = "text/plain";

  private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final Pattern MARKUP =
      Pattern.compile(
          "<\\s*(?:!doctype|html|head|body|script|svg|iframe|object|embed|\\?xml)|javascript:",
          Pattern.CASE_INSENSITIVE);

  private ContentSniffer() {}

  /** The accepted content type of {@code content} named {@code fileName}, or empty if refused. */
  static Optional<String> accept(byte[] content, String fileName) {
    if (content == null || content.length == 0) {
      return Optional.empty();
    }
    Optional<String> detected = detect(content);
    Optional<String> expected = expected(fileName);
    if (detected.isEmpty() || expected.isEmpty() || !detected.equals(expected)) {
      return Optional.empty();
    }
    return detected;
  }

  /** The type the bytes show, if it is one of the four accepted. */
  static Optional<String> detect(byte[] b) {
    if (startsWith(b, PDF_MAGIC)) {
      return Optional.of(PDF);
    }
    if (startsWith(b, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (startsWith(b, JPEG_MAGIC)) {
      return Optional.of(JPEG);
    }
    return isPlainText(b) ? Optional.of(TEXT) : Optional.empty();
  }

  /** The type the file name's extension announces; a name without extension means text. */
  static Optional<String> expected(String fileName) {
    String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1);
    return switch (ext) {
      case "pdf" -> Optional.of(PDF);
      case "png" -> Optional.of(PNG);
      case "jpg", "jpeg" -> Optional.of(JPEG);
      case "txt", "text", "" -> Optional.of(TEXT);
      default -> Optional.empty();
    };
  }

  private static boolean isPlainText(byte[] b) {
    String s;
    try {
      s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(b))
              .toString();
    } catch (CharacterCodingException e) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
        return false;
      }
      if (c == 0x7F) {
        return false;
      }
    }
    String start = s.startsWith("\uFEFF") ? s.substring(1) : s;
    return !start.stripLeading().startsWith("<") && !MARKUP.matcher(s).find();
  }

  private static boolean startsWith(byte[] b, byte[] magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (b[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}

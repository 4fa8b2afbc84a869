package org.palermo.app.cases.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {
  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void the_type_comes_from_the_bytes_and_the_name_must_agree() {
    assertThat(ContentSniffer.accept(b("%PDF-1.7 ..."), "a.pdf")).contains(ContentSniffer.PDF);
    assertThat(ContentSniffer.accept(b("%PDF-1.7 ..."), "a.txt")).isEmpty();
    assertThat(ContentSniffer.accept(b("<!DOCTYPE html><p>hi"), "a.pdf")).isEmpty();
    assertThat(ContentSniffer.accept(b("hello <script>x</script>"), "a.txt")).isEmpty();
    assertThat(ContentSniffer.accept(b("مرحبا — note in Arabic"), "note.txt"))
        .contains(ContentSniffer.TEXT);
    assertThat(ContentSniffer.accept(b("plain"), "README")).contains(ContentSniffer.TEXT);
    assertThat(ContentSniffer.accept(new byte[] {(byte) 0xC3, 0x28}, "bad.txt")).isEmpty();
    assertThat(ContentSniffer.accept(new byte[0], "empty.txt")).isEmpty();
    assertThat(ContentSniffer.accept(b("MZ\u0000\u0001"), "tool.exe")).isEmpty();
  }

  @Test
  void a_file_name_keeps_only_its_last_segment_without_control_characters() {
    assertThat(Attachments.cleanName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(Attachments.cleanName("C:\\docs\\a\"b\r\n.pdf")).isEqualTo("ab.pdf");
    assertThat(Attachments.cleanName("x".repeat(300) + ".pdf")).hasSize(200).endsWith(".pdf");
    assertThat(Attachments.cleanName("")).isEqualTo("attachment");
  }
}

package org.palermo.app.cases.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palermo.app.platform.PalermoProperties;

class AttachmentCipherTest {
  @TempDir Path dir;

  AttachmentCipher cipher() {
    return new AttachmentCipher(new PalermoProperties(dir, false, null, null, false));
  }

  @Test
  void seals_under_a_fresh_data_key_and_opens_only_for_the_same_attachment() throws Exception {
    byte[] content = "the same content".getBytes(StandardCharsets.UTF_8);
    AttachmentCipher cipher = cipher();
    AttachmentCipher.Sealed a = cipher.seal("a", "a.txt", content);
    AttachmentCipher.Sealed b = cipher.seal("b", "a.txt", content);
    assertThat(a.wrappedKey()).isNotEqualTo(b.wrappedKey());
    assertThat(a.content()).isNotEqualTo(b.content());
    assertThat(a.keyId()).startsWith("local:").isEqualTo(b.keyId());

    assertThat(cipher.openContent("a", a.wrappedKey(), a.content())).isEqualTo(content);
    assertThat(cipher.openName("a", a.wrappedKey(), a.fileName())).isEqualTo("a.txt");
    // a value copied to another attachment's row does not open
    assertThatThrownBy(() -> cipher.openContent("b", a.wrappedKey(), a.content()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cipher.openContent("a", b.wrappedKey(), a.content()))
        .isInstanceOf(IllegalStateException.class);
    byte[] tampered = a.content().clone();
    tampered[tampered.length - 1] ^= 1;
    assertThatThrownBy(() -> cipher.openContent("a", a.wrappedKey(), tampered))
        .isInstanceOf(IllegalStateException.class);

    Path key = dir.resolve("keys/master.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    // the key file is reused: another instance (a restart) opens what the first sealed
    assertThat(cipher().openContent("a", a.wrappedKey(), a.content())).isEqualTo(content);
    Files.writeString(key, java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\n");
    assertThatThrownBy(() -> cipher().openContent("a", a.wrappedKey(), a.content()))
        .isInstanceOf(IllegalStateException.class);
  }
}

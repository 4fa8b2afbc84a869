package org.palermo.app.cases.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.platform.crypto.DataKeys;
import org.palermo.app.platform.crypto.SealedDataException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The attachment envelope: a fresh file key per attachment, sealed by the case's data key; a value
 * opens only for its own case, attachment and role, not after tampering, and not once the case's
 * data key is erased.
 */
@PalermoIntegrationTest
class AttachmentCipherIT {
  @Autowired AttachmentCipher cipher;
  @Autowired DataKeys keys;

  @Test
  void seals_under_a_fresh_file_key_and_opens_only_for_the_same_case_and_attachment() {
    UUID caseId = UUID.randomUUID();
    UUID otherCase = UUID.randomUUID();
    byte[] content = "the same content".getBytes(StandardCharsets.UTF_8);
    AttachmentCipher.Sealed a = cipher.seal(caseId, "a", "a.txt", content);
    AttachmentCipher.Sealed b = cipher.seal(caseId, "b", "a.txt", content);
    assertThat(a.wrappedKey()).isNotEqualTo(b.wrappedKey());
    assertThat(a.content()).isNotEqualTo(b.content());
    assertThat(a.keyId()).isEqualTo(AttachmentCipher.CASE_DATA_KEY).isEqualTo(b.keyId());

    assertThat(cipher.openContent(caseId, "a", a.wrappedKey(), a.content())).isEqualTo(content);
    assertThat(cipher.openName(caseId, "a", a.wrappedKey(), a.fileName())).isEqualTo("a.txt");
    // a value copied to another attachment's row, or another case, does not open
    assertThatThrownBy(() -> cipher.openContent(caseId, "b", a.wrappedKey(), a.content()))
        .isInstanceOf(SealedDataException.class);
    assertThatThrownBy(() -> cipher.openContent(caseId, "a", b.wrappedKey(), a.content()))
        .isInstanceOf(SealedDataException.class);
    cipher.seal(otherCase, "x", "x.txt", content);
    assertThatThrownBy(() -> cipher.openContent(otherCase, "a", a.wrappedKey(), a.content()))
        .isInstanceOf(SealedDataException.class);
    byte[] tampered = a.content().clone();
    tampered[tampered.length - 1] ^= 1;
    assertThatThrownBy(() -> cipher.openContent(caseId, "a", a.wrappedKey(), tampered))
        .isInstanceOf(IllegalStateException.class);
    // crypto-shredding: without the case's data key nothing opens
    assertThat(keys.erase(caseId)).isTrue();
    assertThatThrownBy(() -> cipher.openContent(caseId, "a", a.wrappedKey(), a.content()))
        .isInstanceOf(SealedDataException.class);
  }
}

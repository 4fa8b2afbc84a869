package org.palermo.app.cases.care;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.palermo.app.platform.crypto.FieldCipher;
import org.springframework.stereotype.Component;

/**
 * Envelope encryption of attachments (SECURITY.md rule 6; ASVS V6.1): AES-256-GCM under a fresh
 * random key per attachment, that file key itself sealed by the platform {@link FieldCipher} with
 * the <b>case</b> data key (the case id is the record id). Master-key rotation ({@code palermo keys
 * rotate}) therefore covers attachments, and erasing the case's data key (retention, erasure)
 * shreds them. Each value is the 12-byte IV followed by ciphertext and 128-bit tag; the associated
 * data binds it to its attachment and role (key, name, content), so a value copied to another row
 * does not decrypt.
 */
@Component
class AttachmentCipher {
  /** The {@code key_id} of attachments whose file key is sealed by the case's data key. */
  static final String CASE_DATA_KEY = "case-data-key";

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final FieldCipher cipher;
  private final SecureRandom random = new SecureRandom();

  AttachmentCipher(FieldCipher cipher) {
    this.cipher = cipher;
  }

  /** An attachment sealed under a fresh file key. */
  record Sealed(byte[] wrappedKey, String keyId, byte[] fileName, byte[] content) {}

  Sealed seal(UUID caseId, String id, String fileName, byte[] content) {
    byte[] fileKey = new byte[32];
    random.nextBytes(fileKey);
    try {
      return new Sealed(
          cipher.sealBytes(caseId, context(id, "key"), fileKey),
          CASE_DATA_KEY,
          encrypt(fileKey, fileName.getBytes(StandardCharsets.UTF_8), aad(id, "name")),
          encrypt(fileKey, content, aad(id, "content")));
    } finally {
      Arrays.fill(fileKey, (byte) 0);
    }
  }

  /** The file name, decrypted. */
  String openName(UUID caseId, String id, byte[] wrappedKey, byte[] fileName) {
    byte[] fileKey = cipher.openBytes(caseId, context(id, "key"), wrappedKey);
    try {
      return new String(decrypt(fileKey, fileName, aad(id, "name")), StandardCharsets.UTF_8);
    } finally {
      Arrays.fill(fileKey, (byte) 0);
    }
  }

  /** The content, decrypted. */
  byte[] openContent(UUID caseId, String id, byte[] wrappedKey, byte[] content) {
    byte[] fileKey = cipher.openBytes(caseId, context(id, "key"), wrappedKey);
    try {
      return decrypt(fileKey, content, aad(id, "content"));
    } finally {
      Arrays.fill(fileKey, (byte) 0);
    }
  }

  private static String context(String id, String role) {
    return "attachment:" + id + ":" + role;
  }

  private static byte[] aad(String id, String role) {
    return ("palermo-attachment:" + id + ":" + role).getBytes(StandardCharsets.UTF_8);
  }

  private byte[] encrypt(byte[] key, byte[] plain, byte[] aad) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
      c.updateAAD(aad);
      byte[] body = c.doFinal(plain);
      byte[] out = new byte[IV_BYTES + body.length];
      System.arraycopy(iv, 0, out, 0, IV_BYTES);
      System.arraycopy(body, 0, out, IV_BYTES, body.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  private static byte[] decrypt(byte[] key, byte[] sealed, byte[] aad) {
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
      c.updateAAD(aad);
      return c.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed (wrong key or altered data)", e);
    }
  }
}

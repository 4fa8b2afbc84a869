package org.palermo.app.cases.care;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.palermo.app.platform.PalermoProperties;
import org.springframework.stereotype.Component;

/**
 * Envelope encryption of attachments (SECURITY.md rule 6; ASVS V6.1): AES-256-GCM under a fresh
 * random data key per attachment, the data key itself wrapped by AES-256-GCM under the master key,
 * which is never stored in the database. Each value is the 12-byte IV followed by ciphertext and
 * 128-bit tag; the associated data binds it to its attachment and role (key, name, content), so a
 * value copied to another row does not decrypt.
 *
 * <p>The master key comes from {@code PALERMO_MASTER_KEY} (base64 of 32 bytes) or from {@code
 * <data-dir>/keys/master.key}, created on first use with mode 600. This small key code is a
 * stand-in: the platform key ring (with rotation) may replace it.
 */
@Component
class AttachmentCipher {
  static final String ENV = "PALERMO_MASTER_KEY";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Path keyFile;
  private final SecureRandom random = new SecureRandom();
  private volatile byte[] master;
  private volatile String keyId;

  AttachmentCipher(PalermoProperties properties) {
    this.keyFile = properties.dataDir().resolve("keys").resolve("master.key");
  }

  /** An attachment sealed under a fresh data key. */
  record Sealed(byte[] wrappedKey, String keyId, byte[] fileName, byte[] content) {}

  Sealed seal(String id, String fileName, byte[] content) {
    byte[] dataKey = new byte[32];
    random.nextBytes(dataKey);
    try {
      return new Sealed(
          encrypt(master(), dataKey, aad(id, "key")),
          keyId,
          encrypt(dataKey, fileName.getBytes(StandardCharsets.UTF_8), aad(id, "name")),
          encrypt(dataKey, content, aad(id, "content")));
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  /** The file name, decrypted. */
  String openName(String id, byte[] wrappedKey, byte[] fileName) {
    byte[] dataKey = decrypt(master(), wrappedKey, aad(id, "key"));
    try {
      return new String(decrypt(dataKey, fileName, aad(id, "name")), StandardCharsets.UTF_8);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  /** The content, decrypted. */
  byte[] openContent(String id, byte[] wrappedKey, byte[] content) {
    byte[] dataKey = decrypt(master(), wrappedKey, aad(id, "key"));
    try {
      return decrypt(dataKey, content, aad(id, "content"));
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
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

  private byte[] master() {
    byte[] key = master;
    if (key == null) {
      synchronized (this) {
        if (master == null) {
          byte[] loaded = load();
          keyId = fingerprint(loaded);
          master = loaded;
        }
        key = master;
      }
    }
    return key;
  }

  private byte[] load() {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return check(Base64.getDecoder().decode(env.strip()), ENV);
    }
    try {
      if (!Files.exists(keyFile)) {
        create();
      }
      return check(
          Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).strip()),
          keyFile.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the master key file", e);
    }
  }

  private void create() throws IOException {
    Files.createDirectories(keyFile.getParent());
    byte[] key = new byte[32];
    random.nextBytes(key);
    try {
      if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            keyFile,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(keyFile);
      }
      Files.writeString(keyFile, Base64.getEncoder().encodeToString(key) + "\n");
    } catch (FileAlreadyExistsException raced) {
      // another thread or process created it first: use theirs
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static byte[] check(byte[] key, String source) {
    if (key.length != 32) {
      throw new IllegalStateException("The master key from " + source + " is not 256 bits");
    }
    return key;
  }

  private static String fingerprint(byte[] key) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(key);
      return "local:" + HexFormat.of().formatHex(h, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

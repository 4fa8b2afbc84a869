package org.palermo.app.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The master keys, held outside the database (ASVS V6.4.1): either the base64 value of the {@code
 * PALERMO_MASTER_KEY} environment variable (property {@code palermo.master-key}), or the file
 * {@code <data-dir>/keys/master.key} (mode 600, created at first start). The file holds {@code
 * id=<n>} and {@code key=<base64 of 32 bytes>}; during a rotation {@code master.key.next} holds the
 * next key and both are loaded, so every data key can be unwrapped at every moment.
 *
 * <p>With the environment, {@code PALERMO_MASTER_KEY_PREVIOUS} (property {@code
 * palermo.master-key-previous}, comma-separated) holds older keys that are only used to unwrap: a
 * rotation re-wraps every data key under {@code PALERMO_MASTER_KEY}, after which the previous keys
 * can be dropped (docs/security.md, "Rotating a key from the environment"). An environment key's id
 * is {@code env-} and the first 8 hex digits of its SHA-256, so the key itself is never written
 * anywhere.
 */
public final class KeyRing {
  static final String FILE = "master.key";
  static final String NEXT = "master.key.next";

  /** Bytes of a master key (AES-256). */
  public static final int KEY_BYTES = 32;

  private final Path dir;
  private final boolean fromEnvironment;
  private final List<String> previous = new java.util.ArrayList<>();
  private final Map<String, MasterKey> keys = new ConcurrentHashMap<>();
  private volatile MasterKey current;

  private KeyRing(Path dir, boolean fromEnvironment) {
    this.dir = dir;
    this.fromEnvironment = fromEnvironment;
  }

  /**
   * The key ring of a data directory: from {@code environmentKey} when it is not blank, otherwise
   * from {@code keysDir}, creating the first master key there if there is none.
   */
  public static KeyRing open(Path keysDir, String environmentKey) {
    return open(keysDir, environmentKey, null);
  }

  /**
   * The key ring of a data directory: from {@code environmentKey} (with the read-only {@code
   * previousKeys}, comma-separated) when it is not blank, otherwise from {@code keysDir}, creating
   * the first master key there if there is none.
   *
   * @throws InvalidMasterKeyException if a key is not the base64 of 32 bytes, or previous keys are
   *     given without a current one
   */
  public static KeyRing open(Path keysDir, String environmentKey, String previousKeys) {
    boolean hasPrevious = previousKeys != null && !previousKeys.isBlank();
    if (environmentKey != null && !environmentKey.isBlank()) {
      KeyRing ring = new KeyRing(keysDir, true);
      MasterKey k = environmentKey("PALERMO_MASTER_KEY", environmentKey);
      ring.keys.put(k.id(), k);
      ring.current = k;
      if (hasPrevious) {
        String[] parts = previousKeys.split(",");
        for (int i = 0; i < parts.length; i++) {
          if (parts[i].isBlank()) {
            continue;
          }
          MasterKey old =
              environmentKey("PALERMO_MASTER_KEY_PREVIOUS (key " + (i + 1) + ")", parts[i]);
          if (!old.id().equals(k.id()) && ring.keys.putIfAbsent(old.id(), old) == null) {
            ring.previous.add(old.id());
          }
        }
      }
      return ring;
    }
    if (hasPrevious) {
      throw new InvalidMasterKeyException(
          "PALERMO_MASTER_KEY_PREVIOUS is set but PALERMO_MASTER_KEY is not: the previous keys"
              + " are only read beside a current key from the environment.");
    }
    KeyRing ring = new KeyRing(keysDir, false);
    Path file = keysDir.resolve(FILE);
    if (!Files.exists(file)) {
      ring.write(file, new MasterKey("1", Aead.newKey()));
    }
    MasterKey main = read(file);
    ring.keys.put(main.id(), main);
    ring.current = main;
    ring.pending().ifPresent(next -> ring.keys.put(next.id(), next));
    return ring;
  }

  /** The key that wraps new data keys. */
  public MasterKey current() {
    return current;
  }

  /** The master key with {@code id}, if this ring holds it. */
  public Optional<MasterKey> byId(String id) {
    return Optional.ofNullable(keys.get(id));
  }

  /** Whether the master key comes from the environment (then rotation is done by the operator). */
  public boolean fromEnvironment() {
    return fromEnvironment;
  }

  /** The ids of the read-only previous keys ({@code PALERMO_MASTER_KEY_PREVIOUS}), in order. */
  public List<String> previousIds() {
    return List.copyOf(previous);
  }

  /** A fresh random master key, base64 (for {@code palermo keys generate}). */
  public static String generate() {
    return Base64.getEncoder().encodeToString(Aead.newKey().getEncoded());
  }

  /** The key ids this ring holds. */
  public List<String> ids() {
    return keys.keySet().stream().sorted().toList();
  }

  /** The next key of an unfinished rotation, if there is one. */
  Optional<MasterKey> pending() {
    Path next = dir.resolve(NEXT);
    return Files.exists(next) ? Optional.of(read(next)) : Optional.empty();
  }

  /**
   * Starts a rotation: writes {@code master.key.next} (or reuses it when a rotation was
   * interrupted), loads it and makes it current, so new data keys are wrapped by it at once.
   */
  MasterKey beginRotation() {
    if (fromEnvironment) {
      throw new IllegalStateException(
          "The master key comes from PALERMO_MASTER_KEY; rotate it as docs/security.md says.");
    }
    MasterKey next =
        pending()
            .orElseGet(
                () -> {
                  int n = Integer.parseInt(current.id()) + 1;
                  MasterKey k = new MasterKey(Integer.toString(n), Aead.newKey());
                  write(dir.resolve(NEXT), k);
                  return k;
                });
    keys.put(next.id(), next);
    current = next;
    return next;
  }

  /** Ends a rotation once no data key is wrapped by an old key: the next key becomes the key. */
  void finishRotation(MasterKey next) {
    try {
      try {
        Files.move(
            dir.resolve(NEXT),
            dir.resolve(FILE),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(dir.resolve(NEXT), dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot install the new master key", e);
    }
    keys.keySet().removeIf(id -> !id.equals(next.id()));
    current = next;
  }

  private void write(Path file, MasterKey k) {
    try {
      Files.createDirectories(dir);
      boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
      if (posix) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      }
      Path tmp = dir.resolve(file.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      if (posix) {
        Files.createFile(
            tmp,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(tmp);
      }
      String text =
          "id="
              + k.id()
              + "\nkey="
              + Base64.getEncoder().encodeToString(k.key().getEncoded())
              + "\n";
      Files.writeString(tmp, text, StandardCharsets.US_ASCII);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the master key " + file, e);
    }
  }

  private static MasterKey read(Path file) {
    try {
      String id = null;
      byte[] raw = null;
      for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
        if (line.startsWith("id=")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("key=")) {
          raw = Base64.getDecoder().decode(line.substring(4).strip());
        }
      }
      if (id == null || raw == null) {
        throw new IllegalStateException("The master key file " + file + " is not complete.");
      }
      return new MasterKey(id, Aead.key(raw));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the master key " + file, e);
    }
  }

  /** Decodes an environment key; the messages name the variable and the length, never the value. */
  private static MasterKey environmentKey(String name, String value) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(value.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidMasterKeyException(
          name
              + " is not valid base64. It must be the base64 of "
              + KEY_BYTES
              + " random bytes, as printed by 'palermo keys generate'.");
    }
    if (raw.length != KEY_BYTES) {
      throw new InvalidMasterKeyException(
          name
              + " decodes to "
              + raw.length
              + " bytes; a master key is "
              + KEY_BYTES
              + " random bytes in base64 (44 characters), as printed by 'palermo keys generate'.");
    }
    return new MasterKey("env-" + fingerprint(raw), Aead.key(raw));
  }

  private static String fingerprint(byte[] raw) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(raw);
      return HexFormat.of().formatHex(h, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

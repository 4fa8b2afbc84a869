package org.palermo.app.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The master key file, the environment key, AES-GCM sealing and key wrapping, without a database.
 */
class KeyRingTest {
  @TempDir Path dir;

  @Test
  void the_first_start_creates_a_master_key_readable_only_by_the_owner() throws Exception {
    KeyRing ring = KeyRing.open(dir.resolve("keys"), null);
    Path file = dir.resolve("keys").resolve(KeyRing.FILE);
    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(ring.current().id()).isEqualTo("1");
    KeyRing again = KeyRing.open(dir.resolve("keys"), null);
    assertThat(again.current().key().getEncoded()).isEqualTo(ring.current().key().getEncoded());
  }

  @Test
  void an_environment_key_wins_and_is_named_by_its_fingerprint() {
    byte[] raw = new byte[32];
    raw[0] = 7;
    KeyRing ring = KeyRing.open(dir.resolve("keys"), Base64.getEncoder().encodeToString(raw));
    assertThat(ring.fromEnvironment()).isTrue();
    assertThat(ring.current().id()).startsWith("env-");
    assertThat(dir.resolve("keys")).doesNotExist();
    assertThatThrownBy(ring::beginRotation).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void previous_environment_keys_only_unwrap_and_bad_keys_are_refused_without_repeating_them() {
    String a = KeyRing.generate();
    String b = KeyRing.generate();
    assertThat(Base64.getDecoder().decode(a)).hasSize(32);
    KeyRing onlyA = KeyRing.open(dir.resolve("keys"), a);
    KeyRing ring = KeyRing.open(dir.resolve("keys"), b, " " + a + " ," + b);
    assertThat(ring.current().id()).isNotEqualTo(onlyA.current().id());
    // The previous key is held to unwrap; the current one is not listed twice.
    assertThat(ring.previousIds()).containsExactly(onlyA.current().id());
    assertThat(ring.byId(onlyA.current().id()).orElseThrow().key().getEncoded())
        .isEqualTo(onlyA.current().key().getEncoded());
    UUID record = UUID.randomUUID();
    SecretKey dek = Aead.newKey();
    byte[] wrapped = DataKeys.wrap(onlyA.current(), record, dek);
    assertThat(
            DataKeys.unwrap(ring.byId(onlyA.current().id()).orElseThrow(), record, wrapped)
                .getEncoded())
        .isEqualTo(dek.getEncoded());

    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> KeyRing.open(dir.resolve("keys"), shortKey))
        .isInstanceOf(InvalidMasterKeyException.class)
        .hasMessageContaining("PALERMO_MASTER_KEY decodes to 16 bytes")
        .hasMessageNotContaining(shortKey);
    assertThatThrownBy(() -> KeyRing.open(dir.resolve("keys"), b, a + ",%%%not-base64"))
        .isInstanceOf(InvalidMasterKeyException.class)
        .hasMessageContaining("PALERMO_MASTER_KEY_PREVIOUS (key 2) is not valid base64")
        .hasMessageNotContaining(a);
    assertThatThrownBy(() -> KeyRing.open(dir.resolve("keys"), null, a))
        .isInstanceOf(InvalidMasterKeyException.class)
        .hasMessageContaining("PALERMO_MASTER_KEY is not");
    assertThat(dir.resolve("keys")).doesNotExist();
  }

  @Test
  void sealed_values_open_only_with_the_same_key_and_record() {
    SecretKey k = Aead.newKey();
    byte[] aad = DataKeys.aad(UUID.randomUUID());
    byte[] sealed = Aead.seal(k, "Мария".getBytes(StandardCharsets.UTF_8), aad);
    assertThat(new String(Aead.open(k, sealed, aad), StandardCharsets.UTF_8)).isEqualTo("Мария");
    assertThat(Aead.seal(k, "x".getBytes(StandardCharsets.UTF_8), aad))
        .isNotEqualTo(Aead.seal(k, "x".getBytes(StandardCharsets.UTF_8), aad));
    assertThatThrownBy(() -> Aead.open(k, sealed, DataKeys.aad(UUID.randomUUID())))
        .isInstanceOf(SealedDataException.class);
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> Aead.open(k, sealed, aad)).isInstanceOf(SealedDataException.class);
    assertThatThrownBy(() -> Aead.open(Aead.newKey(), sealed, aad))
        .isInstanceOf(SealedDataException.class);
  }

  @Test
  void a_wrapped_data_key_unwraps_with_its_master_key_only() {
    MasterKey m1 = new MasterKey("1", Aead.newKey());
    MasterKey m2 = new MasterKey("2", Aead.newKey());
    UUID record = UUID.randomUUID();
    SecretKey dek = Aead.newKey();
    byte[] wrapped = DataKeys.wrap(m1, record, dek);
    assertThat(DataKeys.unwrap(m1, record, wrapped).getEncoded()).isEqualTo(dek.getEncoded());
    assertThatThrownBy(() -> DataKeys.unwrap(m2, record, wrapped))
        .isInstanceOf(SealedDataException.class);
  }

  @Test
  void a_rotation_keeps_the_old_key_until_it_finishes_and_resumes_after_a_crash() {
    Path keys = dir.resolve("keys");
    KeyRing ring = KeyRing.open(keys, null);
    MasterKey next = ring.beginRotation();
    assertThat(next.id()).isEqualTo("2");
    // A crash here: a new process loads both keys and resumes with the same next key.
    KeyRing restarted = KeyRing.open(keys, null);
    assertThat(restarted.ids()).containsExactly("1", "2");
    MasterKey resumed = restarted.beginRotation();
    assertThat(resumed.key().getEncoded()).isEqualTo(next.key().getEncoded());
    restarted.finishRotation(resumed);
    assertThat(KeyRing.open(keys, null).ids()).containsExactly("2");
    assertThat(keys.resolve(KeyRing.NEXT)).doesNotExist();
  }

  @Test
  void blind_index_normalises_scripts_and_case() {
    assertThat(BlindIndex.normalise("María-José  O'Neil")).containsExactly("maria", "jose", "neil");
    assertThat(BlindIndex.normalise("Мария")).containsExactly("maria");
  }
}

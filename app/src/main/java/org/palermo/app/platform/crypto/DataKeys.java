package org.palermo.app.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The per-record data keys (table {@code data_key}): created on first seal, wrapped by the current
 * master key with the record id as associated data, unwrapped on demand and kept in memory.
 */
@Component
public class DataKeys {
  private static final int CACHE_LIMIT = 20_000;
  private final JdbcClient jdbc;
  private final KeyRing ring;
  private final Map<UUID, SecretKey> cache = new ConcurrentHashMap<>();

  DataKeys(JdbcClient jdbc, KeyRing ring) {
    this.jdbc = jdbc;
    this.ring = ring;
  }

  /** The data key of {@code recordId}, created (and stored wrapped) if it has none. */
  SecretKey forSealing(UUID recordId) {
    return find(recordId)
        .orElseGet(
            () -> {
              MasterKey master = ring.current();
              SecretKey k = Aead.newKey();
              jdbc.sql(
                      "INSERT INTO data_key (record_id, master_key_id, wrapped) VALUES (?, ?, ?)"
                          + " ON CONFLICT (record_id) DO NOTHING")
                  .params(recordId, master.id(), wrap(master, recordId, k))
                  .update();
              cache.remove(recordId);
              return find(recordId).orElseThrow();
            });
  }

  /** The data key of {@code recordId}; a {@link SealedDataException} if it was erased. */
  SecretKey forOpening(UUID recordId) {
    return find(recordId)
        .orElseThrow(() -> new SealedDataException("The data key of this record was erased."));
  }

  /**
   * Erases the data key of {@code recordId}: everything sealed for the record becomes unreadable
   * for good (crypto-shredding, used by retention and erasure).
   */
  public boolean erase(UUID recordId) {
    cache.remove(recordId);
    return jdbc.sql("DELETE FROM data_key WHERE record_id = ?").param(recordId).update() > 0;
  }

  private Optional<SecretKey> find(UUID recordId) {
    SecretKey k = cache.get(recordId);
    if (k != null) {
      return Optional.of(k);
    }
    Optional<SecretKey> loaded =
        jdbc.sql("SELECT master_key_id, wrapped FROM data_key WHERE record_id = ?")
            .param(recordId)
            .query(
                (rs, n) -> {
                  String id = rs.getString("master_key_id");
                  MasterKey master =
                      ring.byId(id)
                          .orElseThrow(
                              () ->
                                  new InvalidMasterKeyException(
                                      "Master key "
                                          + id
                                          + ", which wraps a record's data key, is not given:"
                                          + " put it in PALERMO_MASTER_KEY_PREVIOUS (or restore"
                                          + " the key file), see docs/security.md."));
                  return unwrap(master, recordId, rs.getBytes("wrapped"));
                })
            .optional();
    loaded.ifPresent(
        key -> {
          if (cache.size() > CACHE_LIMIT) {
            cache.clear();
          }
          cache.put(recordId, key);
        });
    return loaded;
  }

  static byte[] wrap(MasterKey master, UUID recordId, SecretKey dataKey) {
    return Aead.seal(master.key(), dataKey.getEncoded(), aad(recordId));
  }

  static SecretKey unwrap(MasterKey master, UUID recordId, byte[] wrapped) {
    return Aead.key(Aead.open(master.key(), wrapped, aad(recordId)));
  }

  static byte[] aad(UUID recordId) {
    byte[] tag = "palermo-dek:".getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(tag.length + 16)
        .put(tag)
        .putLong(recordId.getMostSignificantBits())
        .putLong(recordId.getLeastSignificantBits())
        .array();
  }
}

package org.palermo.app.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  private final Map<String, byte[]> derived = new ConcurrentHashMap<>();

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

  /** Erases the data keys of {@code recordIds} in one statement; returns those that had one. */
  public Set<UUID> eraseAll(Collection<UUID> recordIds) {
    if (recordIds.isEmpty()) {
      return Set.of();
    }
    recordIds.forEach(cache::remove);
    return new HashSet<>(
        jdbc.sql(
                "DELETE FROM data_key WHERE record_id = ANY(CAST(? AS uuid[])) RETURNING record_id")
            .param(uuids(recordIds))
            .query(UUID.class)
            .list());
  }

  /**
   * Erases the data keys of the cases {@code caseIds} and of every row, in any table with uuid
   * columns {@code id} and {@code case_id}, that belongs to one of them (erasure and retention,
   * GDPR Art. 17): whatever any module sealed for the case can never be read again. One statement
   * per such table for all the cases; a new table is covered without being named here. Returns how
   * many keys were erased per case.
   */
  public Map<UUID, Integer> eraseOfCases(Collection<UUID> caseIds) {
    Map<UUID, Integer> erased = new HashMap<>();
    if (caseIds.isEmpty()) {
      return erased;
    }
    String[] cases = uuids(caseIds);
    caseIds.forEach(cache::remove);
    count(
        erased,
        jdbc.sql(
                "DELETE FROM data_key WHERE record_id = ANY(CAST(? AS uuid[])) RETURNING record_id")
            .param(cases)
            .query(UUID.class)
            .list());
    List<String> tables =
        jdbc.sql(
                """
                SELECT c.table_name FROM information_schema.columns c
                JOIN information_schema.columns i ON i.table_schema = c.table_schema
                  AND i.table_name = c.table_name AND i.column_name = 'id' AND i.data_type = 'uuid'
                WHERE c.table_schema = current_schema() AND c.column_name = 'case_id'
                  AND c.data_type = 'uuid'""")
            .query(String.class)
            .list();
    for (String t : tables) {
      List<UUID[]> rows =
          jdbc.sql(
                  "DELETE FROM data_key k USING \""
                      + t.replace("\"", "")
                      + "\" r WHERE k.record_id = r.id AND r.case_id = ANY(CAST(? AS uuid[]))"
                      + " RETURNING r.case_id, k.record_id")
              .param(cases)
              .query(
                  (rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
              .list();
      for (UUID[] row : rows) {
        cache.remove(row[1]);
        erased.merge(row[0], 1, Integer::sum);
      }
    }
    return erased;
  }

  private static void count(Map<UUID, Integer> erased, List<UUID> ids) {
    ids.forEach(id -> erased.merge(id, 1, Integer::sum));
  }

  private static String[] uuids(Collection<UUID> ids) {
    return ids.stream().map(UUID::toString).toArray(String[]::new);
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

  /**
   * A 32-byte key for {@code label} derived with HKDF-SHA-256 (RFC 5869, the label as "info") from
   * the data key of {@code root}, read through {@code on} (a caller with a connection of its own,
   * such as the audit trail, does not need one from the main pool). The root data key is wrapped by
   * the master key like any other, so the derived key rotates with it and cannot be computed by
   * someone who holds the database but not the master key. Empty when the root has no data key and
   * {@code create} is false.
   */
  public Optional<byte[]> derivedKey(JdbcClient on, UUID root, String label, boolean create) {
    var sql = "SELECT master_key_id, wrapped FROM data_key WHERE record_id = ?";
    var row =
        on.sql(sql)
            .param(root)
            .query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2)})
            .optional();
    if (row.isEmpty() && create) {
      MasterKey master = ring.current();
      on.sql(
              "INSERT INTO data_key (record_id, master_key_id, wrapped) VALUES (?, ?, ?)"
                  + " ON CONFLICT (record_id) DO NOTHING")
          .params(root, master.id(), wrap(master, root, Aead.newKey()))
          .update();
      row =
          on.sql(sql)
              .param(root)
              .query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2)})
              .optional();
    }
    return row.map(
        r -> {
          String masterId = (String) r[0];
          byte[] wrapped = (byte[]) r[1];
          String cacheKey =
              masterId + ":" + label + ":" + java.util.HexFormat.of().formatHex(wrapped);
          return derived
              .computeIfAbsent(
                  cacheKey,
                  k -> {
                    MasterKey master =
                        ring.byId(masterId)
                            .orElseThrow(
                                () ->
                                    new InvalidMasterKeyException(
                                        "Master key "
                                            + masterId
                                            + " is not given: put it in"
                                            + " PALERMO_MASTER_KEY_PREVIOUS (or restore the key"
                                            + " file), see docs/security.md."));
                    return hkdf(unwrap(master, root, wrapped).getEncoded(), label);
                  })
              .clone();
        });
  }

  /** HKDF-SHA-256 (RFC 5869) with an all-zero salt: 32 bytes of output keying material. */
  static byte[] hkdf(byte[] inputKey, String label) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"));
      byte[] prk = mac.doFinal(inputKey);
      mac.init(new javax.crypto.spec.SecretKeySpec(prk, "HmacSHA256"));
      mac.update(label.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 1);
      return mac.doFinal();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
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

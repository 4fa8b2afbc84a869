package org.palermo.app.federation.persistence;

import static org.palermo.app.federation.persistence.IdentityStore.ts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.palermo.app.federation.protocol.Messages;
import org.palermo.app.platform.crypto.SealedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The messages received ({@code federation_message}); the signed envelope only sealed. */
@Repository
public class MessageStore {
  private static final String TABLE = "federation_message";
  private static final String COLUMN = "signed";

  private final JdbcClient jdbc;
  private final SealedText sealed;

  MessageStore(JdbcClient jdbc, SealedText sealed) {
    this.jdbc = jdbc;
    this.sealed = sealed;
  }

  /** A stored message, as a receipt needs it. */
  public record Received(UUID id, UUID sender, String digest, Instant receivedAt) {}

  public boolean exists(UUID id) {
    return jdbc.sql("SELECT count(*) FROM federation_message WHERE id = ?")
            .param(id)
            .query(Long.class)
            .single()
        > 0;
  }

  public Optional<Received> byDigest(String digest) {
    return jdbc.sql(
            "SELECT id, sender, digest, received_at FROM federation_message WHERE digest = ?")
        .param(digest)
        .query(
            (rs, n) ->
                new Received(
                    rs.getObject("id", UUID.class),
                    rs.getObject("sender", UUID.class),
                    rs.getString("digest"),
                    rs.getTimestamp("received_at").toInstant()))
        .optional();
  }

  /** Stores an opened message once; false when its id or digest is already there. */
  public boolean insert(Messages.Opened o, Instant now) {
    var e = o.envelope();
    return jdbc.sql(
                "INSERT INTO federation_message (id, sender, type, created_at, expires_at,"
                    + " previous_id, digest, signed_sealed, received_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .params(
                e.id(),
                e.from(),
                e.type(),
                ts(e.created()),
                ts(e.expires()),
                e.previous(),
                o.digest(),
                sealed.seal(e.id(), TABLE, COLUMN, e.id(), o.signed()),
                ts(now))
            .update()
        > 0;
  }
}

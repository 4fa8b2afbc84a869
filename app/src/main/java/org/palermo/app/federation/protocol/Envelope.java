package org.palermo.app.federation.protocol;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The envelope of a message, version 1 (docs/federation.md, "The envelope";
 * docs/federation/schemas/envelope.v1.json): what is signed, then encrypted. {@code previous} is
 * the id of the message this one answers or follows in the same conversation (null for the first).
 * The {@code payload} follows the JSON Schema of its {@code type}.
 */
public record Envelope(
    UUID id,
    UUID from,
    UUID to,
    String type,
    Instant created,
    Instant expires,
    UUID previous,
    JsonNode payload) {

  /** The {@code v} member of a version-1 envelope. */
  public static final int VERSION = 1;

  /** A type: a lower-case name and its payload version, e.g. {@code ping.v1}. */
  public static final Pattern TYPE =
      Pattern.compile("[a-z][a-z0-9-]{0,40}(\\.[a-z][a-z0-9-]{0,40})*\\.v[1-9][0-9]{0,2}");

  public Envelope {
    if (id == null || from == null || to == null || created == null || expires == null) {
      throw new IllegalArgumentException("id, from, to, created and expires are required");
    }
    if (type == null || !TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException("type must look like 'name.v1'");
    }
    if (!expires.isAfter(created)) {
      throw new IllegalArgumentException("expires must follow created");
    }
    if (payload == null || !payload.isObject()) {
      throw new IllegalArgumentException("the payload is a JSON object");
    }
  }

  /** A new message of {@code type} from one instance to another, valid for {@code ttl}. */
  public static Envelope create(
      UUID from,
      UUID to,
      String type,
      Instant now,
      java.time.Duration ttl,
      UUID previous,
      JsonNode payload) {
    return new Envelope(UUID.randomUUID(), from, to, type, now, now.plus(ttl), previous, payload);
  }

  /** The envelope as JSON (the JWS payload). */
  public ObjectNode json() {
    ObjectNode e = Json.MAPPER.createObjectNode();
    e.put("v", VERSION);
    e.put("id", id.toString());
    e.put("from", from.toString());
    e.put("to", to.toString());
    e.put("type", type);
    e.put("created", created.toString());
    e.put("expires", expires.toString());
    if (previous == null) {
      e.putNull("previous");
    } else {
      e.put("previous", previous.toString());
    }
    e.set("payload", payload);
    return e;
  }

  /** The envelope of a JSON document already valid against the envelope schema. */
  static Envelope fromJson(JsonNode n) {
    JsonNode prev = n.get("previous");
    return new Envelope(
        UUID.fromString(n.get("id").asString()),
        UUID.fromString(n.get("from").asString()),
        UUID.fromString(n.get("to").asString()),
        n.get("type").asString(),
        Instant.parse(n.get("created").asString()),
        Instant.parse(n.get("expires").asString()),
        prev == null || prev.isNull() ? null : UUID.fromString(prev.asString()),
        n.get("payload"));
  }
}

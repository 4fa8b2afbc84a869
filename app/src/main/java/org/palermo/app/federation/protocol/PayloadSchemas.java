package org.palermo.app.federation.protocol;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schemas (draft 2020-12) of the envelope and of each payload type, from
 * docs/federation/schemas (on the classpath as {@code federation/schemas/}): a type {@code name.vN}
 * is known when {@code name.vN.json} is there. Format assertions are on (uuid, date-time).
 */
public final class PayloadSchemas {
  /** The schema file of the envelope itself. */
  public static final String ENVELOPE = "envelope.v1";

  private static final String BASE = "federation/schemas/";
  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          b ->
              b.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  private final Map<String, Optional<Schema>> schemas = new ConcurrentHashMap<>();

  /** Whether a schema exists for {@code type}. */
  public boolean knows(String type) {
    return schema(type).isPresent();
  }

  /**
   * The schema errors of {@code document} against the schema of {@code type} (paths and keywords,
   * never the values); empty when it matches.
   *
   * @throws IllegalArgumentException when no schema exists for the type
   */
  public List<String> errors(String type, JsonNode document) {
    Schema s = schema(type).orElseThrow(() -> new IllegalArgumentException("unknown type"));
    return s.validate(document).stream()
        .map(e -> e.getInstanceLocation() + " " + e.getKeyword())
        .toList();
  }

  private Optional<Schema> schema(String type) {
    if (type == null || !(type.equals(ENVELOPE) || Envelope.TYPE.matcher(type).matches())) {
      return Optional.empty();
    }
    return schemas.computeIfAbsent(
        type,
        t -> {
          if (PayloadSchemas.class.getClassLoader().getResource(BASE + t + ".json") == null) {
            return Optional.empty();
          }
          return Optional.of(
              registry.getSchema(SchemaLocation.of("classpath:" + BASE + t + ".json")));
        });
  }
}

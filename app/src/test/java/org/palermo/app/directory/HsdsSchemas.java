package org.palermo.app.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Open Referral HSDS 3.0 JSON Schemas (reference/hsds-3.0, see reference/README.md), with
 * format assertions on (uuid, email, uri, date-time).
 */
final class HsdsSchemas {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          b ->
              b.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  private HsdsSchemas() {}

  /** The schema errors of {@code node} against an HSDS schema file ("service.json"). */
  static List<String> errors(String schemaFile, JsonNode node) {
    Schema schema = REGISTRY.getSchema(SchemaLocation.of("classpath:hsds-3.0/" + schemaFile));
    return schema.validate(node).stream().map(Error::toString).toList();
  }

  static void assertValid(String schemaFile, JsonNode node) {
    assertThat(errors(schemaFile, node)).as("%s against %s", node.path("id"), schemaFile).isEmpty();
  }

  /** An official example or schema file of the test copy. */
  static JsonNode resource(String path) {
    try (InputStream in = HsdsSchemas.class.getResourceAsStream("/hsds-3.0/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource hsds-3.0/" + path);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether {@code actual} holds everything {@code expected} holds: the same scalars, every
   * expected field, and for each expected array element one actual element (matched by id when it
   * has one) that holds it.
   */
  static boolean contains(JsonNode actual, JsonNode expected) {
    if (expected.isObject()) {
      if (!actual.isObject()) {
        return false;
      }
      for (String key : expected.propertyNames()) {
        if (!actual.has(key) || !contains(actual.get(key), expected.get(key))) {
          return false;
        }
      }
      return true;
    }
    if (expected.isArray()) {
      if (!actual.isArray()) {
        return false;
      }
      for (JsonNode e : expected) {
        boolean found = false;
        for (JsonNode a : actual) {
          if (contains(a, e)) {
            found = true;
            break;
          }
        }
        if (!found) {
          return false;
        }
      }
      return true;
    }
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    return expected.equals(actual);
  }
}

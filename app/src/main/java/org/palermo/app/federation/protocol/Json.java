package org.palermo.app.federation.protocol;

import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the protocol. */
final class Json {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}
}

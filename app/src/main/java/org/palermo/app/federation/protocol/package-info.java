/**
 * The federation protocol, version 1 (docs/federation.md): partner cards, fingerprints, the message
 * envelope, sealing and opening, and the reasons a card or a message is refused. Plain Java over
 * Nimbus JOSE+JWT and the JSON Schemas of docs/federation/schemas; no database, no Spring.
 */
@org.springframework.modulith.NamedInterface("protocol")
package org.palermo.app.federation.protocol;

/**
 * Federation (issue 15, items 1–3): this instance's identity and its two key pairs (ES256 signing,
 * ECDH-ES P-256 encryption, private halves sealed under the master key through {@code
 * platform.crypto}); the partner instances it trusts, each from a self-signed partner card imported
 * out of band and confirmed by its fingerprint, with key rotation, revocation and expiry; and the
 * versioned message envelope (a JWS inside a JWE, docs/federation.md) with its refusals. The
 * protocol itself ({@code protocol}) is plain Java over Nimbus JOSE+JWT, so another system can
 * follow docs/federation.md and the JSON Schemas in docs/federation/schemas. Use cases live in
 * {@code application}, tables in {@code persistence}. The inbox, outbox and the {@code
 * transnational} use cases come on top of this module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "audit"})
package org.palermo.app.federation;

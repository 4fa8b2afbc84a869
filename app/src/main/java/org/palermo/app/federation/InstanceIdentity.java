package org.palermo.app.federation;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.palermo.app.federation.protocol.MechanismRole;

/**
 * Who this instance is in the federation (issue 15 §1): its stable instance id, ISO 3166-1 alpha-2
 * country, organisation, role in the mechanism, public inbox URL, and its card's current version
 * and validity.
 */
public record InstanceIdentity(
    UUID instance,
    String country,
    String organisation,
    MechanismRole role,
    URI inbox,
    int cardVersion,
    Instant notBefore,
    Instant notAfter) {}

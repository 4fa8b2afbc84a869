package org.palermo.app.access;

import java.util.UUID;

/** An organisation taking part in the referral mechanism. */
public record Agency(UUID id, String name, AgencyType type, String country) {}

/**
 * Encryption at rest (SECURITY.md rule 6; ASVS V6.1, V6.2): AES-256-GCM with one data key per
 * record, each wrapped by a master key held outside the database ({@link
 * org.palermo.app.platform.crypto.KeyRing}); {@link org.palermo.app.platform.crypto.FieldCipher}
 * seals and opens fields, {@link org.palermo.app.platform.crypto.BlindIndex} gives keyed search
 * tokens for names, {@link org.palermo.app.platform.crypto.KeyRotation} re-wraps every data key
 * under a new master key. The platform module is open, so every module may use these classes.
 */
package org.palermo.app.platform.crypto;

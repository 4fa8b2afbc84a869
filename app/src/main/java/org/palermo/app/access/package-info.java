/**
 * Agencies, user accounts, roles and authentication: passwords (Argon2id) with lockout and
 * throttling, a TOTP second factor, OIDC login, and personal API tokens. Exposes {@link
 * org.palermo.app.access.PalermoPrincipal} (who is acting) and {@link
 * org.palermo.app.access.CurrentUser} to the other modules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "audit"})
package org.palermo.app.access;

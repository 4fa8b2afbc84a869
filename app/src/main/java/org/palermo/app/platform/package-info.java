/**
 * Shared platform: the data directory and its lock, the database (embedded PostgreSQL or an
 * external one), the clock, internationalisation, and the error catalogue that leaves the API as
 * RFC 9457 problem details. Every other module may use it; it uses none of them.
 */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.palermo.app.platform;

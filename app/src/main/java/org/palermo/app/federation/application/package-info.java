/**
 * The federation use cases other modules and the command line call: this instance's identity
 * ({@link org.palermo.app.federation.application.OwnIdentity}), its trusted partners ({@link
 * org.palermo.app.federation.application.Partners}) and the channel that seals and opens messages
 * ({@link org.palermo.app.federation.application.Channel}).
 */
@org.springframework.modulith.NamedInterface("application")
package org.palermo.app.federation.application;

/**
 * The {@code palermo} command line (picocli): {@code serve}, {@code demo seed}, {@code users},
 * {@code audit verify}. Commands that need the database start the application without its web
 * server, and refuse (touching nothing) when a running server holds the same data directory.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "platform",
      "access",
      "audit",
      "demo",
      "directory",
      "federation",
      "federation :: application",
      "federation :: protocol",
      "identification",
      "statistics"
    })
package org.palermo.app.cli;

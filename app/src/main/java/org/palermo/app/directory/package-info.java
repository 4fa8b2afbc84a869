/**
 * The service directory: organisations, locations and services, shaped after Open Referral HSDS
 * 3.0. This first shape serves the demo route; the protection issue adds the taxonomy, schedules,
 * import/export and the public HSDS API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "access"})
package org.palermo.app.directory;

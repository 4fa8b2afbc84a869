/**
 * The service directory: organisations, services, locations, schedules, languages, phones and a
 * taxonomy of service types, held as Open Referral HSDS 3.0. Public API: {@link
 * org.palermo.app.directory.Providers} (the referral module's view), {@link
 * org.palermo.app.directory.DirectoryRecords}, {@link org.palermo.app.directory.DirectoryExchange}
 * (HSDS JSON and tabular import/export). Sub-packages serve the read-only HSDS API at {@code
 * /hsds/} and the public directory page at {@code /directory}. Directory data is public: it holds
 * no personal data.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"platform", "access", "audit"})
package org.palermo.app.directory;

/**
 * Synthetic demo data: agencies of every type, users of every role, service providers along a
 * fictional migration route through the user-assigned country codes XA, XB and XC, and persons and
 * cases with names in several scripts, the same for the same seed.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "platform",
      "access",
      "audit",
      "cases",
      "directory",
      "referral",
      "statistics"
    })
package org.palermo.app.demo;

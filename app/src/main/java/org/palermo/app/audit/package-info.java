/**
 * The append-only, hash-chained audit trail of logins, reads of personal records, writes, exports
 * and administrative actions. Exposes {@link org.palermo.app.audit.AuditLog} to record an entry and
 * {@link org.palermo.app.audit.AuditVerifier} to recompute the chain.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
package org.palermo.app.audit;

package org.palermo.app.access;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a module erases when the person of a case is erased (GDPR Art. 17; ICRC Handbook ch. 2.10),
 * by request ({@link Erasures}) or by retention ({@link Retention}): the SPI each module that holds
 * something of the person implements, as {@link SubjectRecords} is for subject access (issue 12
 * §2). {@link PersonEraser} calls every implementation in one transaction, after the data keys of
 * every row that references the cases are shredded.
 *
 * <p>Set-based: an implementation runs one statement per table for all the cases at once, never one
 * per case.
 */
public interface SubjectErasure {
  /**
   * Erases what the module holds on the persons of {@code caseIds}; returns, by case, the records
   * (other than the rows that carry the case's id, whose keys are already shredded) whose data keys
   * are to be shredded too (e.g. the person row of {@code cases}). Empty when none.
   */
  Map<UUID, Set<UUID>> erase(Set<UUID> caseIds, Instant at);
}

package org.palermo.app.access;

import static java.util.stream.Collectors.toSet;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.platform.PendingEvents;
import org.palermo.app.platform.crypto.DataKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Anonymises the persons of cases by crypto-shredding (GDPR Art. 17; ICRC Handbook ch. 2.10): the
 * data keys of the cases and of every row that references them are erased ({@link
 * DataKeys#eraseOfCases}), so anything sealed under them (names, answers, notes, attachments of any
 * module) can never be read again; then every module erases what it holds on the persons through
 * the {@link SubjectErasure} SPI ({@code cases} clears the identifying columns of the person and
 * drops the blind name tokens; {@code statistics} drops the cases' rows from its read model), and
 * the data keys the modules name (the person's) are erased too, and the event store forgets the
 * events that name the cases ({@link PendingEvents#forgetCases}). The case row stays. Legal holds
 * are checked by the callers. Set-based: one statement per table for all the cases.
 */
@Component
class PersonEraser {
  private final JdbcClient jdbc;
  private final DataKeys keys;
  private final List<SubjectErasure> modules;
  private final PendingEvents events;

  PersonEraser(JdbcClient jdbc, DataKeys keys, List<SubjectErasure> modules, PendingEvents events) {
    this.jdbc = jdbc;
    this.keys = keys;
    this.modules = modules;
    this.events = events;
  }

  /** Whether a legal hold in force blocks erasure of the case. */
  boolean held(UUID caseId) {
    return !held(List.of(caseId)).isEmpty();
  }

  /**
   * Those of {@code caseIds} a legal hold in force blocks erasure of, in one query. Erasure clears
   * the person, whom every case of theirs shares, so a hold on any case of the same person blocks
   * it: a closed case must not shred the identity of a case that a court has ordered kept.
   */
  Set<UUID> held(Collection<UUID> caseIds) {
    if (caseIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql(
                """
                SELECT DISTINCT c.id FROM case_file c
                JOIN case_file o ON o.person_id = c.person_id
                JOIN legal_hold h ON h.case_id = o.id AND h.released_at IS NULL
                WHERE c.id = ANY(CAST(? AS uuid[]))""")
            .param(caseIds.stream().map(UUID::toString).toArray(String[]::new))
            .query(UUID.class)
            .list());
  }

  /** Anonymises the persons of the cases; returns how many data keys were erased per case. */
  Map<UUID, Integer> anonymise(Set<UUID> caseIds, Instant now) {
    Map<UUID, Integer> erased = new HashMap<>();
    if (caseIds.isEmpty()) {
      return erased;
    }
    caseIds.forEach(c -> erased.put(c, 0));
    keys.eraseOfCases(caseIds).forEach((c, n) -> erased.merge(c, n, Integer::sum));
    Map<UUID, Set<UUID>> named = new HashMap<>();
    for (SubjectErasure module : modules) {
      module
          .erase(caseIds, now)
          .forEach((c, ids) -> named.computeIfAbsent(c, x -> new HashSet<>()).addAll(ids));
    }
    Set<UUID> gone = keys.eraseAll(named.values().stream().flatMap(Set::stream).collect(toSet()));
    events.forgetCases(caseIds);
    named.forEach(
        (c, ids) ->
            erased.merge(c, (int) ids.stream().filter(gone::contains).count(), Integer::sum));
    return erased;
  }

  /** Anonymises the person of one case; returns how many data keys were erased. */
  int anonymise(UUID caseId, Instant now) {
    return anonymise(Set.of(caseId), now).get(caseId);
  }
}

package org.palermo.app.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Audits a read that shows many persons at once (the case list, exports, search-before-create): one
 * entry whose detail names every person shown, and one row per person in {@code audit_subject} so
 * that a subject-access export finds the entry by the person (issue #11 item 17; ASVS 7.1: "who saw
 * my record"). The detail is covered by the hash chain; the table is its index.
 */
@Service
public class AuditSubjects {
  private final AuditLog log;
  private final JdbcClient jdbc;

  AuditSubjects(AuditLog log, JdbcClient jdbc) {
    this.log = log;
    this.jdbc = jdbc;
  }

  /**
   * Appends {@code entry}, its detail followed by {@code persons=<id>,<id>…}, and indexes it under
   * each person. Returns the entry's sequence number.
   */
  public long recordShown(AuditEntry entry, Collection<UUID> persons) {
    Set<UUID> shown = new LinkedHashSet<>();
    for (UUID p : persons) {
      if (p != null) {
        shown.add(p);
      }
    }
    List<String> ids = new ArrayList<>();
    shown.forEach(p -> ids.add(p.toString()));
    String detail =
        (entry.detail().isEmpty() ? "" : entry.detail() + " ") + "persons=" + String.join(",", ids);
    long seq =
        log.record(
            new AuditEntry(
                entry.actor(),
                entry.agency(),
                entry.action(),
                entry.target(),
                entry.outcome(),
                detail));
    if (seq > 0 && !shown.isEmpty()) {
      // One statement for the whole page (ids are UUIDs, so the array literal needs no quoting).
      jdbc.sql(
              "INSERT INTO audit_subject (person_id, audit_seq)"
                  + " SELECT DISTINCT unnest(CAST(? AS uuid[])), ? ON CONFLICT DO NOTHING")
          .params("{" + String.join(",", ids) + "}", seq)
          .update();
    }
    return seq;
  }
}

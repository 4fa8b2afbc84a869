package org.palermo.app.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Role;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.cases.persistence.PersonStore;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.crypto.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case list: the cases owned by the user's own agency, newest first, for the roles that work on
 * cases. {@link #list} shows references and status, no names; {@link #search} filters (status,
 * child, assigned to me, overdue, name) and adds the names the access policy lets the user read.
 * Every read is audited.
 */
@Service
public class CaseList {
  /** Roles that work on cases and so may list their agency's cases. */
  public static final Set<Role> CASE_ROLES =
      EnumSet.of(
          Role.FRONTLINE_OFFICER,
          Role.CASEWORKER,
          Role.CASE_SUPERVISOR,
          Role.CHILD_PROTECTION_OFFICER,
          Role.COMPETENT_AUTHORITY_OFFICER);

  /** Whether {@code who} works on cases: the guard of the case list and of its menu entry. */
  public static boolean lists(PalermoPrincipal who) {
    return who.roles().stream().anyMatch(CASE_ROLES::contains);
  }

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final org.palermo.app.audit.AuditSubjects shown;
  private final AccessPolicy policy;
  private final Clock clock;
  private final PersonStore persons;
  private final FieldCipher cipher;
  private final TransactionTemplate readOnly;

  CaseList(
      JdbcClient jdbc,
      AuditLog audit,
      org.palermo.app.audit.AuditSubjects shown,
      AccessPolicy policy,
      Clock clock,
      PersonStore persons,
      FieldCipher cipher,
      PlatformTransactionManager transactions) {
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.jdbc = jdbc;
    this.audit = audit;
    this.shown = shown;
    this.policy = policy;
    this.clock = clock;
    this.persons = persons;
    this.cipher = cipher;
  }

  /**
   * Filters of the list; {@code null} means "any".
   *
   * @param child only children (true) or only adults (false): age disputed, or under 18 today by
   *     the {@code minor} flag (kept from the sealed date of birth on every write and refreshed
   *     daily; there is no plaintext date of birth to compare in SQL)
   * @param assignedToMe only the cases assigned to the user
   * @param overdue only cases with an open task past its due date
   * @param name a name in any script (matched on the blind tokens of its consonant skeletons) or a
   *     reference
   */
  public record Filter(
      CaseStatus status, Boolean child, boolean assignedToMe, boolean overdue, String name) {
    public static final Filter NONE = new Filter(null, null, false, false, null);

    public Filter {
      name = name == null || name.isBlank() ? null : name.strip();
    }
  }

  /**
   * One row of the filtered list. The identity fields are {@code null} unless the user may read the
   * identity group of that case; {@code child} is always given, as it protects the person.
   */
  public record Row(
      UUID id,
      UUID personId,
      String reference,
      CaseStatus status,
      Instant openedAt,
      boolean child,
      boolean assignedToMe,
      int overdueTasks,
      String givenName,
      String familyName,
      java.time.LocalDate birthDate,
      List<String> citizenships) {

    /** The name as written, or {@code null} when the user may not see it. */
    public String displayName() {
      return givenName == null ? null : PersonName.full(givenName, familyName);
    }
  }

  /** One page of filtered rows. */
  public record Listing(List<Row> items, int page, int size, long totalItems, Filter filter) {
    public long totalPages() {
      return size == 0 ? 0 : (totalItems + size - 1) / size;
    }
  }

  /**
   * A page of the agency's cases matching {@code filter}. The identity fields of each row pass
   * through the access policy; with a name filter, rows whose identity the user may not read are
   * left out (so that a name search never confirms who is known). Audited.
   */
  public Listing search(PalermoPrincipal who, Filter filter, int page, int size) {
    checkPaging(who, page, size);
    java.time.LocalDate today = java.time.LocalDate.now(clock);
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("agency", who.agencyId());
    params.put("today", today);
    params.put("limit", size);
    params.put("offset", (long) page * size);
    // Only the filters given become SQL conditions (fixed fragments, values as parameters), so
    // that each combination has a plan of its own that the indexes of V16 answer: the matching
    // case ids come from an index-only scan, a name through the blind tokens' index, joined by
    // hash rather than probed person by person (bench/cases.md).
    StringBuilder where = new StringBuilder("c.owner_agency_id = :agency");
    StringBuilder named = null;
    if (filter.status() != null) {
      where.append(" AND c.status = :status");
      params.put("status", filter.status().name());
    }
    if (filter.child() != null) {
      // Children are looked up in the partial index of children (V16): an adult's case costs one
      // probe of that small index that finds nothing, never a visit to the person's row.
      where
          .append(filter.child() ? " AND EXISTS" : " AND NOT EXISTS")
          .append(" (SELECT 1 FROM person p WHERE p.id = c.person_id")
          .append(" AND (p.age_disputed OR p.minor))");
    }
    if (filter.assignedToMe()) {
      where.append(" AND c.assigned_to = :me");
      params.put("me", who.userId());
    }
    if (filter.overdue()) {
      where.append(
          // A closed case is never overdue (issue 14 item 10).
          " AND c.status <> 'CLOSED' AND EXISTS (SELECT 1 FROM case_task t WHERE t.case_id = c.id"
              + " AND t.completed_at IS NULL AND t.due_on < :today)");
    }
    if (filter.name() != null) {
      if (org.palermo.app.cases.domain.CaseReference.looksLike(filter.name())) {
        where.append(" AND c.reference = :reference");
        params.put(
            "reference", org.palermo.app.cases.domain.CaseReference.normalise(filter.name()));
      } else {
        // Every match token of the query must be among the person's blind tokens. No token at
        // all matches nobody.
        List<String> tokens = persons.blind(Names.matchTokens(filter.name()));
        if (tokens.isEmpty()) {
          tokens = List.of("-");
        }
        named = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
          named
              .append(i == 0 ? "" : " INTERSECT ")
              .append("SELECT case_id FROM case_name_token")
              .append(" WHERE owner_agency_id = :agency AND token = :t")
              .append(i);
          params.put("t" + i, tokens.get(i));
        }
      }
    }
    String from = named == null ? "case_file c" : "n JOIN case_file c ON c.id = n.case_id";
    boolean ownerIdentity =
        policy.groupsOnOwnCases(who, AccessPolicy.Access.READ).contains(FieldGroup.IDENTITY);
    if (filter.name() != null) {
      // A name search counts and lists no case whose identity the user may not read (issue #11
      // item 1; SECURITY.md rule 2): the few matching cases are put to the policy first and those
      // it refuses are left out of the statement, so that the total never confirms a hidden name.
      List<UUID> hidden = hiddenByName(who, named, from, where.toString(), params, ownerIdentity);
      if (!hidden.isEmpty()) {
        where.append(" AND c.id NOT IN (:hidden)");
        params.put("hidden", hidden);
      }
    }
    String cases = "SELECT c.id, c.opened_at, c.reference FROM " + from + " WHERE " + where;
    // One statement: the matching ids once (materialised), their count, and the page's rows
    // joined to their person. The LEFT JOIN keeps the total when the page is past the end.
    // A name search first materialises the agency's cases whose person bears every token, from
    // the index of case_name_token (V18: tokens keyed by the owning agency), so that it reads only
    // this agency's namesakes, then checks the other filters on those few cases
    // (bench/cases.md).
    String sql =
        (named == null
                ? "WITH m AS MATERIALIZED (" + cases + ")"
                : "WITH n AS MATERIALIZED (" + named + "), m AS MATERIALIZED (" + cases + ")")
            + """
             SELECT t.total, r.* FROM (SELECT count(*) AS total FROM m) t
            LEFT JOIN LATERAL (
              SELECT c.id, c.person_id, c.reference, c.status, c.opened_at, c.assigned_to,
                c.consent_scope IS NOT NULL AS consent_limited,
                p.given_name, p.family_name, p.birth_date, p.birth_date_sealed, p.age_disputed,
                p.minor, p.citizenships,
                (SELECT count(*) FROM case_task t WHERE t.case_id = c.id AND c.status <> 'CLOSED'
                   AND t.completed_at IS NULL AND t.due_on < :today) AS overdue_tasks
              FROM (SELECT id FROM m ORDER BY opened_at DESC, reference DESC
                    LIMIT :limit OFFSET :offset) k
              JOIN case_file c ON c.id = k.id JOIN person p ON p.id = c.person_id) r ON true
            ORDER BY r.opened_at DESC, r.reference DESC""";
    long[] total = {0};
    List<Row> raw = readOnly.execute(status -> page(sql, params, who, ownerIdentity, total));
    // With a name filter, rows whose identity the user may not read are left out, so that a name
    // search never confirms who is known.
    List<Row> items =
        filter.name() == null
            ? raw
            : raw.stream().filter(r -> r.givenName() != null || r.familyName() != null).toList();
    // Which persons the page showed, not only how many (issue #11 item 17; ASVS 7.1).
    shown.recordShown(
        new AuditEntry(
            who.username(),
            who.agencyName(),
            "cases.list",
            "agency:" + who.agencyId(),
            Outcome.SUCCESS,
            "page="
                + page
                + " size="
                + size
                + " rows="
                + items.size()
                + (filter.name() != null ? " name-search" : "")),
        items.stream().map(Row::personId).toList());
    return new Listing(items, page, size, total[0], filter);
  }

  /**
   * The cases matching a name search whose identity {@code who} may not read: a case transferred
   * under a consent scope that leaves identity out, or every case when the user's roles do not read
   * identity on the agency's cases and the policy grants it on none.
   */
  private List<UUID> hiddenByName(
      PalermoPrincipal who,
      StringBuilder named,
      String from,
      String where,
      Map<String, Object> params,
      boolean ownerIdentity) {
    String sql =
        (named == null ? "" : "WITH n AS MATERIALIZED (" + named + ") ")
            + "SELECT c.id, c.consent_scope IS NOT NULL AS consent_limited FROM "
            + from
            + " WHERE "
            + where;
    return jdbc
        .sql(sql)
        .params(params)
        .query(
            (rs, n) ->
                new Object[] {rs.getObject("id", UUID.class), rs.getBoolean("consent_limited")})
        .list()
        .stream()
        .filter(
            r ->
                !(ownerIdentity && !(Boolean) r[1])
                    && !policy.allows(
                        who, (UUID) r[0], FieldGroup.IDENTITY, AccessPolicy.Access.READ))
        .map(r -> (UUID) r[0])
        .toList();
  }

  /**
   * Runs the page statement without parallel workers: on a small server under concurrent requests,
   * starting a worker for a thousand-row scan costs more than it saves (bench/cases.md).
   */
  private List<Row> page(
      String sql,
      Map<String, Object> params,
      PalermoPrincipal who,
      boolean ownerIdentity,
      long[] total) {
    jdbc.sql("SELECT set_config('max_parallel_workers_per_gather', '0', true)").query().singleRow();
    return jdbc
        .sql(sql)
        .params(params)
        .query(
            (rs, n) -> {
              total[0] = rs.getLong("total");
              UUID caseId = rs.getObject("id", UUID.class);
              if (caseId == null) {
                return null; // the page is past the end: only the total came back
              }
              UUID personId = rs.getObject("person_id", UUID.class);
              // Every row is a case of the user's agency: the owner's grant answers for all
              // of them at once, except a case transferred under a consent scope (the scope may
              // leave identity out); only those rows, and rows the grant leaves identity out of,
              // are asked about.
              boolean identity =
                  (ownerIdentity && !rs.getBoolean("consent_limited"))
                      || policy.allows(who, caseId, FieldGroup.IDENTITY, AccessPolicy.Access.READ);
              boolean disputed = rs.getBoolean("age_disputed");
              java.sql.Array cit = rs.getArray("citizenships");
              String sealed = rs.getString("birth_date_sealed");
              return new Row(
                  caseId,
                  personId,
                  rs.getString("reference"),
                  CaseStatus.valueOf(rs.getString("status")),
                  rs.getTimestamp("opened_at").toInstant(),
                  disputed || rs.getBoolean("minor"),
                  who.userId().equals(rs.getObject("assigned_to", UUID.class)),
                  rs.getInt("overdue_tasks"),
                  identity ? cipher.open(personId, rs.getString("given_name")) : null,
                  identity ? cipher.open(personId, rs.getString("family_name")) : null,
                  !identity
                      ? null
                      : sealed != null
                          ? cipher.openDate(personId, sealed)
                          : rs.getObject("birth_date", java.time.LocalDate.class),
                  !identity ? null : cit == null ? List.of() : List.of((String[]) cit.getArray()));
            })
        .list()
        .stream()
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  private void checkPaging(PalermoPrincipal who, int page, int size) {
    if (page < 0) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "page must be 0 or more.",
          java.util.Map.of("field", "page"));
    }
    if (size < 1 || size > 200) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "size must be between 1 and 200.",
          java.util.Map.of("field", "size"));
    }
    if (!lists(who)) {
      audit.record(
          new AuditEntry(
              who.username(),
              who.agencyName(),
              "cases.list",
              "agency:" + who.agencyId(),
              Outcome.DENIED,
              ""));
      throw new PalermoException(ErrorCode.FORBIDDEN, "Your role does not work on cases.");
    }
  }
}

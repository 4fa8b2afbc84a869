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

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final AccessPolicy policy;
  private final Clock clock;
  private final PersonStore persons;
  private final FieldCipher cipher;

  CaseList(
      JdbcClient jdbc,
      AuditLog audit,
      AccessPolicy policy,
      Clock clock,
      PersonStore persons,
      FieldCipher cipher) {
    this.jdbc = jdbc;
    this.audit = audit;
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
      return givenName == null
          ? null
          : familyName == null ? givenName : givenName + " " + familyName;
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
    String statusFilter = filter.status() == null ? null : filter.status().name();
    String reference = null;
    String tokens = null;
    int tokenCount = 0;
    if (filter.name() != null) {
      if (filter.name().matches("(?i)PAL-\\d{4}-\\d+")) {
        reference = filter.name().toUpperCase(java.util.Locale.ROOT);
      } else {
        // Every match token of the query must be among the person's blind tokens.
        List<String> t = persons.blind(Names.matchTokens(filter.name()));
        tokens = t.isEmpty() ? "{\"-\"}" : "{" + String.join(",", t) + "}";
        tokenCount = t.isEmpty() ? 1 : t.size();
      }
    }
    String where =
        """
         FROM case_file c JOIN person p ON p.id = c.person_id
        WHERE c.owner_agency_id = :agency
          AND (CAST(:status AS text) IS NULL OR c.status = CAST(:status AS text))
          AND (CAST(:child AS boolean) IS NULL
               OR (p.age_disputed OR p.minor) = CAST(:child AS boolean))
          AND (NOT :mine OR c.assigned_to = :me)
          AND (NOT :overdue OR EXISTS (SELECT 1 FROM case_task t WHERE t.case_id = c.id
               AND t.completed_at IS NULL AND t.due_on < :today))
          AND (CAST(:reference AS text) IS NULL OR c.reference = CAST(:reference AS text))
          AND (CAST(:tokens AS text) IS NULL OR p.id IN (SELECT person_id FROM person_name_token
               WHERE token = ANY(CAST(:tokens AS text[])) GROUP BY person_id
               HAVING count(DISTINCT token) = :tokenCount))""";
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("agency", who.agencyId());
    params.put("status", statusFilter);
    params.put("child", filter.child());
    params.put("mine", filter.assignedToMe());
    params.put("me", who.userId());
    params.put("overdue", filter.overdue());
    params.put("today", today);
    params.put("reference", reference);
    params.put("tokens", tokens);
    params.put("tokenCount", tokenCount);
    long total = jdbc.sql("SELECT count(*)" + where).params(params).query(Long.class).single();
    boolean ownerIdentity =
        policy.groupsOnOwnCases(who, AccessPolicy.Access.READ).contains(FieldGroup.IDENTITY);
    params.put("limit", size);
    params.put("offset", (long) page * size);
    List<Row> raw =
        jdbc.sql(
                """
                SELECT c.id, c.person_id, c.reference, c.status, c.opened_at, c.assigned_to, p.given_name,
                  p.family_name, p.birth_date, p.birth_date_sealed, p.age_disputed, p.minor,
                  p.citizenships,
                  (SELECT count(*) FROM case_task t WHERE t.case_id = c.id
                     AND t.completed_at IS NULL AND t.due_on < :today) AS overdue_tasks"""
                    + where
                    + " ORDER BY c.opened_at DESC, c.reference DESC LIMIT :limit OFFSET :offset")
            .params(params)
            .query(
                (rs, n) -> {
                  UUID caseId = rs.getObject("id", UUID.class);
                  UUID personId = rs.getObject("person_id", UUID.class);
                  // Every row is a case of the user's agency: the owner's grant answers for all
                  // of them at once; only when it leaves identity out is the row asked about.
                  boolean identity =
                      ownerIdentity
                          || policy.allows(
                              who, caseId, FieldGroup.IDENTITY, AccessPolicy.Access.READ);
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
                      !identity
                          ? null
                          : cit == null ? List.of() : List.of((String[]) cit.getArray()));
                })
            .list();
    // With a name filter, rows whose identity the user may not read are left out, so that a name
    // search never confirms who is known.
    List<Row> items =
        filter.name() == null
            ? raw
            : raw.stream().filter(r -> r.givenName() != null || r.familyName() != null).toList();
    audit.record(
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
                + (filter.name() != null ? " name-search" : "")));
    return new Listing(items, page, size, total, filter);
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
    if (who.roles().stream().noneMatch(CASE_ROLES::contains)) {
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

  /** One row of the list. */
  public record CaseSummary(UUID id, String reference, CaseStatus status, Instant openedAt) {}

  /** One page of the list, with the total. */
  public record Page(List<CaseSummary> items, int page, int size, long totalItems) {
    public long totalPages() {
      return size == 0 ? 0 : (totalItems + size - 1) / size;
    }
  }

  /** A page of the agency's cases, optionally of one status. */
  public Page list(PalermoPrincipal who, CaseStatus status, int page, int size) {
    checkPaging(who, page, size);
    String statusFilter = status == null ? null : status.name();
    long total =
        jdbc.sql(
                "SELECT count(*) FROM case_file WHERE owner_agency_id = ?"
                    + " AND (?::text IS NULL OR status = ?::text)")
            .params(who.agencyId(), statusFilter, statusFilter)
            .query(Long.class)
            .single();
    List<CaseSummary> items =
        jdbc.sql(
                """
                SELECT id, reference, status, opened_at FROM case_file
                WHERE owner_agency_id = ? AND (?::text IS NULL OR status = ?::text)
                ORDER BY opened_at DESC, reference DESC LIMIT ? OFFSET ?""")
            .params(who.agencyId(), statusFilter, statusFilter, size, (long) page * size)
            .query(
                (rs, n) ->
                    new CaseSummary(
                        rs.getObject("id", UUID.class),
                        rs.getString("reference"),
                        CaseStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("opened_at").toInstant()))
            .list();
    audit.record(
        new AuditEntry(
            who.username(),
            who.agencyName(),
            "cases.list",
            "agency:" + who.agencyId(),
            Outcome.SUCCESS,
            "page=" + page + " size=" + size + " rows=" + items.size()));
    return new Page(items, page, size, total);
  }
}

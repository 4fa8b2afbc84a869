package org.palermo.app.cases.protection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.cases.CaseLookup;
import org.palermo.app.cases.CaseLookup.CaseFacts;
import org.palermo.app.cases.CaseTimeline;
import org.palermo.app.cases.Names;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.crypto.SealedText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links between persons: a parent, a child, a sibling, a co-victim, or the person suspected of
 * exploiting them. A link is case narrative: it stays inside the assistance–enforcement firewall
 * (SECURITY.md rule 3), and enforcement reads it only where the access policy allows (a
 * disclosure). A link to another case needs the user to be allowed to read that case too. No child
 * is returned or placed with a linked suspected exploiter (CRC GC 6 §§ 82, 84; CoE Convention art.
 * 16(7)), and a child exploited by a parent or caregiver needs a guardian whatever the migration
 * status (Directive 2011/36/EU art. 14(2)).
 */
@Service
public class PersonLinks {
  private final JdbcClient jdbc;
  private final CaseLookup cases;
  private final CaseTimeline timeline;
  private final ProtectionAccess access;
  private final SealedText sealed;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  PersonLinks(
      JdbcClient jdbc,
      CaseLookup cases,
      CaseTimeline timeline,
      ProtectionAccess access,
      SealedText sealed,
      Clock clock,
      ApplicationEventPublisher events) {
    this.events = events;
    this.jdbc = jdbc;
    this.cases = cases;
    this.timeline = timeline;
    this.access = access;
    this.sealed = sealed;
    this.clock = clock;
  }

  /** How the linked person relates to the person of the case. */
  public enum LinkKind {
    PARENT,
    CHILD,
    SIBLING,
    CO_VICTIM,
    SUSPECTED_EXPLOITER
  }

  /** One link. */
  public record Link(
      UUID id, LinkKind kind, UUID linkedCaseId, String name, boolean parentOrCaregiver) {}

  /**
   * Record a link: to another case ({@code linkedCaseId}) or to a person by name; {@code
   * parentOrCaregiver} for a suspected exploiter who is the child's parent or caregiver.
   */
  public record LinkCommand(
      LinkKind kind, UUID linkedCaseId, String name, Boolean parentOrCaregiver) {}

  public List<Link> view(PalermoPrincipal who, UUID caseId) {
    access.read(who, caseId, FieldGroup.CASE_NARRATIVE, "protection.links.read");
    facts(caseId);
    return links(caseId);
  }

  @Transactional
  public UUID link(PalermoPrincipal who, UUID caseId, LinkCommand c) {
    access.write(who, caseId, FieldGroup.CASE_NARRATIVE);
    facts(caseId);
    if (c.kind() == null) {
      throw ProtectionAccess.invalid("kind", "Say how the persons are linked.");
    }
    String name = ProtectionAccess.optional(c.name(), "name", 200);
    if (c.linkedCaseId() == null && name.isEmpty()) {
      throw ProtectionAccess.invalid("name", "Name the linked person or choose their case.");
    }
    if (c.linkedCaseId() != null) {
      if (c.linkedCaseId().equals(caseId)) {
        throw ProtectionAccess.invalid("linkedCaseId", "A case is not linked to itself.");
      }
      // The user must be allowed to read the other case: a link never reveals a case.
      access.read(who, c.linkedCaseId(), FieldGroup.CASE_NARRATIVE, "protection.links.target");
    }
    boolean caregiver = Boolean.TRUE.equals(c.parentOrCaregiver()) || c.kind() == LinkKind.PARENT;
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO person_link (id, case_id, kind, linked_case_id, name_sealed,
              parent_or_caregiver, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            id,
            caseId,
            c.kind().name(),
            c.linkedCaseId(),
            sealed.seal(caseId, "person_link", "name", id, name),
            caregiver,
            who.username(),
            Timestamp.from(Instant.now(clock)))
        .update();
    timeline.append(caseId, who, "protection.linkRecorded", "kind:" + c.kind());
    access.record(who, caseId, "protection.link", Outcome.SUCCESS, "link:" + id);
    // A child exploited by a parent or caregiver needs a guardian (Directive 2011/36/EU art.
    // 14(2)): GuardianDuty opens the task at once.
    events.publishEvent(new ChildFactsChanged(caseId, who));
    return id;
  }

  /**
   * Whether a suspected exploiter of the person is their parent or caregiver: the child then needs
   * a guardian whatever the migration status (Directive 2011/36/EU art. 14(2)). Unchecked, for
   * rules.
   */
  public boolean exploitedByParentOrCaregiver(UUID caseId) {
    return links(caseId).stream()
        .anyMatch(l -> l.kind() == LinkKind.SUSPECTED_EXPLOITER && l.parentOrCaregiver());
  }

  /**
   * Whether {@code name} is likely the name of a linked suspected exploiter of the person, compared
   * the way name search compares names ({@link Names#matchTokens}): case, accents, spacing and
   * script folded, words in any order, spelling variants of a transliteration folded; a likely
   * match is when one name's tokens all appear in the other's ("Test Omar", "omar test" and "Omar
   * Tést" all match "Omar Test"). No child is placed with a linked suspected exploiter (Directive
   * 2011/36/EU art. 14(2); CoE Convention art. 10(4); CRC GC 6 § 33), so a likely match is refused
   * rather than let through. Unchecked, for rules.
   */
  boolean isSuspectedExploiter(UUID caseId, String name) {
    return links(caseId).stream()
        .anyMatch(
            l -> l.kind() == LinkKind.SUSPECTED_EXPLOITER && likelySamePerson(l.name(), name));
  }

  /**
   * Whether two names likely name the same person: the match tokens of one ({@link
   * Names#matchTokens}) all appear among the other's.
   */
  static boolean likelySamePerson(String a, String b) {
    Set<String> x = new HashSet<>(Names.matchTokens(a));
    Set<String> y = new HashSet<>(Names.matchTokens(b));
    return !x.isEmpty() && !y.isEmpty() && (x.containsAll(y) || y.containsAll(x));
  }

  List<Link> links(UUID caseId) {
    return jdbc.sql(
            "SELECT id, kind, linked_case_id, name, name_sealed, parent_or_caregiver"
                + " FROM person_link WHERE case_id = ? ORDER BY recorded_at")
        .param(caseId)
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              return new Link(
                  id,
                  LinkKind.valueOf(rs.getString("kind")),
                  rs.getObject("linked_case_id", UUID.class),
                  sealed.open(
                      caseId,
                      "person_link",
                      "name",
                      id,
                      rs.getBytes("name_sealed"),
                      rs.getString("name")),
                  rs.getBoolean("parent_or_caregiver"));
            })
        .list();
  }

  private CaseFacts facts(UUID caseId) {
    return cases
        .facts(caseId)
        .orElseThrow(() -> new PalermoException(ErrorCode.NOT_FOUND, "No such case."));
  }
}

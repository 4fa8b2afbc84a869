package org.palermo.app.cases.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.Names;
import org.palermo.app.cases.domain.MatchRule;
import org.palermo.app.cases.persistence.PersonStore;
import org.palermo.app.cases.persistence.PersonStore.Candidate;
import org.springframework.stereotype.Service;

/**
 * Search-before-create: the likely existing records of a person about to be registered ({@link
 * MatchRule}), only among the records whose identity the user may read — a match in another
 * agency's records is never revealed.
 */
@Service
public class PersonMatches {
  static final int SCAN_LIMIT = 500;
  static final int MAX_MATCHES = 10;

  private final PersonStore persons;
  private final AccessPolicy policy;
  private final CaseAudit audit;

  PersonMatches(PersonStore persons, AccessPolicy policy, CaseAudit audit) {
    this.persons = persons;
    this.policy = policy;
    this.audit = audit;
  }

  /** Who to look for. */
  public record Query(
      String name, LocalDate birthDate, boolean birthDateEstimated, List<String> citizenships) {
    public Query {
      citizenships =
          citizenships == null
              ? List.of()
              : citizenships.stream()
                  .filter(c -> c != null && !c.isBlank())
                  .map(c -> c.strip().toUpperCase(java.util.Locale.ROOT))
                  .toList();
    }
  }

  /** One likely match: the person, their newest case, and why they match. */
  public record Match(
      UUID personId,
      UUID caseId,
      String reference,
      String givenName,
      String familyName,
      LocalDate birthDate,
      boolean birthDateEstimated,
      List<String> citizenships,
      double score,
      List<String> reasons) {
    /** The name as written ({@link org.palermo.app.cases.PersonName}). */
    public String fullName() {
      return org.palermo.app.cases.PersonName.full(givenName, familyName);
    }
  }

  public List<Match> find(PalermoPrincipal who, Query q) {
    if (q.name() == null || q.name().isBlank() || q.name().length() > 400) {
      throw CaseErrors.invalid("name", "Give the name to look for (at most 400 characters).");
    }
    List<String> tokens = Names.matchTokens(q.name());
    List<Match> out = new ArrayList<>();
    // The reachable cases are known in advance for every user (own agency, referrals to it, glass
    // broken, disclosures): search only those, so that a name of a hidden person costs the same
    // as a name that exists nowhere (issue #11 item 9).
    Optional<Set<UUID>> reach = policy.reachBeyondOwnAgency(who);
    List<Candidate> candidates =
        reach.isPresent()
            ? persons.candidates(tokens, SCAN_LIMIT, who.agencyId(), reach.get())
            : persons.candidates(tokens, SCAN_LIMIT);
    for (Candidate c : candidates) {
      MatchRule.Verdict v =
          MatchRule.judge(
              tokens,
              q.birthDate(),
              q.birthDateEstimated(),
              q.citizenships(),
              c.tokens(),
              c.birthDate(),
              c.birthDateEstimated(),
              c.citizenships());
      if (v.match() && policy.allows(who, c.caseId(), FieldGroup.IDENTITY, Access.READ)) {
        out.add(
            new Match(
                c.personId(),
                c.caseId(),
                c.reference(),
                c.givenName(),
                c.familyName(),
                c.birthDate(),
                c.birthDateEstimated(),
                c.citizenships(),
                v.score(),
                v.reasons()));
      }
    }
    out.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::reference));
    List<Match> top = out.size() > MAX_MATCHES ? out.subList(0, MAX_MATCHES) : out;
    audit.agencyShown(
        who,
        "cases.person.match",
        "matches=" + top.size(),
        top.stream().map(Match::personId).toList());
    return List.copyOf(top);
  }
}

package org.palermo.app.identification;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Role;
import org.palermo.app.cases.LegalBasis;
import org.palermo.app.identification.application.CompleteScreening;
import org.palermo.app.identification.application.SaveScreeningStep;
import org.palermo.app.identification.application.StartScreening;
import org.palermo.app.identification.screening.Questionnaire;
import org.palermo.app.identification.screening.Step;
import org.palermo.law.Act;
import org.palermo.law.Purpose;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Builds principals, signed-in sessions, cases and completed screenings for the identification ITs.
 */
@Component
public class ScreeningFixtures {
  private final StartScreening start;
  private final SaveScreeningStep save;
  private final CompleteScreening complete;
  private final JdbcClient jdbc;

  ScreeningFixtures(
      StartScreening start, SaveScreeningStep save, CompleteScreening complete, JdbcClient jdbc) {
    this.start = start;
    this.save = save;
    this.complete = complete;
    this.jdbc = jdbc;
  }

  /** The principal a test user signs in as. */
  public static PalermoPrincipal principal(TestUser user, Role... roles) {
    EnumSet<Role> set = EnumSet.noneOf(Role.class);
    set.addAll(java.util.List.of(roles));
    return new PalermoPrincipal(
        user.id(),
        user.username(),
        "Test " + user.username(),
        user.agency().id(),
        user.agency().name(),
        user.agency().type(),
        set);
  }

  /** A browser session signed in as {@code user}. */
  public static MockHttpSession signIn(MockMvc mvc, TestUser user) throws Exception {
    MockHttpSession session = new MockHttpSession();
    String to =
        mvc.perform(
                post("/login")
                    .param("username", user.username())
                    .param("password", TestAccounts.PASSWORD)
                    .session(session)
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    if (!"/".equals(to)) {
      throw new IllegalStateException("sign-in failed: " + to);
    }
    return session;
  }

  /** The answers of an adult deceived into forced labour and smuggled for money. */
  public static Map<Step, Map<String, String>> adultForcedLabour() {
    Map<Step, Map<String, String>> pages = new LinkedHashMap<>();
    pages.put(
        Step.PERSON,
        Map.of(
            Questionnaire.AGE,
            "27",
            Questionnaire.AGE_DISPUTED,
            "NO",
            Questionnaire.NATIONAL,
            "NO"));
    pages.put(
        Step.RECRUITMENT,
        Map.of(Questionnaire.act(Act.RECRUITMENT), "YES", Questionnaire.AGE_AT_FIRST_ACT, "26"));
    pages.put(
        Step.DECEPTION, Map.of("DR.misled-about-the-kind-of-job-its-place-or-the-employer", "YES"));
    pages.put(
        Step.TRANSIT,
        Map.of(
            Questionnaire.BORDER, "YES",
            Questionnaire.ENTRY_IRREGULAR, "YES",
            Questionnaire.ENTRY_PROCURED, "YES",
            Questionnaire.BENEFIT, "FINANCIAL"));
    pages.put(
        Step.EXPLOITATION, Map.of(Questionnaire.purpose(Purpose.FORCED_LABOUR_OR_SERVICES), "YES"));
    pages.put(Step.CONTROL, Map.of("CD.identity-travel-documents-taken-away", "YES"));
    return pages;
  }

  /** A screening completed by {@code who} through the use cases, with the answers above. */
  public UUID completedScreening(PalermoPrincipal who) {
    return completedScreening(who, null);
  }

  /**
   * A screening completed by {@code who}, with the answers above, linked to the case of {@code
   * caseReference} (a case of the user's agency), or to none when null.
   */
  public UUID completedScreening(PalermoPrincipal who, String caseReference) {
    UUID id =
        start.start(who, new StartScreening.Command(LegalBasis.VITAL_INTEREST, false, "ti", true));
    adultForcedLabour()
        .forEach(
            (step, answers) ->
                save.save(who, new SaveScreeningStep.Command(id, step, answers, false, null)));
    complete.complete(who, new CompleteScreening.Command(id, caseReference, null));
    return id;
  }

  /** A case owned by {@code agencyId}; returns its reference. */
  public String caseOf(UUID agencyId) {
    UUID person = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql(
            """
            INSERT INTO person (id, given_name, name_latin, legal_basis, purpose,
              owner_agency_id, synthetic, created_at)
            VALUES (?, 'Test', 'test', 'CONSENT', 'test', ?, TRUE, ?)""")
        .params(person, agencyId, now)
        .update();
    String reference = "PAL-T-" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.sql(
            """
            INSERT INTO case_file (id, reference, person_id, owner_agency_id, status, opened_at)
            VALUES (?, ?, ?, ?, 'OPEN', ?)""")
        .params(UUID.randomUUID(), reference, person, agencyId, now)
        .update();
    return reference;
  }

  /** How many audit entries of {@code action} on the screening have {@code outcome}. */
  public long audits(String action, UUID screeningId, String outcome) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = ? AND target = ? AND outcome = ?")
        .params(action, "screening:" + screeningId, outcome)
        .query(Long.class)
        .single();
  }
}

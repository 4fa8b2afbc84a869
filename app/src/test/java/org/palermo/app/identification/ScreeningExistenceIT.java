package org.palermo.app.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.cases.CaseFixtures;
import org.palermo.app.cases.CaseRecords;
import org.palermo.app.referral.ReferralFixtures;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Red-team re-test of issue 11 (item 9 applied to screenings): a screening hidden from the user and
 * one that does not exist get the same answer and write the same audit entries, so that neither the
 * answer nor the audit trail tells them apart.
 */
@PalermoIntegrationTest
class ScreeningExistenceIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures referrals;
  @Autowired ScreeningFixtures screenings;
  @Autowired CaseRecords records;
  @Autowired JdbcClient jdbc;

  /** The audit entries {@code username} left on {@code id}: action, outcome, detail. */
  List<String> trail(String username, long after) {
    return jdbc.sql(
            """
            SELECT action || ' ' || outcome || ' ' || target || ' ' || detail FROM audit_event
            WHERE actor = ? AND seq > ? ORDER BY seq""")
        .params(username, after)
        .query(String.class)
        .list();
  }

  long last() {
    return jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_event").query(Long.class).single();
  }

  List<String> probe(Actor who, UUID id) throws Exception {
    long after = last();
    MvcResult r =
        mvc.perform(get("/api/v1/screenings/" + id).header("Authorization", who.bearer()))
            .andReturn();
    List<String> out = new java.util.ArrayList<>();
    out.add(r.getResponse().getStatus() + " " + r.getResponse().getContentAsString());
    out.addAll(trail(who.user().username(), after));
    return out;
  }

  @Test
  void a_hidden_screening_and_an_absent_one_answer_and_audit_alike() throws Exception {
    Actor owner = referrals.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    String reference =
        records.register(
            CaseFixtures.openCase(
                "Hidden", "Screening", LocalDate.of(1990, 4, 5), owner.agency().id()));
    UUID linked = screenings.completedScreening(owner.principal(), reference);
    UUID unlinked = screenings.completedScreening(owner.principal());
    Actor immigration =
        referrals.actor(
            accounts.agency(AgencyType.IMMIGRATION_ENFORCEMENT), Role.FRONTLINE_OFFICER);
    Actor otherShelter =
        referrals.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    for (Actor who : List.of(immigration, otherShelter)) {
      for (UUID hidden : List.of(linked, unlinked)) {
        UUID absent = UUID.randomUUID();
        List<String> seen = probe(who, hidden);
        List<String> none = probe(who, absent);
        assertThat(seen.get(0)).startsWith("404");
        assertThat(seen.get(0)).doesNotContain(reference);
        assertThat(String.join("\n", seen).replace(hidden.toString(), "ID"))
            .isEqualTo(String.join("\n", none).replace(absent.toString(), "ID"));
      }
    }
  }
}

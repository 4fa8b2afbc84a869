package org.palermo.app.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.platform.PalermoException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link CaseLookup#person} opens a person's sealed identity for other modules only on behalf of a
 * user the access policy lets read {@code IDENTITY}, and audits the read with the person as target
 * (SECURITY.md rules 2 and 7): it used to decrypt for any caller, unchecked and unaudited.
 */
@PalermoIntegrationTest
class CaseLookupPersonIT {
  @Autowired CaseLookup lookup;
  @Autowired CaseRecords records;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;

  @Test
  void the_person_is_opened_only_for_a_user_the_policy_allows_and_the_read_is_audited() {
    TestUser owner = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    TestUser stranger = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    TestUser statistician = accounts.user(owner.agency(), Role.STATISTICIAN);
    String given = "Lk" + UUID.randomUUID().toString().substring(0, 6);
    String ref =
        records.register(
            CaseFixtures.openCase(given, "Lookup", LocalDate.of(1991, 1, 2), owner.agency().id()));
    UUID caseId =
        jdbc.sql("SELECT id FROM case_file WHERE reference = ?")
            .param(ref)
            .query(UUID.class)
            .single();
    UUID personId =
        jdbc.sql("SELECT person_id FROM case_file WHERE id = ?")
            .param(caseId)
            .query(UUID.class)
            .single();

    assertThatThrownBy(
            () -> lookup.person(ScreeningFixtures.principal(stranger, Role.CASEWORKER), caseId))
        .isInstanceOf(PalermoException.class);
    assertThatThrownBy(
            () ->
                lookup.person(ScreeningFixtures.principal(statistician, Role.STATISTICIAN), caseId))
        .isInstanceOf(PalermoException.class);
    assertThat(audits(stranger, "DENIED", "case:" + caseId)).isOne();

    CaseLookup.PersonView p =
        lookup.person(ScreeningFixtures.principal(owner, Role.CASEWORKER), caseId).orElseThrow();
    assertThat(p.givenName()).isEqualTo(given);
    assertThat(audits(owner, "SUCCESS", "person:" + personId)).isOne();
  }

  long audits(TestUser who, String outcome, String target) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE actor = ? AND outcome = ? AND target = ?")
        .params(who.username(), outcome, target)
        .query(Long.class)
        .single();
  }
}

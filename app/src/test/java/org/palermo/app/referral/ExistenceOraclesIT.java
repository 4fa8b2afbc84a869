package org.palermo.app.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.Role;
import org.palermo.app.directory.ServiceType;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Existence oracles (issue #11 item 9): a person or a referral of another agency and an id that
 * exists nowhere get the same status, the same problem document and the same audit entry, for a
 * service-provider user as for an immigration officer. (Same work, too: the record is no longer
 * loaded and opened before the policy refuses; bench/firewall-timing.md measures it. No timing is
 * asserted here.)
 */
@PalermoIntegrationTest
class ExistenceOraclesIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;
  @Autowired Referrals referrals;
  @Autowired JdbcClient jdbc;

  final JsonMapper json = JsonMapper.builder().build();

  /** What one request answered and audited, with the id asked for replaced by {id}. */
  record Answer(int status, Map<String, String> body, List<String> audit) {}

  Answer ask(Actor who, String path, UUID id) throws Exception {
    long before = lastSeq();
    MockHttpServletResponse r =
        mvc.perform(get(path + id).header("Authorization", who.bearer())).andReturn().getResponse();
    Map<String, String> body = new TreeMap<>();
    JsonNode node = json.readTree(r.getContentAsString());
    node.properties()
        .forEach(e -> body.put(e.getKey(), e.getValue().asString().replace(id.toString(), "{id}")));
    List<String> audit = new ArrayList<>();
    for (Map<String, Object> row :
        jdbc.sql(
                "SELECT action, target, outcome, detail FROM audit_event"
                    + " WHERE seq > ? AND actor = ? ORDER BY seq")
            .params(before, who.user().username())
            .query()
            .listOfRows()) {
      audit.add(
          (row.get("action")
                  + " "
                  + row.get("target")
                  + " "
                  + row.get("outcome")
                  + " "
                  + row.get("detail"))
              .replace(id.toString(), "{id}")
              .replaceAll(
                  "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{uuid}"));
    }
    return new Answer(r.getStatus(), body, audit);
  }

  long lastSeq() {
    return jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_event").query(Long.class).single();
  }

  @Test
  void aPersonOfAnotherAgencyAndAnIdOfNobodyLookTheSame() throws Exception {
    Actor owner = fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    UUID caseId = fixtures.adultCase(owner.agency(), "en");
    UUID person =
        jdbc.sql("SELECT person_id FROM case_file WHERE id = ?")
            .param(caseId)
            .query(UUID.class)
            .single();
    Actor provider = fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    Actor immigration =
        fixtures.actor(accounts.agency(AgencyType.IMMIGRATION_ENFORCEMENT), Role.FRONTLINE_OFFICER);
    for (Actor who : List.of(provider, immigration)) {
      Answer hidden = ask(who, "/api/v1/persons/", person);
      Answer absent = ask(who, "/api/v1/persons/", UUID.randomUUID());
      assertThat(hidden.status()).as(who.agency().type().name()).isEqualTo(404);
      assertThat(absent).as(who.agency().type().name()).isEqualTo(hidden);
      // One refusal each, audited alike: the audit tells who tried, not whether it existed.
      assertThat(hidden.audit()).hasSize(1);
      assertThat(hidden.audit().get(0)).contains("DENIED");
    }
  }

  @Test
  void aReferralBetweenOtherAgenciesAndAnIdOfNobodyLookTheSame() throws Exception {
    Actor sender = fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    Agency shelterAgency = accounts.agency(AgencyType.SERVICE_PROVIDER);
    UUID shelter =
        fixtures.service(
            shelterAgency, "Oracle shelter", ServiceType.SHELTER, List.of("en"), 45.0, 12.0);
    UUID caseId = fixtures.adultCase(sender.agency(), "en");
    UUID referral =
        referrals.refer(
            sender.principal(),
            new Referrals.ConsentedReferral(
                caseId,
                shelter,
                null,
                Instant.now().minusSeconds(3600),
                false,
                EnumSet.of(FieldGroup.IDENTITY, FieldGroup.CONTACT),
                ""));
    Actor provider = fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    Actor immigration =
        fixtures.actor(accounts.agency(AgencyType.IMMIGRATION_ENFORCEMENT), Role.FRONTLINE_OFFICER);
    for (Actor who : List.of(provider, immigration)) {
      Answer hidden = ask(who, "/api/v1/referrals/", referral);
      Answer absent = ask(who, "/api/v1/referrals/", UUID.randomUUID());
      assertThat(hidden.status()).as(who.agency().type().name()).isEqualTo(404);
      assertThat(absent).as(who.agency().type().name()).isEqualTo(hidden);
      assertThat(hidden.audit()).hasSize(1);
      assertThat(hidden.audit().get(0)).contains("DENIED");
    }
  }
}

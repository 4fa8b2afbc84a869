package org.palermo.app.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.palermo.app.referral.ReferralFixtures.consentJson;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Disclosures;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.Purpose;
import org.palermo.app.access.Role;
import org.palermo.app.cases.CaseFixtures;
import org.palermo.app.cases.CaseRecords;
import org.palermo.app.directory.ServiceType;
import org.palermo.app.referral.ReferralFixtures;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 11 item 3: a screening linked to a case is read through the one access policy, like the
 * rest of the case. After a transfer the former owner no longer reads it and the new owner does; a
 * disclosure of the case narrative, break-the-glass and the DPO's oversight read it; the police
 * without a disclosure get the same 404 as for no screening.
 */
@PalermoIntegrationTest
class ScreeningAccessPolicyIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures referrals;
  @Autowired ScreeningFixtures screenings;
  @Autowired CaseRecords records;
  @Autowired Disclosures disclosures;
  @Autowired JdbcClient jdbc;

  Actor owner;
  Actor shelterWorker;
  Agency shelterAgency;
  UUID caseId;
  UUID screeningId;

  @BeforeEach
  void aCaseWithAScreening() {
    owner = referrals.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    shelterAgency = accounts.agency(AgencyType.SERVICE_PROVIDER);
    shelterWorker = referrals.actor(shelterAgency, Role.CASEWORKER);
    String reference =
        records.register(
            CaseFixtures.openCase(
                "Screened", "Person", LocalDate.of(1991, 2, 3), owner.agency().id()));
    caseId =
        jdbc.sql("SELECT id FROM case_file WHERE reference = ?")
            .param(reference)
            .query(UUID.class)
            .single();
    screeningId = screenings.completedScreening(owner.principal(), reference);
  }

  MvcResult api(Actor who, String path) throws Exception {
    return mvc.perform(get(path).header("Authorization", who.bearer())).andReturn();
  }

  int status(Actor who, String path) throws Exception {
    return api(who, path).getResponse().getStatus();
  }

  /** The screening's routes: the API (answers, facts, assessment) and the result page. */
  List<Integer> statuses(Actor who) throws Exception {
    MockHttpSession s = ScreeningFixtures.signIn(mvc, who.user());
    return List.of(
        status(who, "/api/v1/screenings/" + screeningId),
        mvc.perform(get("/screenings/" + screeningId + "/result").session(s))
            .andReturn()
            .getResponse()
            .getStatus());
  }

  void transferTo(Actor recipient, Agency agency, String scope) throws Exception {
    UUID shelter =
        referrals.service(agency, "Shelter", ServiceType.SHELTER, List.of("fr"), 45.0, 12.0);
    MvcResult r =
        mvc.perform(
                post("/api/v1/referrals")
                    .header("Authorization", owner.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"caseId": "%s", "serviceId": "%s", "need": "SAFE_ACCOMMODATION",
                         "transfer": true, "scope": %s, "note": "Moves", %s}"""
                            .formatted(caseId, shelter, scope, consentJson())))
            .andReturn();
    assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
    String id = JsonPath.read(r.getResponse().getContentAsString(), "$.id");
    MvcResult accepted =
        mvc.perform(
                post("/api/v1/referrals/" + id + "/accept")
                    .header("Authorization", recipient.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{}"))
            .andReturn();
    assertThat(accepted.getResponse().getStatus()).isEqualTo(200);
  }

  @Test
  void after_a_transfer_the_new_owner_reads_the_screening_and_the_former_owner_does_not()
      throws Exception {
    assertThat(statuses(owner)).containsOnly(200);
    assertThat(statuses(shelterWorker)).containsOnly(404);

    transferTo(
        shelterWorker,
        shelterAgency,
        "[\"IDENTITY\", \"CONTACT\", \"LOCATION\", \"HEALTH\", \"CASE_NARRATIVE\","
            + " \"LEGAL_PROCEEDINGS\", \"STATISTICS_ONLY\"]");

    assertThat(statuses(owner)).containsOnly(404);
    assertThat(statuses(shelterWorker)).containsOnly(200);
    String body =
        api(shelterWorker, "/api/v1/screenings/" + screeningId)
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(body).contains(screeningId.toString());
    // The new owner's list of screenings has it; the former owner's does not.
    assertThat(api(shelterWorker, "/api/v1/screenings").getResponse().getContentAsString())
        .contains(screeningId.toString());
    assertThat(api(owner, "/api/v1/screenings").getResponse().getContentAsString())
        .doesNotContain(screeningId.toString());
  }

  @Test
  void a_transfer_without_the_case_narrative_in_scope_leaves_the_screening_unread()
      throws Exception {
    transferTo(shelterWorker, shelterAgency, "[\"IDENTITY\", \"CONTACT\"]");
    assertThat(statuses(shelterWorker)).containsOnly(403);
    assertThat(statuses(owner)).containsOnly(404);
  }

  @Test
  void disclosure_break_the_glass_and_oversight_apply_as_for_the_rest_of_the_case()
      throws Exception {
    Actor police = referrals.actor(accounts.agency(AgencyType.LAW_ENFORCEMENT), Role.INVESTIGATOR);
    Actor otherPolice =
        referrals.actor(accounts.agency(AgencyType.LAW_ENFORCEMENT), Role.INVESTIGATOR);
    Actor immigration =
        referrals.actor(
            accounts.agency(AgencyType.IMMIGRATION_ENFORCEMENT), Role.FRONTLINE_OFFICER);
    Actor childOfficer =
        referrals.actor(
            accounts.agency(AgencyType.CHILD_PROTECTION), Role.CHILD_PROTECTION_OFFICER);
    Actor dpo = referrals.actor(owner.agency(), Role.DATA_PROTECTION_OFFICER);
    // Nobody outside the case reads it: the same 404 as for a screening that does not exist.
    for (Actor a : List.of(police, immigration, childOfficer)) {
      assertThat(status(a, "/api/v1/screenings/" + screeningId)).isEqualTo(404);
    }
    assertThat(status(police, "/api/v1/screenings/" + UUID.randomUUID())).isEqualTo(404);

    disclosures.create(
        owner.principal(),
        caseId,
        new Disclosures.NewDisclosure(
            police.agency().id(),
            EnumSet.of(FieldGroup.CASE_NARRATIVE),
            Purpose.CRIMINAL_JUSTICE,
            "statement for the prosecution",
            "SCREENING-CONSENT",
            Instant.now().plus(1, ChronoUnit.DAYS)));
    assertThat(status(police, "/api/v1/screenings/" + screeningId)).isEqualTo(200);
    assertThat(status(otherPolice, "/api/v1/screenings/" + screeningId)).isEqualTo(404);
    assertThat(status(immigration, "/api/v1/screenings/" + screeningId)).isEqualTo(404);

    MvcResult glass =
        mvc.perform(
                post("/api/v1/cases/" + caseId + "/break-glass")
                    .header("Authorization", childOfficer.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"reason\":\"Child reported missing from the shelter tonight\"}"))
            .andReturn();
    assertThat(glass.getResponse().getStatus()).isEqualTo(201);
    assertThat(status(childOfficer, "/api/v1/screenings/" + screeningId)).isEqualTo(200);

    assertThat(status(dpo, "/api/v1/screenings/" + screeningId)).isEqualTo(200);
  }
}

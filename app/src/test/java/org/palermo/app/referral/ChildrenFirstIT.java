package org.palermo.app.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.palermo.app.referral.ReferralFixtures.consentJson;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.cases.application.PersonRecords;
import org.palermo.app.cases.domain.PersonDetails;
import org.palermo.app.cases.persistence.PersonStore;
import org.palermo.app.cases.protection.Returns;
import org.palermo.app.cases.protection.Returns.RiskCommand;
import org.palermo.app.directory.ServiceType;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Children first (issue 13 §3), through the real API and database: a child's emergency care is
 * never held back for a best-interests determination, and a person whose age is disputed is a child
 * for referral and return until an age assessment concludes otherwise (CoE Convention art. 10(3);
 * Directive 2011/36/EU art. 13(2)).
 */
@PalermoIntegrationTest
class ChildrenFirstIT {
  static final LocalDate TODAY = LocalDate.now();

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;
  @Autowired Returns returns;
  @Autowired PersonRecords persons;
  @Autowired PersonStore personStore;
  @Autowired JdbcClient jdbc;

  Actor worker;
  UUID childProtection;
  UUID legalAid;

  @BeforeEach
  void aWorkerAndTwoServices() {
    worker = fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    Agency cp = accounts.agency(AgencyType.CHILD_PROTECTION);
    childProtection =
        fixtures.service(
            cp, "Child protection desk", ServiceType.CHILD_PROTECTION, List.of("fr"), 45.0, 12.0);
    Agency lawyers = accounts.agency(AgencyType.SERVICE_PROVIDER);
    legalAid =
        fixtures.service(lawyers, "Legal clinic", ServiceType.LEGAL_AID, List.of("fr"), 45.0, 12.0);
  }

  ResultActions postJson(String path, String json) throws Exception {
    return mvc.perform(
        post(path)
            .header("Authorization", worker.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  ResultActions refer(UUID caseId, UUID service, String extra) throws Exception {
    return postJson(
        "/api/v1/referrals",
        """
        {"caseId": "%s", "serviceId": "%s", "scope": ["IDENTITY", "CONTACT"]%s}"""
            .formatted(caseId, service, extra.isEmpty() ? "" : ", " + extra));
  }

  static final String CONSIDERATION =
      "\"bestInterestsConsideration\": \"Alone at the station at night; safety comes first.\"";

  static final String AVR =
      """
      {"kind": "ASSISTED_VOLUNTARY", "destinationCountry": "XA", "returnOn": "%s",
       "freeChoice": true, "informedDecision": true}"""
          .formatted(TODAY.plusDays(10));

  @Test
  void
      a_childs_emergency_referral_to_child_protection_goes_through_with_no_best_interests_determination()
          throws Exception {
    UUID child = fixtures.childCase(worker.agency(), true);
    // No guardian, no assessment, no determination: the referral to child protection still goes.
    // The referrer records how the child's best interests were considered.
    refer(child, childProtection, "")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("BEST_INTERESTS_CONSIDERATION_REQUIRED"));
    refer(child, childProtection, CONSIDERATION)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.basis").value("EMERGENCY_CARE"))
        .andExpect(jsonPath("$.child").value(true))
        .andExpect(jsonPath("$.serviceType").value("CHILD_PROTECTION"));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM referral WHERE case_id = ? AND basis = 'EMERGENCY_CARE'"
                        + " AND best_interests_consideration_sealed IS NOT NULL"
                        + " AND best_interests_consideration IS NULL")
                .param(child)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // A durable service (legal aid here) still waits for the determination.
    refer(child, legalAid, CONSIDERATION)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("BEST_INTERESTS_REQUIRED"));
  }

  @Test
  void
      a_disputed_age_person_is_a_child_for_referral_and_return_until_an_age_assessment_says_otherwise()
          throws Exception {
    UUID disputed = fixtures.disputedAgeCase(worker.agency());
    returns.assessRisk(
        worker.principal(),
        disputed,
        new RiskCommand("XA", TODAY, false, false, false, false, "UNHCR country guidance 2026"));

    // Recorded as 20, age disputed: a child for every rule.
    refer(disputed, legalAid, consentJson())
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("BEST_INTERESTS_REQUIRED"));
    postJson("/api/v1/cases/" + disputed + "/returns", AVR)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("NO_BEST_INTERESTS_DETERMINATION"));

    // Editing the identity fields cannot clear the dispute.
    UUID personId = fixtures.personOf(disputed);
    PersonStore.StoredPerson stored = personStore.find(personId).orElseThrow();
    assertThatThrownBy(
            () ->
                persons.update(
                    worker.principal(),
                    personId,
                    withAgeDisputed(stored.details(), false),
                    stored.version()))
        .isInstanceOfSatisfying(
            PalermoException.class,
            e ->
                assertThat(e.properties()).containsEntry("reason", "AGE_DISPUTE_NEEDS_ASSESSMENT"));

    // An inconclusive assessment leaves the presumption in place.
    String assessment =
        """
        {"assessedOn": "%s", "assessedBy": "Multidisciplinary panel", "method": "HOLISTIC",
         "multidisciplinary": true, "benefitOfDoubt": true, "informedOfRightToChallenge": %s,
         "outcome": "%s"}""";
    postJson(
            "/api/v1/cases/" + disputed + "/age-assessments",
            assessment.formatted(TODAY, true, "INCONCLUSIVE"))
        .andExpect(status().isCreated());
    refer(disputed, legalAid, consentJson())
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("BEST_INTERESTS_REQUIRED"));
    // Adulthood cannot be concluded without telling the person they may challenge it.
    postJson(
            "/api/v1/cases/" + disputed + "/age-assessments",
            assessment.formatted(TODAY, false, "ADULT"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("RIGHT_TO_CHALLENGE_NOT_INFORMED"));
    postJson(
            "/api/v1/cases/" + disputed + "/age-assessments",
            assessment.formatted(TODAY, true, "ADULT"))
        .andExpect(status().isCreated());

    // Concluded an adult: the adult rules apply.
    mvc.perform(
            get("/api/v1/cases/" + disputed + "/age-assessments")
                .header("Authorization", worker.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ageDisputed").value(false))
        .andExpect(jsonPath("$.child").value(false))
        .andExpect(jsonPath("$.assessments.length()").value(2))
        .andExpect(jsonPath("$.assessments[1].informedOfRightToChallenge").value(true));
    refer(disputed, legalAid, consentJson())
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.basis").value("CONSENT"))
        .andExpect(jsonPath("$.child").value(false));
    postJson("/api/v1/cases/" + disputed + "/returns", AVR).andExpect(status().isCreated());
    assertThat(fixtures.timeline(disputed)).contains("protection.ageAssessed");
    assertThat(fixtures.audits("protection.age.read", disputed, "SUCCESS")).isEqualTo(1);
  }

  static PersonDetails withAgeDisputed(PersonDetails d, boolean disputed) {
    return new PersonDetails(
        d.givenName(),
        d.familyName(),
        d.birthDate(),
        d.birthDateEstimated(),
        disputed,
        d.sex(),
        d.gender(),
        d.citizenships(),
        d.languages(),
        d.migrationStatus(),
        d.protectionStatus(),
        d.legalBasis(),
        d.purpose(),
        d.controlMethods(),
        d.exploitationTypes(),
        d.industry(),
        d.recruitmentMethods(),
        d.recruitmentCity(),
        d.recruitmentCountry(),
        d.journey());
  }
}

package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.cases.CaseRecords;
import org.palermo.app.cases.CaseStatus;
import org.palermo.app.cases.LegalBasis;
import org.palermo.app.identification.ScreeningFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A generated matrix over the case-level endpoints of this module: every role × own agency, another
 * service provider, law enforcement and immigration enforcement × with and without a disclosure of
 * every group to that agency. For each cell the API and the page give the same status, and the
 * status is the one the policy's decision implies (200 for the owning agency's readers, 403 inside
 * the owning agency otherwise, 404 — indistinguishable from no case — everywhere else).
 */
@PalermoIntegrationTest
class EndpointMatrixIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired CaseRecords records;
  @Autowired JdbcClient jdbc;
  @Autowired AccessPolicy policy;
  @Autowired Disclosures disclosures;

  enum Where {
    OWN,
    OTHER_PROVIDER,
    POLICE,
    IMMIGRATION
  }

  UUID newCase(Agency owner) {
    String ref =
        records.register(
            new CaseRecords.NewPersonCase(
                "Matrix",
                "Person",
                null,
                false,
                null,
                List.of(),
                List.of(),
                LegalBasis.CONSENT,
                "assistance",
                owner.id(),
                CaseStatus.OPEN,
                Instant.now(),
                true,
                null,
                null,
                null,
                null));
    return jdbc.sql("SELECT id FROM case_file WHERE reference = ?")
        .param(ref)
        .query(UUID.class)
        .single();
  }

  @Test
  void api_and_page_agree_with_the_policy_for_every_role_agency_and_disclosure() throws Exception {
    Agency owner = accounts.agency(AgencyType.SERVICE_PROVIDER);
    TestUser discloser = accounts.user(owner, Role.CASEWORKER);
    PalermoPrincipal disclosing = ScreeningFixtures.principal(discloser, Role.CASEWORKER);
    List<String> mismatches = new ArrayList<>();
    int cells = 0;
    for (Where where : Where.values()) {
      Agency agency =
          switch (where) {
            case OWN -> owner;
            case OTHER_PROVIDER -> accounts.agency(AgencyType.SERVICE_PROVIDER);
            case POLICE -> accounts.agency(AgencyType.LAW_ENFORCEMENT);
            case IMMIGRATION -> accounts.agency(AgencyType.IMMIGRATION_ENFORCEMENT);
          };
      for (boolean disclosed : new boolean[] {false, true}) {
        if (disclosed && (where == Where.OWN || where == Where.IMMIGRATION)) {
          continue; // no disclosure to oneself; none is possible to immigration enforcement
        }
        UUID caseId = newCase(owner);
        if (disclosed) {
          disclosures.create(
              disclosing,
              caseId,
              new Disclosures.NewDisclosure(
                  agency.id(),
                  EnumSet.allOf(FieldGroup.class),
                  Purpose.CRIMINAL_JUSTICE,
                  "",
                  "MATRIX",
                  Instant.now().plus(1, ChronoUnit.DAYS)));
        }
        for (Role role : Role.values()) {
          TestUser u = accounts.user(agency, role);
          PalermoPrincipal p = ScreeningFixtures.principal(u, role);
          boolean ownerReads =
              where == Where.OWN
                  && (policy.allows(p, caseId, FieldGroup.CASE_NARRATIVE, Access.READ)
                      || policy.allows(
                          p, caseId, FieldGroup.CASE_NARRATIVE, Access.READ, Purpose.OVERSIGHT));
          int expected = ownerReads ? 200 : where == Where.OWN ? 403 : 404;
          int api =
              mvc.perform(
                      get("/api/v1/cases/" + caseId + "/disclosures")
                          .header("Authorization", "Bearer " + accounts.token(u)))
                  .andReturn()
                  .getResponse()
                  .getStatus();
          // An administrator must enrol a second factor before any page (AuthenticationIT), so
          // only the API is asked for that role.
          int page =
              role == Role.ADMIN
                  ? expected
                  : mvc.perform(
                          get("/cases/" + caseId + "/disclosures")
                              .session(ScreeningFixtures.signIn(mvc, u)))
                      .andReturn()
                      .getResponse()
                      .getStatus();
          cells++;
          if (api != expected || page != expected) {
            mismatches.add(
                where
                    + " disclosed="
                    + disclosed
                    + " "
                    + role
                    + ": expected "
                    + expected
                    + ", api "
                    + api
                    + ", page "
                    + page);
          }
          if (where != Where.OWN && (where == Where.POLICE || where == Where.IMMIGRATION)) {
            Set<FieldGroup> reads = policy.groups(p, caseId, Access.READ);
            if (where == Where.IMMIGRATION && !reads.isEmpty()) {
              mismatches.add("immigration " + role + " reads " + reads);
            }
            if (where == Where.POLICE && !disclosed && !reads.isEmpty()) {
              mismatches.add("police without disclosure " + role + " reads " + reads);
            }
          }
        }
      }
    }
    assertThat(cells).isEqualTo(Role.values().length * 6);
    assertThat(mismatches).isEmpty();
  }
}

package org.palermo.app.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Case references say nothing about other agencies' work (issue #11 item 8): two cases an agency
 * opens one after the other get unrelated references, so the gap between them no longer counts the
 * cases other agencies opened meanwhile; a reference issued before, {@code PAL-2020-123456}, is
 * still found.
 */
@PalermoIntegrationTest
class CaseReferenceIT {
  @Autowired CaseRecords records;
  @Autowired TestAccounts accounts;
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  @Test
  void successiveReferencesAreUnguessableAndOldOnesStillWork() throws Exception {
    TestAccounts.TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      refs.add(
          records.register(
              CaseFixtures.openCase(
                  "Ref", "Person" + i, LocalDate.of(1990, 1, 1), user.agency().id())));
    }
    String year = String.valueOf(Year.now().getValue());
    for (String r : refs) {
      assertThat(r).matches("PAL-" + year + "-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    }
    assertThat(refs).doesNotHaveDuplicates();
    // Not a counter: the previous shape was PAL-YYYY-000123, PAL-YYYY-000124 …
    assertThat(refs.get(0).substring(9)).doesNotMatch("\\d+");

    String old = "PAL-2020-" + (100000 + new java.util.Random().nextInt(800000));
    jdbc.sql("UPDATE case_file SET reference = ? WHERE reference = ?")
        .params(old, refs.get(0))
        .update();
    String token = accounts.token(user);
    for (String asked : List.of(old, old.toLowerCase(), refs.get(1), refs.get(1).toLowerCase())) {
      String body =
          mvc.perform(
                  get("/api/v1/cases")
                      .param("name", asked)
                      .header("Authorization", "Bearer " + token))
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(body).as(asked).contains(asked.toUpperCase());
    }
  }
}

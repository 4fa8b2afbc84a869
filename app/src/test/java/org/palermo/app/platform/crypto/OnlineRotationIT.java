package org.palermo.app.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.platform.PalermoProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Rotation on the running server through the API: administrators only, every key re-wrapped. */
@PalermoIntegrationTest
class OnlineRotationIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired KeyRing ring;
  @Autowired PalermoProperties properties;

  @Test
  void an_administrator_rotates_the_master_key_while_the_server_runs() throws Exception {
    TestUser caseworker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    MvcResult refused =
        mvc.perform(
                post("/api/v1/admin/keys/rotate")
                    .header("Authorization", "Bearer " + accounts.token(caseworker)))
            .andReturn();
    assertThat(refused.getResponse().getStatus()).isEqualTo(403);

    TestUser admin = accounts.user(AgencyType.COORDINATION, Role.ADMIN);
    String before = ring.current().id();
    MvcResult done =
        mvc.perform(
                post("/api/v1/admin/keys/rotate")
                    .header("Authorization", "Bearer " + accounts.token(admin)))
            .andReturn();
    assertThat(done.getResponse().getStatus()).isEqualTo(200);
    String after = ring.current().id();
    assertThat(after).isNotEqualTo(before);
    assertThat(done.getResponse().getContentAsString()).contains("\"toKeyId\":\"" + after + "\"");
    assertThat(
            jdbc.sql("SELECT count(*) FROM data_key WHERE master_key_id <> ?")
                .param(after)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(KeyRing.open(properties.dataDir().resolve("keys"), null).ids())
        .containsExactly(after);
  }
}

package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.palermo.app.LoweredLimitsIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * ASVS 8.1.4: an abnormal number of API requests by one user is detected, audited and shown to the
 * user's agency once per hour, without refusing the requests. The threshold is lowered to 5 here.
 */
@LoweredLimitsIntegrationTest
class RequestVolumeIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;

  long alerts(TestUser u) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = 'access.volume.abnormal' AND target = ?")
        .param("user:" + u.id())
        .query(Long.class)
        .single();
  }

  long notices(TestUser u) {
    return jdbc.sql(
            "SELECT count(*) FROM notification WHERE agency_id = ? AND kind = 'abnormalVolume'")
        .param(u.agency().id())
        .query(Long.class)
        .single();
  }

  int call(TestUser u) throws Exception {
    return mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer " + accounts.token(u)))
        .andReturn()
        .getResponse()
        .getStatus();
  }

  @Test
  void more_requests_than_the_hourly_line_are_reported_once_and_still_answered() throws Exception {
    TestUser busy = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    TestUser calm = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    for (int i = 0; i < 5; i++) {
      assertThat(call(busy)).isEqualTo(200);
    }
    assertThat(alerts(busy)).isZero();
    assertThat(notices(busy)).isZero();
    for (int i = 0; i < 10; i++) {
      assertThat(call(busy)).isEqualTo(200);
    }
    assertThat(alerts(busy)).isOne();
    assertThat(notices(busy)).isOne();
    // Another user's count is their own.
    for (int i = 0; i < 3; i++) {
      call(calm);
    }
    assertThat(alerts(calm)).isZero();
  }
}

package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.platform.crypto.FieldCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A TOTP secret is stored sealed with the user's data key and reads back for verification. */
@PalermoIntegrationTest
class TotpSecretAtRestIT {
  @Autowired AccessRepository repository;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;

  @Test
  void the_totp_secret_is_sealed_in_the_database_and_opens_for_its_user() {
    TestUser u = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    String secret = "JBSWY3DPEHPK3PXPJBSWY3DP";
    repository.saveTotp(u.id(), secret, null);
    String stored =
        jdbc.sql("SELECT totp_secret FROM app_user WHERE id = ?")
            .param(u.id())
            .query(String.class)
            .single();
    assertThat(stored).startsWith(FieldCipher.PREFIX).doesNotContain(secret);
    assertThat(repository.user(u.id()).orElseThrow().totpSecret()).isEqualTo(secret);
    // Moved to another user's row, the sealed value does not open (the user id is bound to it).
    TestUser other = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    repository.saveTotp(other.id(), "OTHERSECRETOTHERSECRET22", null);
    jdbc.sql("UPDATE app_user SET totp_secret = ? WHERE id = ?")
        .params(stored, other.id())
        .update();
    UUID otherId = other.id();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> repository.user(otherId))
        .isInstanceOf(org.palermo.app.platform.crypto.SealedDataException.class);
    // The test context is shared: leave no account whose secret cannot be opened (a list of every
    // account, such as the second reviewers of a decision form, would fail on it).
    jdbc.sql("UPDATE app_user SET totp_secret = NULL WHERE id = ?").param(otherId).update();
  }
}

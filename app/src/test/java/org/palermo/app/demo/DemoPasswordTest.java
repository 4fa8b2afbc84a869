package org.palermo.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Demo passwords pass the account rules: a random one never contains the username. */
class DemoPasswordTest {
  @Test
  void a_demo_password_never_contains_the_username() {
    // A one-character "username" is in about a quarter of unchecked random passwords, so a run of
    // 200 would find one; the demo's real names ("dpo", "admin") are much rarer, but did occur.
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) {
      String password = DemoSeeder.password(random, "2");
      assertThat(password).startsWith("demo-").hasSize(21).doesNotContain("2");
    }
  }
}

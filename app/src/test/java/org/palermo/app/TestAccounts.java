package org.palermo.app;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.Accounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.springframework.stereotype.Component;

/** Creates uniquely named agencies, users and tokens for tests that share one database. */
@Component
public class TestAccounts {
  public static final String PASSWORD = "correct horse battery staple";
  private final Accounts accounts;

  TestAccounts(Accounts accounts) {
    this.accounts = accounts;
  }

  /** A user just created, with its agency. */
  public record TestUser(UUID id, String username, Agency agency) {}

  public Agency agency(AgencyType type) {
    return accounts.addAgency("Test agency " + UUID.randomUUID(), type, "XC", "test");
  }

  public TestUser user(AgencyType type, Role... roles) {
    return user(agency(type), roles);
  }

  public TestUser user(Agency agency, Role... roles) {
    String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    Set<Role> set = EnumSet.noneOf(Role.class);
    set.addAll(java.util.List.of(roles));
    UUID id =
        accounts.addUser(
            new Accounts.NewUser(
                username, "Test " + username, agency.id(), set, PASSWORD.toCharArray()),
            "test");
    return new TestUser(id, username, agency);
  }

  public String token(TestUser user) {
    return accounts.issueToken(user.username(), "test", Duration.ofDays(1), "test").secret();
  }
}

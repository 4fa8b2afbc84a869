package org.palermo.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The shared integration-test context: the whole application on a real HTTP port, backed by an
 * embedded PostgreSQL in a fresh temporary data directory that is deleted afterwards. Every test
 * class with this annotation shares one context (and one database), so tests create their own
 * uniquely named agencies and users through {@link TestAccounts}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "palermo.data-dir=${java.io.tmpdir}/palermo-it-${random.uuid}",
      "palermo.delete-data-dir-on-exit=true",
      // Dates of "today" and of deadlines are the instance's: fixed, whatever the machine's zone.
      "palermo.time-zone=UTC",
      "palermo.security.login-attempts-per-minute=100000",
      // The rights pages show the helplines an instance configures (issue 18 item 1).
      "palermo.rights.hotline=+99 800 555 0100",
      "palermo.rights.emergency-number=112",
      "logging.structured.format.console=",
      "logging.level.root=WARN"
    })
@AutoConfigureMockMvc
public @interface PalermoIntegrationTest {}

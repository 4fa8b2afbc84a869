package org.palermo.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.palermo.app.architecture.fixture.domain.SpringInTheDomain;

/**
 * CONVENTIONS.md, rule 3: the engines ({@code law}, {@code privacy}) and every {@code domain}
 * package of the application depend on no Spring, JDBC, Jackson or servlet type, so that their
 * rules run and are tested as plain Java. The Maven enforcer already bans the imports in {@code
 * law} and {@code privacy}; this test reads the compiled classes, so it also sees fully qualified
 * names, annotations and the application's domain packages.
 */
class DomainIsPlainJavaTest {

  static final ArchRule DOMAIN_IS_PLAIN_JAVA =
      noClasses()
          .that()
          .resideInAnyPackage("org.palermo.law..", "org.palermo.privacy..", "..domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "java.sql..",
              "javax.sql..",
              "com.fasterxml.jackson..",
              "tools.jackson..",
              "jakarta.servlet..",
              "javax.servlet..")
          .because("domain and engine code is plain Java (CONVENTIONS.md, rule 3)");

  @Test
  void engines_and_domain_packages_use_no_spring_jdbc_jackson_or_servlet_type() {
    JavaClasses production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.palermo");
    assertThat(production.containPackage("org.palermo.law")).as("law imported").isTrue();
    assertThat(production.containPackage("org.palermo.privacy")).as("privacy imported").isTrue();
    assertThat(production.containPackage("org.palermo.app.cases.domain"))
        .as("the application's domain packages imported")
        .isTrue();
    DOMAIN_IS_PLAIN_JAVA.check(production);
  }

  @Test
  void the_rule_catches_a_domain_class_that_uses_spring() {
    JavaClasses fixture = new ClassFileImporter().importClasses(SpringInTheDomain.class);
    EvaluationResult result = DOMAIN_IS_PLAIN_JAVA.evaluate(fixture);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(line -> assertThat(line).contains("SpringInTheDomain", "JdbcClient"));
  }
}

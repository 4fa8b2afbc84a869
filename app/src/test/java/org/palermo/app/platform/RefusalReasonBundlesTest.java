package org.palermo.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Every reason of every module's {@link RefusalReason} enum has its translated text, under its
 * {@link RefusalReason#messageKey() message key}, in English, French, Spanish and Arabic (issue #12
 * §4). The enums are found on the class path, so that a new one is covered without editing this
 * test.
 */
class RefusalReasonBundlesTest {
  /** Every enum implementing {@link RefusalReason} in the application, scanned once. */
  static final List<Class<?>> REFUSAL_ENUMS = scan();

  static List<Class<?>> refusalEnums() {
    return REFUSAL_ENUMS;
  }

  private static List<Class<?>> scan() {
    List<Class<?>> found = new ArrayList<>();
    for (JavaClass c :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.palermo.app")) {
      if (c.isEnum() && c.isAssignableTo(RefusalReason.class)) {
        found.add(c.reflect());
      }
    }
    return found;
  }

  @Test
  void the_scan_finds_the_refusal_enums_of_every_module() {
    assertThat(refusalEnums())
        .contains(
            RequestRefusal.class,
            org.palermo.app.access.AccessRefusal.class,
            org.palermo.app.cases.care.CareRefusal.class,
            org.palermo.app.referral.ReferralRefusal.class,
            org.palermo.app.cases.protection.ProtectionRefusal.class);
  }

  @Test
  void every_refusal_reason_has_its_text_in_the_four_languages() throws IOException {
    List<String> missing = new ArrayList<>();
    for (String lang : new String[] {"", "_fr", "_es", "_ar"}) {
      Properties bundle = MessagesTest.bundle(lang);
      for (Class<?> type : refusalEnums()) {
        for (Object constant : type.getEnumConstants()) {
          String key = ((RefusalReason) constant).messageKey();
          if (bundle.getProperty(key, "").isBlank()) {
            missing.add((lang.isEmpty() ? "en" : lang.substring(1)) + " " + key);
          }
        }
      }
    }
    assertThat(missing).as("refusal reasons without a translated text").isEmpty();
  }

  @Test
  void a_reason_keeps_its_wire_code() {
    assertThat(org.palermo.app.cases.care.CareRefusal.TOO_LARGE.code()).isEqualTo("tooLarge");
    assertThat(org.palermo.app.cases.care.CareRefusal.TOO_LARGE.messageKey())
        .isEqualTo("care.error.tooLarge");
    assertThat(RequestRefusal.IF_MATCH_REQUIRED.code()).isEqualTo("IF_MATCH_REQUIRED");
  }
}

package org.palermo.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.cases.CaseStatus;

/** Every interface text exists in English, French, Spanish and Arabic. */
class MessagesTest {
  static final Path RESOURCES = Path.of("src/main/resources");

  /** One bundle of one language. */
  static Properties bundle(String base, String suffix) throws IOException {
    Properties p = new Properties();
    try (var in =
        new InputStreamReader(
            Files.newInputStream(RESOURCES.resolve(base + suffix + ".properties")),
            StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }

  /** Every bundle of one language, merged as Spring's message source sees them. */
  static Properties bundle(String suffix) throws IOException {
    Properties all = new Properties();
    for (String base : I18nBundles.BASENAMES) {
      Properties one = bundle(base, suffix);
      for (String key : one.stringPropertyNames()) {
        assertThat(all.containsKey(key)).as(key + " is defined in two bundles").isFalse();
      }
      all.putAll(one);
    }
    return all;
  }

  @Test
  void all_languages_have_exactly_the_same_keys_and_no_empty_text() throws IOException {
    for (String base : I18nBundles.BASENAMES) {
      Set<String> english = new TreeSet<>(bundle(base, "").stringPropertyNames());
      for (String lang : new String[] {"_fr", "_es", "_ar"}) {
        Properties other = bundle(base, lang);
        assertThat(new TreeSet<>(other.stringPropertyNames())).as(base + lang).isEqualTo(english);
        other.forEach((k, v) -> assertThat(v.toString()).as(lang + " " + k).isNotBlank());
      }
    }
  }

  @Test
  void every_key_a_template_uses_exists() throws IOException {
    Set<String> keys = bundle("").stringPropertyNames();
    Pattern literal = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
    try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
        Matcher m = literal.matcher(Files.readString(file));
        while (m.find()) {
          assertThat(keys).as(file + " uses " + m.group(1)).contains(m.group(1));
        }
      }
    }
  }

  @Test
  void every_role_agency_type_and_case_status_has_a_label() throws IOException {
    Set<String> keys = bundle("").stringPropertyNames();
    for (Role r : Role.values()) {
      assertThat(keys).contains("role." + r);
    }
    for (AgencyType t : AgencyType.values()) {
      assertThat(keys).contains("agencyType." + t);
    }
    for (CaseStatus s : CaseStatus.values()) {
      assertThat(keys).contains("caseStatus." + s);
    }
  }

  @Test
  void arabic_is_right_to_left_and_the_others_left_to_right() {
    assertThat(Languages.direction(java.util.Locale.forLanguageTag("ar"))).isEqualTo("rtl");
    assertThat(Languages.direction(java.util.Locale.FRENCH)).isEqualTo("ltr");
    assertThat(Languages.resolve(java.util.Locale.forLanguageTag("ar-EG")).getLanguage())
        .isEqualTo("ar");
    assertThat(Languages.resolve(java.util.Locale.forLanguageTag("de")).getLanguage())
        .isEqualTo("en");
  }
}

package org.palermo.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code palermo classify FILE|-}: the contract of docs/classification.md on the command line. */
class ClassifyCommandTest {
  static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  Path file(String content) throws IOException {
    Path f = dir.resolve("facts.json");
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void one_object_gives_one_assessment_object() throws IOException {
    CliRun run = CliRun.of("classify", file(ClassifyCommandTestData.CHILD_TRAFFICKED).toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode a = JSON.readTree(run.out());
    assertThat(a.isObject()).isTrue();
    assertThat(a.get("id").asString()).isEqualTo("v-1");
    assertThat(a.get("ruleSet").asString()).isNotBlank();
    assertThat(a.get("ruleSet").asString()).isEqualTo("palermo-rules/1.1.0");
    assertThat(a.get("child").asString()).isEqualTo("YES");
    assertThat(a.at("/trafficking/finding").asString()).isEqualTo("INDICATED");
    assertThat(a.at("/trafficking/elements/means").asString()).isEqualTo("NOT_REQUIRED");
    assertThat(a.at("/trafficking/citations").toString()).contains("3(c)");
    assertThat(a.at("/smuggling/finding").asString()).isEqualTo("NOT_INDICATED");
    assertThat(a.get("protectionNeeds").toString()).contains("CHILD_PROTECTION");
  }

  @Test
  void an_earlier_rule_set_reproduces_its_answer_in_its_own_shape() throws IOException {
    Path facts = file(ClassifyCommandTestData.CHILD_TRAFFICKED);
    CliRun run = CliRun.of("classify", "--rule-set", "palermo-rules/1.0.0", facts.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode a = JSON.readTree(run.out());
    assertThat(a.get("ruleSet").asString()).isEqualTo("palermo-rules/1.0.0");
    assertThat(a.get("child").isBoolean()).isTrue();
    assertThat(a.get("child").asBoolean()).isTrue();
    assertThat(a.has("warnings")).isFalse();
    CliRun unknown = CliRun.of("classify", "--rule-set", "palermo-rules/0.1.0", facts.toString());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("ruleSet").contains("palermo-rules/1.1.0");
  }

  @Test
  void a_disputed_age_makes_a_presumed_child_with_its_reasons() throws IOException {
    CliRun run =
        CliRun.of(
            "classify",
            file("""
                    {"id":"v-3","age":19,"ageDisputed":true,"acts":["RECRUITMENT"],"means":[],
                     "purposes":["SEXUAL_EXPLOITATION"],"exploiterIsParentOrCaregiver":true}""")
                .toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode a = JSON.readTree(run.out());
    assertThat(a.get("child").asString()).isEqualTo("PRESUMED");
    assertThat(a.at("/trafficking/finding").asString()).isEqualTo("INDICATED");
    assertThat(a.at("/trafficking/elements/means").asString()).isEqualTo("NOT_REQUIRED");
    assertThat(a.get("protectionNeeds").toString()).contains("CHILD_PROTECTION", "GUARDIANSHIP");
    assertThat(a.get("protectionReasons").toString())
        .contains("NEED_GUARDIAN_PARENT_EXPLOITER", "Directive 2011/36/EU art. 14(2)");
    assertThat(a.get("warnings").isArray()).isTrue();
  }

  @Test
  void an_array_gives_an_array_in_the_same_order_from_standard_input() {
    CliRun run =
        CliRun.withStdin(
            "["
                + ClassifyCommandTestData.SMUGGLED
                + ","
                + ClassifyCommandTestData.CHILD_TRAFFICKED
                + ",{}]",
            "classify",
            "-");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode all = JSON.readTree(run.out());
    assertThat(all.isArray()).isTrue();
    assertThat(all.size()).isEqualTo(3);
    assertThat(all.get(0).get("id").asString()).isEqualTo("v-2");
    assertThat(all.get(0).at("/smuggling/finding").asString()).isEqualTo("INDICATED");
    assertThat(all.get(0).at("/smuggling/aggravating").toString())
        .contains("LIFE_OR_SAFETY_ENDANGERED");
    assertThat(all.get(0).at("/smuggling/nonCriminalisation").asBoolean()).isTrue();
    assertThat(all.get(1).get("id").asString()).isEqualTo("v-1");
    assertThat(all.get(2).at("/trafficking/finding").asString()).isEqualTo("UNDETERMINED");
    assertThat(all.get(2).at("/smuggling/finding").asString()).isEqualTo("UNDETERMINED");
  }

  @Test
  void bad_input_names_the_field_exits_2_and_prints_no_assessment() throws IOException {
    String[][] cases = {
      {"{\"means\":[\"BRIBERY\"]}", "means[0]", "unknown value 'BRIBERY'"},
      {"[{}, {\"age\":\"twelve\"}]", "[1].age", "whole number"},
      {"{\"age\":12.5}", "age", "whole number"},
      {"{\"favouriteColour\":\"blue\"}", "favouriteColour", "unknown field"},
      {"{\"entryIrregular\":\"yes\"}", "entryIrregular", "true, false or null"},
      {"{\"acts\":\"RECRUITMENT\"}", "acts", "array"},
      {"{\"benefitToFacilitator\":\"GIFTS\"}", "benefitToFacilitator", "GIFTS"},
      {"{\"indicators\":[\"NO-SUCH-CODE\"]}", "indicators", "NO-SUCH-CODE"},
      {"{\"age\": 30, \"age\": 31}", "$", "not valid JSON"},
      {"{\"id\": ", "$", "not valid JSON"},
      {"42", "$", "object"},
      {"", "$", "empty"},
    };
    for (String[] c : cases) {
      CliRun run = CliRun.of("classify", file(c[0]).toString());
      assertThat(run.exitCode()).as(c[0]).isEqualTo(2);
      assertThat(run.err()).as(c[0]).contains(c[1]).contains(c[2]);
      assertThat(run.out()).as(c[0]).isEmpty();
    }
  }

  @Test
  void malformed_utf8_and_missing_files_are_refused() throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.write(
        bad, new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
    CliRun run = CliRun.of("classify", bad.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("UTF-8");
    CliRun missing = CliRun.of("classify", dir.resolve("nope.json").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");
  }
}

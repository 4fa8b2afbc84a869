package org.palermo.linkage.clk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palermo.linkage.Field;
import org.palermo.linkage.LinkageRecord;
import org.palermo.linkage.clk.ClkMatcher.Encoded;
import org.palermo.linkage.io.LinkageInputException;
import org.palermo.linkage.synth.PopulationGenerator;
import org.palermo.linkage.synth.SyntheticPopulation;

class ClkEncoderTest {
  static final byte[] KEY_A = "secret of agreement A, 32 bytes!".getBytes(StandardCharsets.UTF_8);
  static final byte[] KEY_B = "secret of agreement B, 32 bytes!".getBytes(StandardCharsets.UTF_8);

  static final LinkageRecord FATIMA =
      new LinkageRecord(
          "x1",
          Map.of(
              Field.GIVEN_NAME, "Fatima",
              Field.FAMILY_NAME, "Haddad",
              Field.BIRTH_DATE, "1998-04-07",
              Field.SEX, "F",
              Field.CITIZENSHIP, "SY",
              Field.BIRTH_PLACE, "Aleppo"));

  @TempDir Path dir;

  @Test
  void theSameKeyGivesTheSameEncodingAndAnotherKeyAnUnrelatedOne() {
    long[] a1 = new ClkEncoder(KEY_A).encode(FATIMA);
    long[] a2 = new ClkEncoder(KEY_A.clone()).encode(FATIMA);
    long[] b = new ClkEncoder(KEY_B).encode(FATIMA);
    assertThat(a2).isEqualTo(a1);
    assertThat(b).isNotEqualTo(a1);
    // balanced encodings agree on half of the bits by chance: the other key gives no more
    assertThat(Bits.dice(a1, b)).isBetween(0.4, 0.6);
    assertThat(new ClkEncoder(KEY_A).parameters()).isEqualTo(new ClkEncoder(KEY_A).parameters());
    assertThat(ClkEncoder.fingerprint(KEY_A))
        .hasSize(32)
        .isNotEqualTo(ClkEncoder.fingerprint(KEY_B));
  }

  @Test
  void namesInAnotherScriptAndSwappedNamesStaySimilar() {
    ClkEncoder e = new ClkEncoder(KEY_A);
    LinkageRecord cyrillic =
        new LinkageRecord(
            "c",
            Map.of(
                Field.GIVEN_NAME,
                "Ольга",
                Field.FAMILY_NAME,
                "Ковальчук",
                Field.BIRTH_DATE,
                "1990-03-12"));
    LinkageRecord latin =
        new LinkageRecord(
            "l",
            Map.of(
                Field.GIVEN_NAME,
                "Olga",
                Field.FAMILY_NAME,
                "Kovalchuk",
                Field.BIRTH_DATE,
                "1990-03-12"));
    LinkageRecord swapped =
        new LinkageRecord(
            "s",
            Map.of(
                Field.GIVEN_NAME,
                "Kovalchuk",
                Field.FAMILY_NAME,
                "Olga",
                Field.BIRTH_DATE,
                "1990-12-03"));
    LinkageRecord other =
        new LinkageRecord(
            "o",
            Map.of(
                Field.GIVEN_NAME,
                "Mamadou",
                Field.FAMILY_NAME,
                "Diallo",
                Field.BIRTH_DATE,
                "1984-07-30"));
    double script = Bits.dice(e.encode(cyrillic), e.encode(latin));
    double swap = Bits.dice(e.encode(latin), e.encode(swapped));
    double unrelated = Bits.dice(e.encode(latin), e.encode(other));
    assertThat(script).isGreaterThan(ClkMatcher.DEFAULT_THRESHOLD);
    assertThat(swap).isGreaterThan(ClkMatcher.DEFAULT_THRESHOLD);
    assertThat(unrelated).isLessThan(0.75);
    assertThat(ClkEncoder.latin("Ковальчук")).isEqualTo("kovalcuk");
    LinkageRecord full =
        new LinkageRecord(
            "f", Map.of(Field.FULL_NAME, "Olga Kovalchuk", Field.BIRTH_DATE, "1990-03-12"));
    assertThat(Bits.dice(e.encode(full), e.encode(latin))).isEqualTo(1.0);
  }

  @Test
  void theEncodedFileHoldsNoPlaintextAndReadsBack() throws Exception {
    SyntheticPopulation pop = new PopulationGenerator(4).generate(300);
    ClkEncoder e = new ClkEncoder(KEY_A);
    List<Encoded> encoded = ClkMatcherTest.encode(e, pop);
    Path file = dir.resolve("a.jsonl");
    EncodedFile.write(file, e.parameters(), encoded);
    String text = Files.readString(file);
    // structurally: a header of parameters, then lines of an id and base64 bits, nothing else
    List<String> lines = text.lines().toList();
    assertThat(EncodedFile.object(lines.get(0), 1).keySet())
        .containsExactly(
            "format",
            "version",
            "q",
            "length",
            "hardening",
            "weights",
            "key_fingerprint",
            "bits",
            "records");
    for (String line : lines.subList(1, lines.size())) {
      var o = EncodedFile.object(line, 2);
      assertThat(o.keySet()).containsExactly("id", "clk");
      assertThat(o.get("clk")).matches("[A-Za-z0-9+/]+=*");
    }
    // and no value of any record appears (values of 6 characters or more, so that chance
    // substrings of base64 do not count)
    for (LinkageRecord r : pop.records()) {
      for (var v : r.values().entrySet()) {
        if (v.getValue().length() >= 6) {
          assertThat(text).as(v.getKey().column()).doesNotContain(v.getValue());
        }
      }
    }
    assertThat(text).doesNotContain(new String(KEY_A, StandardCharsets.UTF_8));
    int n = pop.records().size();
    assertThat(text.lines().count()).isEqualTo(n + 1);
    assertThat(text.lines().findFirst().orElseThrow())
        .contains("\"format\":\"palermo-clk\"")
        .contains("\"key_fingerprint\":\"" + ClkEncoder.fingerprint(KEY_A) + "\"")
        .contains("\"weights\":\"name:12,birth_date:40,sex:2,citizenship:6,birth_place:3\"");
    EncodedFile.Contents back = EncodedFile.read(file);
    assertThat(back.parameters()).isEqualTo(e.parameters());
    assertThat(back.records()).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(back.records().get(i).id()).isEqualTo(encoded.get(i).id());
      assertThat(back.records().get(i).bits()).isEqualTo(encoded.get(i).bits());
    }
  }

  @Test
  void idsWithQuotesAndOtherCharactersSurviveTheFile() throws Exception {
    ClkEncoder e = new ClkEncoder(KEY_A);
    String id = "a\"b\\c\td/é\u0001";
    Path file = dir.resolve("q.jsonl");
    EncodedFile.write(file, e.parameters(), List.of(new Encoded(id, e.encode(FATIMA))));
    assertThat(EncodedFile.read(file).records().get(0).id()).isEqualTo(id);
    assertThat(EncodedFile.object("{ \"a\" : \"\\u00e9\\n\\r\\b\\f\\/\" , \"n\": -12 }", 1))
        .containsEntry("a", "é\n\r\b\f/")
        .containsEntry("n", "-12");
    assertThat(EncodedFile.object("{}", 1)).isEmpty();
  }

  @Test
  void badEncodedFilesNameTheLineAndField() throws Exception {
    ClkEncoder e = new ClkEncoder(KEY_A);
    Path good = dir.resolve("g.jsonl");
    EncodedFile.write(
        good,
        e.parameters(),
        List.of(new Encoded("x1", e.encode(FATIMA)), new Encoded("x2", e.encode(FATIMA))));
    List<String> lines = Files.readAllLines(good);
    String header = lines.get(0);
    String rec = lines.get(1);
    assertBad("", "line 1: the file is empty");
    assertBad("{\"format\":\"other\"}\n", "line 1, field format:");
    assertBad(
        header + "\n" + rec + "\n" + rec + "\n", "line 3, field id: the id \"x1\" appears twice");
    assertBad(
        header
            + "\n"
            + rec
            + "\n"
            + rec.replace("x1", "x3").replace("\"clk\":\"", "\"clk\":\"AAAA")
            + "\n",
        "line 3, field clk: has 2072 bits where the header says 2048");
    assertBad(header + "\n" + rec + "\n" + "{\"id\":\"x3\"}\n", "line 3, field clk: missing");
    assertBad(
        header + "\n" + rec + "\n" + "{\"id\":\"x3\",\"clk\":\"!!\"}\n", "line 3, field clk:");
    assertBad(header + "\n" + rec + "\n" + "not json\n", "line 3: malformed JSON");
    assertBad(
        header + "\n" + rec + "\n" + "{\"id\":\"\",\"clk\":\"\"}\n",
        "line 3, field id: the id is empty");
    assertBad(
        header + "\n" + rec + "\n", "line 1, field records: says 2 records where the file has 1");
    assertBad(header.replace("\"q\":2", "\"q\":9") + "\n", "line 1: bad parameters");
    assertBad(header.replace("\"q\":2", "\"q\":\"two\"") + "\n", "line 1, field q: not an integer");
    assertBad(header.replace("\"version\":1", "\"version\":7") + "\n", "line 1, field version:");
    assertBad(header.replace("\"bits\":2048", "\"bits\":1024") + "\n", "line 1, field bits:");
    assertBad(
        header.replace("\"hardening\":\"BALANCED\"", "\"hardening\":\"ROT13\"") + "\n",
        "line 1: bad parameters");
    assertBad(
        "{\"format\":\"palermo-clk\",\"format\":\"x\"}\n", "line 1, field format: appears twice");
    assertBad("{\"format\":\"palermo-clk\" x\n", "line 1: malformed JSON");
    assertBad("{\"format\":\"palermo-clk\"} x\n", "text after the object");
    assertBad("{\"format\":\"palermo-clk\n", "unterminated string");
    assertBad("{\"format\":\"\\q\"}\n", "bad escape");
    assertBad("{\"format\":\"\\u12\"}\n", "bad \\u escape");
    assertBad("{\"format\":\"\\uZZZZ\"}\n", "bad \\u escape");
    assertBad("{\"format\":true}\n", "line 1, field format: not a string or an integer");
    Path notUtf8 = dir.resolve("bin.jsonl");
    Files.write(notUtf8, new byte[] {(byte) 0xC3, 0x28, '\n'});
    assertThatThrownBy(() -> EncodedFile.read(notUtf8)).hasMessage("the file is not UTF-8 text");
  }

  @Test
  void shortSecretsAndBadParametersAreRefused() {
    assertThatThrownBy(() -> new ClkEncoder(new byte[15]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 16");
    assertThatThrownBy(() -> new ClkEncoder(KEY_A, 2, 1000, Hardening.NONE, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClkEncoder(KEY_A, 2, 1024, Hardening.NONE, Map.of("ssn", 5)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClkParameters.parseWeights("name=5"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Bits.fromBase64("AAAA", 1024))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Bits.dice(new long[2], new long[2])).isZero();
  }

  private void assertBad(String content, String message) throws Exception {
    Path f = dir.resolve("bad.jsonl");
    Files.writeString(f, content);
    assertThatThrownBy(() -> EncodedFile.read(f))
        .isInstanceOf(LinkageInputException.class)
        .hasMessageContaining(message);
  }
}

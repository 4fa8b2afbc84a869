package org.palermo.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palermo.linkage.synth.PopulationGenerator;
import org.palermo.linkage.synth.SyntheticCsv;
import org.palermo.linkage.synth.TwoFiles;

/**
 * {@code palermo link encode} and {@code palermo link match-encoded}: the command-line contract of
 * docs/linkage.md, "Privacy-preserving linkage", in this JVM.
 */
class LinkEncodedCommandTest {
  @TempDir Path dir;

  Path secret(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void twoPartiesEncodeLocallyAndTheMatchFindsTheSharedPersons() throws IOException {
    TwoFiles files = new PopulationGenerator(16).twoFiles(600, 0.5);
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    SyntheticCsv.write(a, files.left(), false);
    SyntheticCsv.write(b, files.right(), false);
    Path key = secret("key", "the secret of agreement 2026/17");
    CliRun encodeA =
        CliRun.of(
            "link",
            "encode",
            "--input",
            a.toString(),
            "--secret-file",
            key.toString(),
            "--out",
            dir.resolve("a.jsonl").toString());
    CliRun encodeB =
        CliRun.of(
            "link",
            "encode",
            "--input",
            b.toString(),
            "--secret-file",
            key.toString(),
            "--out",
            dir.resolve("b.jsonl").toString());
    assertThat(encodeA.exitCode()).as(encodeA.err()).isZero();
    assertThat(encodeB.exitCode()).as(encodeB.err()).isZero();
    String encoded = Files.readString(dir.resolve("a.jsonl"));
    assertThat(encoded).doesNotContain("the secret of agreement");
    assertThat(encoded.lines().skip(1))
        .allMatch(l -> l.matches("\\{\"id\":\"a\\d+\",\"clk\":\"[A-Za-z0-9+/=]+\"\\}"));

    Path pairs = dir.resolve("pairs.csv");
    CliRun match =
        CliRun.of(
            "link",
            "match-encoded",
            "--left",
            dir.resolve("a.jsonl").toString(),
            "--right",
            dir.resolve("b.jsonl").toString(),
            "--out",
            pairs.toString());
    assertThat(match.exitCode()).as(match.err()).isZero();
    List<String> rows = Files.readAllLines(pairs);
    assertThat(rows.get(0)).isEqualTo("left_id,right_id,probability");
    long right =
        rows.stream().skip(1).map(r -> r.split(",")).filter(r -> files.match(r[0], r[1])).count();
    assertThat(rows.size() - 1).isPositive();
    assertThat((double) right / (rows.size() - 1)).isGreaterThan(0.9);
    assertThat((double) right / files.truePairCount()).isGreaterThan(0.7);

    // a higher threshold gives fewer pairs
    Path strict = dir.resolve("strict.csv");
    CliRun high =
        CliRun.of(
            "link",
            "match-encoded",
            "--left",
            dir.resolve("a.jsonl").toString(),
            "--right",
            dir.resolve("b.jsonl").toString(),
            "--out",
            strict.toString(),
            "--threshold",
            "0.97");
    assertThat(high.exitCode()).as(high.err()).isZero();
    assertThat(Files.readAllLines(strict).size()).isLessThan(rows.size());
  }

  @Test
  void filesOfDifferentSecretsOrParametersAreRefusedAndNothingIsWritten() throws IOException {
    Path csv = dir.resolve("in.csv");
    Files.writeString(csv, "id,given_name,family_name,birth_date\nx1,Amina,Diallo,2001-02-03\n");
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    assertThat(encode(csv, secret("k1", "first secret, long enough"), a).exitCode()).isZero();
    assertThat(encode(csv, secret("k2", "second secret, long enough"), b).exitCode()).isZero();
    Path out = dir.resolve("pairs.csv");
    CliRun keys = matchEncoded(a, b, out);
    assertThat(keys.exitCode()).isEqualTo(2);
    assertThat(keys.err()).contains("different secrets").hasLineCount(1);
    assertThat(out).doesNotExist();

    Path c = dir.resolve("c.jsonl");
    Files.writeString(c, Files.readString(a).replace("name:12", "name:13"));
    CliRun params = matchEncoded(a, c, out);
    assertThat(params.exitCode()).isEqualTo(2);
    assertThat(params.err()).contains("different parameters");
    assertThat(out).doesNotExist();

    Path broken = dir.resolve("broken.jsonl");
    Files.writeString(broken, Files.readString(a) + "{\"id\":\"x2\",\"clk\":\"AAAA\"}\n");
    CliRun bad = matchEncoded(a, broken, out);
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err())
        .startsWith(
            "link match-encoded: broken.jsonl: line 3, field clk: has 24 bits where the header says 2048");
    assertThat(matchEncoded(a, dir.resolve("none.jsonl"), out).exitCode()).isEqualTo(2);
    CliRun threshold =
        CliRun.of(
            "link",
            "match-encoded",
            "--left",
            a.toString(),
            "--right",
            a.toString(),
            "--out",
            out.toString(),
            "--threshold",
            "1.5");
    assertThat(threshold.exitCode()).isEqualTo(2);
    assertThat(out).doesNotExist();
  }

  @Test
  void badInputShortSecretsAndMissingFilesExit2WritingNothing() throws IOException {
    Path out = dir.resolve("enc.jsonl");
    Path key = secret("key", "a secret long enough");
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "id,given_name,birth_date\nx1,Amina,2001-02-03\nx2,Awa,31/12/1990\n");
    CliRun bad = encode(csv, key, out);
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err())
        .isEqualTo(
            "link encode: bad.csv: row 3, column birth_date: not a date as"
                + " YYYY-MM-DD or YYYYMMDD"
                + System.lineSeparator());
    assertThat(out).doesNotExist();

    Path good = dir.resolve("good.csv");
    Files.writeString(good, "id,given_name\nx1,Amina\n");
    CliRun shortKey = encode(good, secret("short", "15 bytes secret"), out);
    assertThat(shortKey.exitCode()).isEqualTo(2);
    assertThat(shortKey.err()).contains("at least 16");
    assertThat(out).doesNotExist();
    assertThat(encode(good, dir.resolve("nokey"), out).exitCode()).isEqualTo(2);
    assertThat(encode(dir.resolve("none.csv"), key, out).exitCode()).isEqualTo(2);
    assertThat(out).doesNotExist();
    assertThat(CliRun.of("link", "encode").exitCode()).isEqualTo(2);
  }

  @Test
  void helpDescribesTheCommands() {
    CliRun link = CliRun.of("link", "--help");
    assertThat(link.exitCode()).isZero();
    assertThat(link.out()).contains("encode").contains("match-encoded");
    CliRun encode = CliRun.of("link", "encode", "--help");
    assertThat(encode.out()).contains("--secret-file").contains("no name, no date");
    CliRun match = CliRun.of("link", "match-encoded", "--help");
    assertThat(match.out()).contains("--threshold").contains("0.875");
  }

  private CliRun encode(Path in, Path key, Path out) {
    return CliRun.of(
        "link",
        "encode",
        "--input",
        in.toString(),
        "--secret-file",
        key.toString(),
        "--out",
        out.toString());
  }

  private CliRun matchEncoded(Path a, Path b, Path out) {
    return CliRun.of(
        "link",
        "match-encoded",
        "--left",
        a.toString(),
        "--right",
        b.toString(),
        "--out",
        out.toString());
  }
}

package org.palermo.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code palermo link dedupe|match}: the command-line contract of docs/linkage.md. */
class LinkCommandTest {
  @TempDir Path dir;

  static final String PEOPLE =
      """
      id,given_name,family_name,birth_date,sex,citizenship,birth_place,document_number,notes
      a1,Mohammed,Haddad,1985-04-09,M,SYR,Aleppo,N1234567,first registration
      a2,محمد,حداد,19850904,M,SYR,حلب,,"at the shelter, in Arabic"
      b1,Maria,Ivanova,1990-02-11,F,UKR,Odesa,,
      b2,Мария,Иванова,1990-02-11,F,UKR,,,
      c1,Joy,Okafor,2001-07-30,F,NGA,Benin City,A7654321,
      d1,Grace,Mensah,1979-12-01,F,GHA,Kumasi,,
      e1,Samuel,Tadesse,1995-03-03,M,ETH,Gondar,,
      f1,Amina,Diallo,1988-08-08,F,GIN,Conakry,,
      """;

  Path file(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  List<String> lines(Path f) throws IOException {
    return Files.readAllLines(f, StandardCharsets.UTF_8);
  }

  @Test
  void dedupe_writes_the_pairs_called_a_match_with_their_probability() throws IOException {
    Path in = file("people.csv", PEOPLE);
    Path out = dir.resolve("pairs.csv");
    CliRun run = CliRun.of("link", "dedupe", "--input", in.toString(), "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = lines(out);
    assertThat(lines.get(0)).isEqualTo("left_id,right_id,probability");
    assertThat(lines.subList(1, lines.size()))
        .extracting(l -> l.substring(0, l.lastIndexOf(',')))
        .containsExactly("a1,a2", "b1,b2");
    for (String l : lines.subList(1, lines.size())) {
      assertThat(Double.parseDouble(l.substring(l.lastIndexOf(',') + 1))).isBetween(0.9, 1.0);
    }
  }

  @Test
  void threshold_of_one_calls_nothing_a_match() throws IOException {
    Path in = file("people.csv", PEOPLE);
    Path out = dir.resolve("pairs.csv");
    CliRun run =
        CliRun.of(
            "link",
            "dedupe",
            "--input",
            in.toString(),
            "--out",
            out.toString(),
            "--threshold",
            "1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(lines(out)).containsExactly("left_id,right_id,probability");
    CliRun bad =
        CliRun.of(
            "link",
            "dedupe",
            "--input",
            in.toString(),
            "--out",
            out.toString(),
            "--threshold",
            "2");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--threshold");
  }

  @Test
  void match_puts_the_left_file_id_first() throws IOException {
    Path left =
        file(
            "left.csv",
            """
            id,full_name,birth_date,sex
            L1,Maria Ivanova,1990-02-11,F
            L2,Joy Okafor,2001-07-30,F
            L3,Samuel Tadesse,1995-03-03,M
            L4,Amina Diallo,1988-08-08,F
            """);
    Path right =
        file(
            "right.csv",
            """
            id,given_name,family_name,birth_date,sex
            R1,Grace,Mensah,1979-12-01,F
            R2,Мария,Иванова,1990-11-02,F
            R3,Peter,Rossi,1966-06-06,M
            R4,Amina,Diallo,1988-08-08,F
            """);
    Path out = dir.resolve("pairs.csv");
    CliRun run =
        CliRun.of(
            "link",
            "match",
            "--left",
            left.toString(),
            "--right",
            right.toString(),
            "--out",
            out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = lines(out);
    assertThat(lines.get(0)).isEqualTo("left_id,right_id,probability");
    assertThat(lines.subList(1, lines.size()))
        .extracting(l -> l.substring(0, l.lastIndexOf(',')))
        .containsExactly("L1,R2", "L4,R4");
  }

  @Test
  void bad_input_is_one_line_naming_row_and_column_exit_2_and_nothing_written() throws IOException {
    Path out = dir.resolve("pairs.csv");
    Files.writeString(out, "kept");
    record Case(String csv, String expected) {}
    List<Case> cases =
        List.of(
            new Case("id,given_name,birth_date\nx,Ana,31/12/1990\n", "row 2, column birth_date"),
            new Case("id,given_name\nx,Ana\nx,Bea\n", "row 3, column id"),
            new Case("name,dob\nAna,1990-01-01\n", "row 1"),
            new Case("id,given_name\nx,\"Ana\n", "malformed"),
            new Case("id,given_name\nx,Ana,extra\n", "row 2"));
    for (Case c : cases) {
      Path in = file("bad.csv", c.csv());
      CliRun run = CliRun.of("link", "dedupe", "--input", in.toString(), "--out", out.toString());
      assertThat(run.exitCode()).as(c.csv()).isEqualTo(2);
      assertThat(run.err().strip()).as(c.csv()).contains(c.expected()).doesNotContain("\n");
      assertThat(run.err()).startsWith("link dedupe: --input bad.csv: ");
      assertThat(Files.readString(out)).isEqualTo("kept");
    }
    Path good = file("good.csv", PEOPLE);
    Path bad = file("bad.csv", "id,given_name\nx,Ana\nx,Bea\n");
    CliRun run =
        CliRun.of(
            "link",
            "match",
            "--left",
            good.toString(),
            "--right",
            bad.toString(),
            "--out",
            out.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--right bad.csv: row 3, column id");
    assertThat(Files.readString(out)).isEqualTo("kept");
    CliRun missing =
        CliRun.of(
            "link",
            "dedupe",
            "--input",
            dir.resolve("nope.csv").toString(),
            "--out",
            dir.resolve("fresh.csv").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");
    assertThat(dir.resolve("fresh.csv")).doesNotExist();
  }

  @Test
  void help_explains_the_contract() {
    CliRun run = CliRun.of("link", "dedupe", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("--input", "--out", "--threshold", "left_id,right_id,probability", "exits 2");
    CliRun match = CliRun.of("link", "match", "--help");
    assertThat(match.out()).contains("--left", "--right", "left_id is from the --left file");
    CliRun link = CliRun.of("link");
    assertThat(link.out()).contains("dedupe", "match");
  }
}

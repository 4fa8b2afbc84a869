package org.palermo.privacy.ctdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CtdcCsvReaderTest {

  private static List<CtdcRecord> fixture(String name) {
    InputStream in = CtdcCsvReaderTest.class.getResourceAsStream("/ctdc/" + name);
    assertThat(in).as(name).isNotNull();
    return CtdcCsvReader.read(in);
  }

  @Test
  void readsFullAndTruncatedColumnNamesToTheSameRecords() {
    List<CtdcRecord> full = fixture("victims-full-names.csv");
    List<CtdcRecord> truncated = fixture("victims-truncated-names.tsv");

    assertThat(full).hasSize(4);
    assertThat(truncated).isEqualTo(full);
  }

  @Test
  void mapsValuesAndReadsMinus99AsMissing() {
    List<CtdcRecord> records = fixture("victims-truncated-names.tsv");

    CtdcRecord first = records.get(0);
    assertThat(first.yearOfRegistration()).isEqualTo(2019);
    assertThat(first.gender()).isEqualTo(Gender.FEMALE);
    assertThat(first.ageBroad()).isEqualTo(AgeBroad.AGE_18_20);
    assertThat(first.majorityStatusAtExploit()).isEqualTo(MajorityStatus.MINOR);
    assertThat(first.citizenship()).isEqualTo("UA");
    assertThat(first.countryOfExploitation()).isEqualTo("PL");
    assertThat(first.traffickMonths()).isEqualTo(14);
    assertThat(first.flags().isSet(CtdcFlag.MOC_THREAT_OF_LAW_ENFORCEMENT)).isTrue();
    assertThat(first.flags().isKnown(CtdcFlag.MOC_PSYCHOACTIVE_SUBSTANCES)).isTrue();
    assertThat(first.flags().isSet(CtdcFlag.MOC_PSYCHOACTIVE_SUBSTANCES)).isFalse();
    assertThat(first.flags().isKnown(CtdcFlag.MOC_RESTRICTS_FINANCIAL_ACCESS)).isFalse();
    assertThat(first.flags().isSet(CtdcFlag.SEX_REMOTE_INTERACTIVE_SERVICES)).isTrue();
    assertThat(first.flags().isKnown(CtdcFlag.ORGAN_REMOVAL)).as("absent column").isFalse();

    CtdcRecord second = records.get(1);
    assertThat(second.datasource()).isEqualTo("Hotline, Ukraine desk");
    assertThat(second.majorityEntry()).isNull();
    assertThat(second.flags().isSet(CtdcFlag.MOC_PSYCHOACTIVE_SUBSTANCES)).isTrue();
    assertThat(second.flags().isSet(CtdcFlag.MOC_RESTRICTS_FINANCIAL_ACCESS)).isTrue();
    assertThat(second.traffickMonths()).isNull();

    CtdcRecord third = records.get(2);
    assertThat(third.yearOfRegistration()).isNull();
    assertThat(third.citizenship()).isNull();
    assertThat(third.datasource()).isEqualTo("Caso – gestão \"São Tomé\"\nsecond line");
    assertThat(third.flags().isSet(CtdcFlag.RECRUITER_INTIMATE_PARTNER)).isTrue();

    CtdcRecord fourth = records.get(3);
    assertThat(fourth.gender()).isNull();
    assertThat(fourth.ageBroad()).isNull();
    assertThat(fourth.majorityStatus()).isNull();
  }

  @Test
  void badValueNamesPhysicalLineAndColumnAfterAMultiLineField() {
    String csv =
        "yearOfRegistration,Datasource,gender,ageBroad,majorityStatus,citizenship,"
            + "CountryOfExploitation\n"
            + "2019,\"two\nlines\",Female,18--20,Adult,UA,PL\n"
            + "2020,x,Robot,18--20,Adult,UA,PL\n";

    assertThatThrownBy(() -> CtdcCsvReader.read(new StringReader(csv)))
        .isInstanceOfSatisfying(
            CtdcFormatException.class,
            e -> {
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.column()).isEqualTo("gender");
            })
        .hasMessageContaining("line 4")
        .hasMessageContaining("'Robot'");
  }

  @Test
  void badFlagNamesTheTruncatedColumnAsSpelledInTheFile() {
    String csv =
        "yearOfRegistration,gender,ageBroad,majorityStatus,citizenship,CountryOfExploitation,"
            + "meansOfControlThreatOfLawEnforce\n"
            + "2019,Female,18--20,Adult,UA,PL,yes\n";

    assertThatThrownBy(() -> CtdcCsvReader.read(new StringReader(csv)))
        .isInstanceOf(CtdcFormatException.class)
        .hasMessage(
            "line 2, column 'meansOfControlThreatOfLawEnforce': expected 1, 0 or -99 but found"
                + " 'yes'");
  }

  @Test
  void rejectsStructuralProblemsWithTheirLine() {
    String header =
        "yearOfRegistration,gender,ageBroad,majorityStatus,citizenship,"
            + "CountryOfExploitation\n";
    assertThatThrownBy(() -> read(header + "2019,Female,18--20,Adult,UA\n"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("expected 6 fields, found 5");
    assertThatThrownBy(() -> read(header + "2019,\"Female,18--20,Adult,UA,PL\n"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("never closed");
    assertThatThrownBy(() -> read(header + "2019,Fem\"ale,18--20,Adult,UA,PL\n"))
        .hasMessageContaining("quote inside an unquoted field");
    assertThatThrownBy(() -> read(header + "1850,Female,18--20,Adult,UA,PL\n"))
        .hasMessageContaining("column 'yearOfRegistration'");
    assertThatThrownBy(() -> read(header + "2019,Female,18--20,Adult,Ukraine,PL\n"))
        .hasMessageContaining("column 'citizenship'")
        .hasMessageContaining("ISO 3166-1 alpha-2");
  }

  @Test
  void rejectsMissingAndDuplicatedColumns() {
    assertThatThrownBy(() -> read("gender,ageBroad\nFemale,18--20\n"))
        .isInstanceOf(CtdcFormatException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("required column is missing");
    String both =
        "yearOfRegistration,gender,ageBroad,majorityStatus,citizenship,CountryOfExploitation,"
            + "meansOfControlPsychoactiveSubstances,meansOfControlPsychoactiveSubsta\n";
    assertThatThrownBy(() -> read(both))
        .hasMessageContaining("column 'meansOfControlPsychoactiveSubsta'")
        .hasMessageContaining("appears twice");
  }

  @Test
  void rejectsInvalidUtf8() {
    byte[] header =
        "yearOfRegistration,gender,ageBroad,majorityStatus,citizenship,CountryOfExploitation\n"
            .getBytes(StandardCharsets.UTF_8);
    byte[] bad = {'2', '0', '1', '9', ',', (byte) 0xC3, (byte) 0x28, '\n'};
    byte[] all = new byte[header.length + bad.length];
    System.arraycopy(header, 0, all, 0, header.length);
    System.arraycopy(bad, 0, all, header.length, bad.length);

    assertThatThrownBy(() -> CtdcCsvReader.read(new ByteArrayInputStream(all)))
        .isInstanceOf(CtdcFormatException.class)
        .hasMessageContaining("not valid UTF-8");
  }

  @Test
  void aHugeFieldIsRefusedWithItsLineBeforeItFillsTheHeap() {
    // Issue #11 item 18: one 300 MB field ran the import out of memory. The file is generated as
    // it is read, so the test itself holds nothing; the parser must stop soon after the limit.
    String header =
        "yearOfRegistration,gender,ageBroad,majorityStatus,citizenship,CountryOfExploitation\n"
            + "2019,Female,18--20,Adult,UA,PL\n"
            + "2020,\"";
    long huge = 300L * 1024 * 1024;
    GeneratedReader file = new GeneratedReader(header, huge);

    assertThatThrownBy(() -> CtdcCsvReader.forEach(file, r -> {}))
        .isInstanceOf(CtdcFormatException.class)
        .hasMessageStartingWith("line 3, column '#2': field longer than");
    assertThat(file.served).isLessThan(4L * CsvParser.MAX_FIELD_CHARS);
  }

  @Test
  void aRecordOfEndlessShortFieldsIsRefusedToo() {
    String header =
        "yearOfRegistration,gender,ageBroad,majorityStatus,citizenship,CountryOfExploitation\n";
    GeneratedReader file = new GeneratedReader(header, 300L * 1024 * 1024, ',');

    assertThatThrownBy(() -> CtdcCsvReader.forEach(file, r -> {}))
        .isInstanceOf(CtdcFormatException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("fields in one record");
    assertThat(file.served).isLessThan(CsvParser.MAX_RECORD_CHARS);
  }

  /** A text that starts with {@code prefix} and goes on with {@code length} filler characters. */
  private static final class GeneratedReader extends java.io.Reader {
    private final String prefix;
    private final long length;
    private final char filler;
    long served;

    GeneratedReader(String prefix, long length) {
      this(prefix, length, 'a');
    }

    GeneratedReader(String prefix, long length, char filler) {
      this.prefix = prefix;
      this.length = length;
      this.filler = filler;
    }

    @Override
    public int read(char[] buf, int off, int len) {
      long total = prefix.length() + length;
      if (served >= total) {
        return -1;
      }
      int n = (int) Math.min(len, total - served);
      for (int i = 0; i < n; i++) {
        long at = served + i;
        buf[off + i] = at < prefix.length() ? prefix.charAt((int) at) : filler;
      }
      served += n;
      return n;
    }

    @Override
    public void close() {}
  }

  private static List<CtdcRecord> read(String text) {
    return CtdcCsvReader.read(new StringReader(text));
  }
}

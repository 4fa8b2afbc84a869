package org.palermo.privacy.ctdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CtdcCsvWriterTest {

  @Test
  void writesTheCtdcLayoutAndReadsBackTheSameRecords() {
    List<CtdcRecord> records = new ArrayList<>();
    for (CtdcRecord r : new SyntheticCtdcGenerator(7).generate(300)) {
      records.add(withoutMonths(r));
    }
    records.add(
        CtdcRecord.builder().yearOfRegistration(2020).datasource("a, \"quoted\"\nsource").build());
    StringWriter out = new StringWriter();

    new CtdcCsvWriter(out).writeRecords(records);

    String text = out.toString();
    assertThat(text).startsWith(String.join(",", CtdcLayout.header()) + "\n");
    assertThat(CtdcCsvReader.read(new StringReader(text))).isEqualTo(records);
  }

  @Test
  void headerFollowsTheCtdcKAnonColumnSet() {
    List<String> header = CtdcLayout.header();
    assertThat(header).startsWith("yearOfRegistration", "Datasource", "gender", "ageBroad");
    assertThat(header)
        .contains(
            "majorityStatusAtExploit",
            "meansOfControlThreatOfLawEnforcement",
            "meansOfControlConcatenated",
            "isSlaveryAndPractices",
            "typeOfExploitConcatenated",
            "typeOfLabourMiningOrDrilling",
            "typeOfSexConcatenated",
            "isAbduction",
            "RecruiterRelationship",
            "CountryOfExploitation",
            "recruiterRelationUnknown")
        .doesNotHaveDuplicates();
    assertThat(CtdcLayout.truncatedHeader())
        .contains("meansOfControlThreatOfLawEnforce", "meansOfControlPsychoactiveSubsta")
        .allSatisfy(name -> assertThat(name.length()).isLessThanOrEqualTo(32));
  }

  @Test
  void concatenatedColumnsListTheSetFlagsOrMinus99() {
    CtdcFlags flags =
        CtdcFlags.ALL_MISSING
            .with(CtdcFlag.MOC_DEBT_BONDAGE, true)
            .with(CtdcFlag.MOC_THREATS, false)
            .with(CtdcFlag.MOC_THREAT_OF_LAW_ENFORCEMENT, true);

    assertThat(CtdcCsvWriter.concatenated(flags, FlagGroup.MEANS_OF_CONTROL))
        .isEqualTo("Debt bondage; Threat of law enforcement");
    assertThat(CtdcCsvWriter.concatenated(flags, FlagGroup.EXPLOITATION)).isEqualTo("-99");
  }

  private static CtdcRecord withoutMonths(CtdcRecord r) {
    return new CtdcRecord(
        r.yearOfRegistration(),
        r.datasource(),
        r.gender(),
        r.ageBroad(),
        r.majorityStatus(),
        r.majorityStatusAtExploit(),
        r.majorityEntry(),
        r.citizenship(),
        r.countryOfExploitation(),
        null,
        r.flags());
  }
}

package org.palermo.privacy.kanon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.palermo.privacy.ctdc.AgeBroad;
import org.palermo.privacy.ctdc.CtdcFlag;
import org.palermo.privacy.ctdc.CtdcFlags;
import org.palermo.privacy.ctdc.CtdcRecord;
import org.palermo.privacy.ctdc.CtdcRow;
import org.palermo.privacy.ctdc.FlagGroup;
import org.palermo.privacy.ctdc.Gender;

class HierarchiesTest {

  @Test
  void countriesRollUpToUnM49SubRegionThenRegion() {
    QuasiIdentifier c = QuasiIdentifier.CITIZENSHIP;
    assertThat(Hierarchies.generalise(c, "NG", 0)).isEqualTo("NG");
    assertThat(Hierarchies.generalise(c, "NG", 1)).isEqualTo("011");
    assertThat(Hierarchies.generalise(c, "NG", 2)).isEqualTo("002");
    assertThat(Hierarchies.generalise(c, "GB", 1)).isEqualTo("154");
    assertThat(Hierarchies.generalise(c, "UA", 2)).isEqualTo("150");
    assertThat(Hierarchies.generalise(c, "TH", 1)).isEqualTo("035");
    assertThat(Hierarchies.generalise(c, "TH", 3)).isNull();
    assertThat(Hierarchies.generalise(c, "QQ", 0)).isEqualTo("QQ");
    assertThat(Hierarchies.generalise(c, "QQ", 1)).as("unknown code").isNull();
  }

  @Test
  void agesYearsAndGenderFollowTheirHierarchies() {
    QuasiIdentifier age = QuasiIdentifier.AGE_BROAD;
    assertThat(Hierarchies.generalise(age, AgeBroad.AGE_9_17, 0)).isEqualTo("9--17");
    assertThat(Hierarchies.generalise(age, AgeBroad.AGE_9_17, 1)).isEqualTo("0--17");
    assertThat(Hierarchies.generalise(age, AgeBroad.AGE_24_26, 1)).isEqualTo("18--29");
    assertThat(Hierarchies.generalise(age, AgeBroad.AGE_39_47, 1)).isEqualTo("30--47");
    assertThat(Hierarchies.generalise(age, AgeBroad.AGE_48_PLUS, 1)).isEqualTo("48+");
    assertThat(Hierarchies.generalise(age, AgeBroad.AGE_48_PLUS, 2)).isEqualTo("18+");
    assertThat(Hierarchies.generalise(age, AgeBroad.AGE_0_8, 2)).isEqualTo("0--17");
    assertThat(Hierarchies.generalise(age, AgeBroad.AGE_0_8, 3)).isNull();
    QuasiIdentifier year = QuasiIdentifier.YEAR_OF_REGISTRATION;
    assertThat(Hierarchies.generalise(year, 2017, 1)).isEqualTo("2015--2019");
    assertThat(Hierarchies.generalise(year, 2020, 1)).isEqualTo("2020--2024");
    assertThat(Hierarchies.generalise(year, 2017, 2)).isEqualTo("2010--2019");
    assertThat(Hierarchies.generalise(QuasiIdentifier.GENDER, "Male", 1)).isNull();
  }

  @Test
  void exploitationFlagsCollapseToTheThreeGlotipForms() {
    CtdcFlags flags = CtdcFlags.ALL_MISSING;
    for (CtdcFlag flag : CtdcFlag.of(FlagGroup.EXPLOITATION)) {
      flags = flags.with(flag, flag == CtdcFlag.FORCED_MARRIAGE);
    }
    flags = flags.with(CtdcFlag.LABOUR_BEGGING, false);
    List<CtdcRecord> records = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      records.add(CtdcRecord.builder().gender(Gender.MALE).flags(flags).build());
    }
    KAnonymityPolicy onlyExploitation =
        new KAnonymityPolicy(11, java.util.EnumSet.of(QuasiIdentifier.EXPLOITATION_TYPE), 0);
    KAnonymisation exact = new KAnonymizer().anonymise(records, onlyExploitation);
    assertThat(exact.rows().get(0).flags()).isEqualTo(flags);

    KAnonymisation forms =
        new KAnonymisation(
            records,
            new java.util.BitSet(),
            new Generalisation(java.util.Map.of(QuasiIdentifier.EXPLOITATION_TYPE, 1)),
            onlyExploitation,
            12,
            0,
            0,
            new InformationLoss(0, 0),
            3);
    CtdcRow row = forms.rows().get(0);
    assertThat(row.flags().text(CtdcFlag.OTHER_EXPLOIT)).isEqualTo("1");
    assertThat(row.flags().text(CtdcFlag.SEXUAL_EXPLOIT)).isEqualTo("0");
    assertThat(row.flags().text(CtdcFlag.FORCED_LABOUR)).isEqualTo("0");
    assertThat(row.flags().text(CtdcFlag.SEX_AND_LABOUR)).isEqualTo("0");
    assertThat(row.flags().text(CtdcFlag.FORCED_MARRIAGE)).isEqualTo("-99");
    assertThat(row.flags().text(CtdcFlag.LABOUR_BEGGING)).isEqualTo("0");

    java.util.BitSet all = new java.util.BitSet();
    all.set(0, 12);
    KAnonymisation suppressed =
        new KAnonymisation(
            records,
            all,
            exact.generalisation(),
            onlyExploitation,
            12,
            12,
            0,
            new InformationLoss(1, 0),
            3);
    CtdcRow hidden = suppressed.rows().get(0);
    assertThat(hidden.flags().text(CtdcFlag.FORCED_MARRIAGE)).isEqualTo("-99");
    assertThat(hidden.flags().text(CtdcFlag.LABOUR_BEGGING))
        .as("sub-types would reveal the type")
        .isEqualTo("-99");
    assertThat(hidden.gender()).as("not a quasi-identifier here").isEqualTo("Male");
  }
}

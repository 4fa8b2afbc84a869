package org.palermo.privacy.kanon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.palermo.privacy.ctdc.AgeBroad;
import org.palermo.privacy.ctdc.CtdcFlag;
import org.palermo.privacy.ctdc.CtdcFlags;
import org.palermo.privacy.ctdc.CtdcRecord;
import org.palermo.privacy.ctdc.CtdcRow;
import org.palermo.privacy.ctdc.FlagGroup;
import org.palermo.privacy.ctdc.Gender;
import org.palermo.privacy.ctdc.MajorityStatus;
import org.palermo.privacy.ctdc.SyntheticCtdcGenerator;

/**
 * Property: on seeded random datasets (uniform and heavily skewed, with rare combinations), every
 * combination of quasi-identifier values in the released CSV is shared by at least k rows.
 */
class KAnonymityPropertyTest {
  private static final int CASES = 60;

  @Test
  void everyReleasedCombinationIsSharedByAtLeastKRecords() {
    int rawViolations = 0;
    for (long seed = 1; seed <= CASES; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      int countries = new int[] {4, 30, 120, 240}[random.nextInt(4)];
      double zipf = new double[] {0.2, 1.1, 2.2}[random.nextInt(3)];
      int n = random.nextInt(20, 4000);
      List<CtdcRecord> records = new SyntheticCtdcGenerator(seed, countries, zipf).generate(n);
      KAnonymityPolicy policy = randomPolicy(random);
      String where =
          "seed=" + seed + " n=" + n + " countries=" + countries + " zipf=" + zipf + " " + policy;

      KAnonymisation release;
      try {
        release = new KAnonymizer().anonymise(records, policy);
      } catch (KAnonymityUnattainableException e) {
        assertThat(n)
            .as(where + ": only fewer than k records may be unattainable")
            .isLessThan(policy.k());
        continue;
      }
      if (minClass(ReleasedFile.ofRows(rawRows(records)), policy) < policy.k()) {
        rawViolations++;
      }

      ReleasedFile file = ReleasedFile.of(release);
      Map<List<String>, Integer> classes = file.classes(ReleasedFile.columns(policy));
      classes.forEach(
          (combination, size) ->
              assertThat(size)
                  .as(where + ": class " + combination)
                  .isGreaterThanOrEqualTo(policy.k()));
      long withheld = release.recordsSuppressed() + release.recordsDropped();
      assertThat(withheld)
          .as(where + ": suppression limit")
          .isLessThanOrEqualTo((long) Math.floor(policy.maxSuppressionRate() * n));
      assertThat(file.rows).as(where).hasSize((int) (n - release.recordsDropped()));
      assertThat(release.loss().normalisedCertaintyPenalty()).as(where).isBetween(0.0, 1.0);
    }
    assertThat(rawViolations).as("datasets that were not k-anonymous before").isGreaterThan(40);
  }

  @Test
  void rareCombinationsAreHiddenInTheCrowd() {
    List<CtdcRecord> records = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      records.add(person(i % 2 == 0 ? "NG" : "GH", 2018 + i % 3, AgeBroad.AGE_18_20));
    }
    records.add(person("IS", 2003, AgeBroad.AGE_48_PLUS));
    records.add(person("FJ", 2011, AgeBroad.AGE_0_8));
    records.add(CtdcRecord.builder().build());
    KAnonymityPolicy policy = KAnonymityPolicy.ctdcDefault();

    KAnonymisation release = new KAnonymizer().anonymise(records, policy);

    ReleasedFile file = ReleasedFile.of(release);
    assertThat(file.classes(ReleasedFile.columns(policy)).values())
        .allSatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(11));
    int citizenship = file.header.indexOf("citizenship");
    assertThat(file.rows).noneMatch(row -> row[citizenship].equals("IS"));
    assertThat(release.recordsSuppressed() + release.recordsDropped()).isEqualTo(3);
  }

  @Test
  void alreadyAnonymousDataIsReleasedUnchangedWithZeroLoss() {
    List<CtdcRecord> records = new ArrayList<>();
    for (int i = 0; i < 22; i++) {
      records.add(person(i < 11 ? "NG" : "GH", 2019, AgeBroad.AGE_24_26));
    }

    KAnonymisation release = new KAnonymizer().anonymise(records, KAnonymityPolicy.ctdcDefault());

    assertThat(release.loss().normalisedCertaintyPenalty()).isZero();
    assertThat(release.generalisation().levels().values()).containsOnly(0);
    assertThat(release.rows()).containsExactlyElementsOf(rawRows(records));
  }

  @Test
  void fewerThanKRecordsCannotBeReleasedUnlessAllAreWithheld() {
    List<CtdcRecord> five = new SyntheticCtdcGenerator(3).generate(5);
    KAnonymityPolicy strict = KAnonymityPolicy.ctdcDefault();

    assertThatThrownBy(() -> new KAnonymizer().anonymise(five, strict))
        .isInstanceOf(KAnonymityUnattainableException.class)
        .hasMessageContaining("11-anonymous");
    KAnonymityPolicy lenient = new KAnonymityPolicy(11, strict.quasiIdentifiers(), 1.0);
    KAnonymisation release = new KAnonymizer().anonymise(five, lenient);
    assertThat(release.rows()).isEmpty();
    assertThat(release.recordsDropped()).isEqualTo(5);
  }

  static List<CtdcRow> rawRows(List<CtdcRecord> records) {
    List<CtdcRow> rows = new ArrayList<>();
    records.forEach(r -> rows.add(CtdcRow.of(r)));
    return rows;
  }

  private static int minClass(ReleasedFile raw, KAnonymityPolicy policy) {
    return raw.classes(ReleasedFile.columns(policy)).values().stream()
        .min(Integer::compare)
        .orElse(Integer.MAX_VALUE);
  }

  private static KAnonymityPolicy randomPolicy(SplittableRandom random) {
    Set<QuasiIdentifier> qis = EnumSet.noneOf(QuasiIdentifier.class);
    for (QuasiIdentifier qi : QuasiIdentifier.values()) {
      if (random.nextDouble() < 0.75) {
        qis.add(qi);
      }
    }
    if (qis.isEmpty()) {
      qis.add(QuasiIdentifier.CITIZENSHIP);
    }
    int k = new int[] {2, 5, 11, 11, 25}[random.nextInt(5)];
    double rate = new double[] {0.0, 0.01, 0.05, 0.2}[random.nextInt(4)];
    return new KAnonymityPolicy(k, qis, rate);
  }

  private static CtdcRecord person(String country, int year, AgeBroad age) {
    return CtdcRecord.builder()
        .gender(Gender.FEMALE)
        .ageBroad(age)
        .majorityStatus(age.isMinor() ? MajorityStatus.MINOR : MajorityStatus.ADULT)
        .citizenship(country)
        .countryOfExploitation(country)
        .yearOfRegistration(year)
        .flags(sexualExploitationOnly())
        .build();
  }

  private static CtdcFlags sexualExploitationOnly() {
    CtdcFlags flags = CtdcFlags.ALL_MISSING;
    for (CtdcFlag flag : CtdcFlag.of(FlagGroup.EXPLOITATION)) {
      flags = flags.with(flag, flag == CtdcFlag.SEXUAL_EXPLOIT);
    }
    return flags;
  }
}

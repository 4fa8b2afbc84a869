package org.palermo.privacy.ctdc;

import com.ibm.icu.util.Region;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded generator of synthetic CTDC-shaped records with plausible skew (recent years, more
 * women, Zipf-distributed countries, mostly domestic exploitation, sexual exploitation and forced
 * labour dominant, some missing values), for tests, benchmarks and demonstrations. It holds no real
 * data.
 */
public final class SyntheticCtdcGenerator {
  private static final int FIRST_YEAR = 2002;
  private static final int LAST_YEAR = 2023;
  private static final double[] AGE_WEIGHTS = {4, 12, 12, 12, 10, 9, 18, 12, 11};
  private static final List<CtdcFlag> MEANS = CtdcFlag.of(FlagGroup.MEANS_OF_CONTROL);
  private static final List<CtdcFlag> LABOUR = CtdcFlag.of(FlagGroup.LABOUR_SECTOR);
  private static final List<CtdcFlag> SEX = CtdcFlag.of(FlagGroup.SEXUAL_EXPLOITATION);
  private static final List<CtdcFlag> RECRUITER = CtdcFlag.of(FlagGroup.RECRUITER_RELATION);

  private final SplittableRandom random;
  private final String[] countries;
  private final double[] countryCdf;
  private final double[] yearCdf;
  private final double[] ageCdf;
  private final Integer[] years;

  /**
   * A generator over {@code countryCount} countries drawn from a Zipf law with exponent {@code
   * zipf}; a larger exponent makes rare countries rarer.
   */
  public SyntheticCtdcGenerator(long seed, int countryCount, double zipf) {
    this.random = new SplittableRandom(seed);
    List<String> all = new ArrayList<>();
    for (Region region : Region.getAvailable(Region.RegionType.TERRITORY)) {
      String code = region.toString();
      if (CtdcRecord.isCountryCode(code)) {
        all.add(code);
      }
    }
    all.sort(null);
    for (int i = all.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String t = all.get(i);
      all.set(i, all.get(j));
      all.set(j, t);
    }
    this.countries = all.subList(0, Math.min(countryCount, all.size())).toArray(new String[0]);
    double[] weights = new double[countries.length];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = 1.0 / Math.pow(i + 1, zipf);
    }
    this.countryCdf = cdf(weights);
    double[] yearWeights = new double[LAST_YEAR - FIRST_YEAR + 1];
    this.years = new Integer[yearWeights.length];
    for (int i = 0; i < yearWeights.length; i++) {
      yearWeights[i] = (i + 1) * (i + 1);
      years[i] = FIRST_YEAR + i;
    }
    this.yearCdf = cdf(yearWeights);
    this.ageCdf = cdf(AGE_WEIGHTS);
  }

  /** A generator over 150 countries with Zipf exponent 1.1. */
  public SyntheticCtdcGenerator(long seed) {
    this(seed, 150, 1.1);
  }

  /** The next {@code n} records. */
  public List<CtdcRecord> generate(int n) {
    List<CtdcRecord> records = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      records.add(next());
    }
    return records;
  }

  /** The next record. */
  public CtdcRecord next() {
    CtdcRecord.Builder b = CtdcRecord.builder();
    b.yearOfRegistration(chance(0.02) ? null : years[pick(yearCdf)]);
    b.datasource(chance(0.8) ? "Case Management" : "Hotline");
    double g = random.nextDouble();
    b.gender(g < 0.67 ? Gender.FEMALE : g < 0.99 ? Gender.MALE : Gender.OTHER);
    AgeBroad age = chance(0.12) ? null : AgeBroad.values()[pick(ageCdf)];
    b.ageBroad(age);
    MajorityStatus status =
        age != null
            ? (age.isMinor() ? MajorityStatus.MINOR : MajorityStatus.ADULT)
            : chance(0.5) ? null : chance(0.25) ? MajorityStatus.MINOR : MajorityStatus.ADULT;
    b.majorityStatus(status);
    b.majorityStatusAtExploit(status == null || chance(0.9) ? status : MajorityStatus.MINOR);
    b.majorityEntry(chance(0.3) ? null : status);
    String citizenship = chance(0.04) ? null : countries[pick(countryCdf)];
    b.citizenship(citizenship);
    b.countryOfExploitation(
        chance(0.05)
            ? null
            : citizenship != null && chance(0.6) ? citizenship : countries[pick(countryCdf)]);
    b.traffickMonths(chance(0.5) ? null : random.nextInt(1, 120));
    b.flags(flags());
    return b.build();
  }

  private CtdcFlags flags() {
    CtdcFlags f = CtdcFlags.ALL_MISSING;
    if (chance(0.03)) {
      return f;
    }
    double e = random.nextDouble();
    boolean sexual = e < 0.52;
    boolean labour = e >= 0.52 && e < 0.88;
    boolean both = e >= 0.88 && e < 0.91;
    boolean other = e >= 0.91;
    f =
        f.with(CtdcFlag.SEXUAL_EXPLOIT, sexual || both)
            .with(CtdcFlag.FORCED_LABOUR, labour || both);
    f = f.with(CtdcFlag.SEX_AND_LABOUR, both).with(CtdcFlag.OTHER_EXPLOIT, other);
    for (CtdcFlag rare :
        List.of(
            CtdcFlag.FORCED_MARRIAGE,
            CtdcFlag.FORCED_MILITARY,
            CtdcFlag.ORGAN_REMOVAL,
            CtdcFlag.SLAVERY_AND_PRACTICES)) {
      f = f.with(rare, other && chance(0.25));
    }
    for (CtdcFlag flag : MEANS) {
      f = f.with(flag, chance(0.2) ? null : chance(0.15));
    }
    for (CtdcFlag flag : LABOUR) {
      f = f.with(flag, labour || both ? chance(0.12) : Boolean.FALSE);
    }
    for (CtdcFlag flag : SEX) {
      f = f.with(flag, sexual || both ? chance(0.3) : Boolean.FALSE);
    }
    f = f.with(CtdcFlag.ABDUCTION, chance(0.4) ? null : chance(0.05));
    for (CtdcFlag flag : RECRUITER) {
      f = f.with(flag, chance(0.5) ? null : chance(0.2));
    }
    return f;
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }

  private int pick(double[] cdf) {
    int i = Arrays.binarySearch(cdf, random.nextDouble());
    return Math.min(i < 0 ? -i - 1 : i, cdf.length - 1);
  }

  private static double[] cdf(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double[] cdf = new double[weights.length];
    double running = 0;
    for (int i = 0; i < weights.length; i++) {
      running += weights[i];
      cdf[i] = running / total;
    }
    return cdf;
  }
}

package org.palermo.privacy.kanon;

import com.ibm.icu.util.Region;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.palermo.privacy.ctdc.AgeBroad;
import org.palermo.privacy.ctdc.CtdcFlag;
import org.palermo.privacy.ctdc.CtdcFlags;
import org.palermo.privacy.ctdc.CtdcRecord;
import org.palermo.privacy.ctdc.FlagGroup;

/**
 * The generalisation functions of each quasi-identifier. {@link #value} gives a record's exact
 * (level-0) value, {@link #generalise} its value at a level; {@code null} stands for missing and
 * for *, both written {@code -99}. Each level is a function of the level below (a tree).
 */
final class Hierarchies {
  /** The exploitation flags in the order of the base-3 digits of their level-0 code. */
  static final List<CtdcFlag> EXPLOITATION = CtdcFlag.of(FlagGroup.EXPLOITATION);

  private static final Map<String, String[]> REGIONS = new ConcurrentHashMap<>();
  private static final String[] NO_REGION = {null, null};

  private Hierarchies() {}

  /** The level-0 value of a record, {@code null} when missing. */
  static Object value(QuasiIdentifier qi, CtdcRecord r) {
    switch (qi) {
      case GENDER:
        return r.gender() == null ? null : r.gender().label();
      case AGE_BROAD:
        return r.ageBroad();
      case MAJORITY_STATUS:
        return r.majorityStatus() == null ? null : r.majorityStatus().label();
      case CITIZENSHIP:
        return r.citizenship();
      case COUNTRY_OF_EXPLOITATION:
        return r.countryOfExploitation();
      case YEAR_OF_REGISTRATION:
        return r.yearOfRegistration();
      case EXPLOITATION_TYPE:
        return exploitationCode(r.flags());
      default:
        throw new IllegalStateException("unhandled " + qi);
    }
  }

  /**
   * The value at {@code level} of a level-0 value: the text written for scalar quasi-identifiers, a
   * packed code for the exploitation flags; {@code null} for missing and *.
   */
  static Object generalise(QuasiIdentifier qi, Object value, int level) {
    if (value == null || level >= qi.levels() - 1) {
      return null;
    }
    switch (qi) {
      case GENDER:
      case MAJORITY_STATUS:
        return value;
      case AGE_BROAD:
        return age((AgeBroad) value, level);
      case CITIZENSHIP:
      case COUNTRY_OF_EXPLOITATION:
        return level == 0 ? value : regions((String) value)[level - 1];
      case YEAR_OF_REGISTRATION:
        return year((Integer) value, level);
      case EXPLOITATION_TYPE:
        return level == 0 ? value : glotipForms((Integer) value);
      default:
        throw new IllegalStateException("unhandled " + qi);
    }
  }

  private static String age(AgeBroad band, int level) {
    if (level == 0) {
      return band.label();
    }
    if (band.isMinor()) {
      return "0--17";
    }
    if (level == 2 || band == AgeBroad.AGE_48_PLUS) {
      return level == 2 ? "18+" : "48+";
    }
    return band.lowerBound() < 30 ? "18--29" : "30--47";
  }

  private static String year(int year, int level) {
    if (level == 0) {
      return Integer.toString(year);
    }
    int width = level == 1 ? 5 : 10;
    int start = year - Math.floorMod(year, width);
    return start + "--" + (start + width - 1);
  }

  /** UN M49 sub-region and region codes of a country from ICU's CLDR containment data. */
  static String[] regions(String alpha2) {
    return REGIONS.computeIfAbsent(alpha2, Hierarchies::lookUpRegions);
  }

  private static String[] lookUpRegions(String alpha2) {
    Region region;
    try {
      region = Region.getInstance(alpha2);
    } catch (IllegalArgumentException unknown) {
      return NO_REGION;
    }
    if (region.getType() != Region.RegionType.TERRITORY) {
      return NO_REGION;
    }
    Region sub = region.getContainingRegion(Region.RegionType.SUBCONTINENT);
    Region continent = region.getContainingRegion(Region.RegionType.CONTINENT);
    return new String[] {
      sub == null ? null : sub.toString(), continent == null ? null : continent.toString()
    };
  }

  /** Base-3 code of the eight flags (digit 0 missing, 1 no, 2 yes); {@code null} if all missing. */
  static Integer exploitationCode(CtdcFlags flags) {
    int code = 0;
    boolean any = false;
    for (CtdcFlag flag : EXPLOITATION) {
      code = code * 3 + digit(flags, flag);
      any |= flags.isKnown(flag);
    }
    return any ? code : null;
  }

  private static int digit(CtdcFlags flags, CtdcFlag flag) {
    return flags.isSet(flag) ? 2 : flags.isKnown(flag) ? 1 : 0;
  }

  /** Tri-state digit of one flag in a level-0 exploitation code. */
  static int digit(int code, CtdcFlag flag) {
    int shift = EXPLOITATION.size() - 1 - EXPLOITATION.indexOf(flag);
    for (int i = 0; i < shift; i++) {
      code /= 3;
    }
    return code % 3;
  }

  /**
   * Level 1 of the exploitation hierarchy: three tri-state digits (sexual, labour, other), where
   * sex-and-labour counts for both and marriage, military, organ removal and slavery count as
   * other.
   */
  private static Integer glotipForms(int code) {
    int sexAndLabour = digit(code, CtdcFlag.SEX_AND_LABOUR);
    int sexual = or(digit(code, CtdcFlag.SEXUAL_EXPLOIT), sexAndLabour);
    int labour = or(digit(code, CtdcFlag.FORCED_LABOUR), sexAndLabour);
    int other = digit(code, CtdcFlag.OTHER_EXPLOIT);
    for (CtdcFlag flag :
        List.of(
            CtdcFlag.FORCED_MARRIAGE,
            CtdcFlag.FORCED_MILITARY,
            CtdcFlag.ORGAN_REMOVAL,
            CtdcFlag.SLAVERY_AND_PRACTICES)) {
      other = or(other, digit(code, flag));
    }
    int forms = sexual * 9 + labour * 3 + other;
    return forms == 0 ? null : forms;
  }

  /** Tri-state or: yes if either is yes, no if both are no, else missing. */
  static int or(int a, int b) {
    if (a == 2 || b == 2) {
      return 2;
    }
    return a == 1 && b == 1 ? 1 : 0;
  }

  /** Tri-state and: yes if both are yes, no if either is no, else missing. */
  static int and(int a, int b) {
    if (a == 1 || b == 1) {
      return 1;
    }
    return a == 2 && b == 2 ? 2 : 0;
  }
}

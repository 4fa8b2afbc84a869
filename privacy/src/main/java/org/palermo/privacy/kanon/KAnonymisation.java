package org.palermo.privacy.kanon;

import java.util.AbstractList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import org.palermo.privacy.ctdc.CtdcFlag;
import org.palermo.privacy.ctdc.CtdcFlags;
import org.palermo.privacy.ctdc.CtdcRecord;
import org.palermo.privacy.ctdc.CtdcRow;
import org.palermo.privacy.ctdc.FlagGroup;

/**
 * The outcome of {@link KAnonymizer}: the released rows (rendered on demand, so a million rows cost
 * no more memory than the input), the generalisation chosen, suppression counts and the information
 * loss.
 */
public final class KAnonymisation {
  private final List<CtdcRecord> released;
  private final BitSet suppressed;
  private final Generalisation generalisation;
  private final KAnonymityPolicy policy;
  private final long inputRecords;
  private final long recordsSuppressed;
  private final long recordsDropped;
  private final InformationLoss loss;
  private final int latticeSize;

  KAnonymisation(
      List<CtdcRecord> released,
      BitSet suppressed,
      Generalisation generalisation,
      KAnonymityPolicy policy,
      long inputRecords,
      long recordsSuppressed,
      long recordsDropped,
      InformationLoss loss,
      int latticeSize) {
    this.released = Collections.unmodifiableList(released);
    this.suppressed = suppressed;
    this.generalisation = generalisation;
    this.policy = policy;
    this.inputRecords = inputRecords;
    this.recordsSuppressed = recordsSuppressed;
    this.recordsDropped = recordsDropped;
    this.loss = loss;
    this.latticeSize = latticeSize;
  }

  /** The released rows in input order, dropped records left out. */
  public List<CtdcRow> rows() {
    return new AbstractList<>() {
      @Override
      public CtdcRow get(int index) {
        return render(released.get(index), suppressed.get(index));
      }

      @Override
      public int size() {
        return released.size();
      }
    };
  }

  /** The generalisation level chosen for each quasi-identifier. */
  public Generalisation generalisation() {
    return generalisation;
  }

  /** The policy the release satisfies. */
  public KAnonymityPolicy policy() {
    return policy;
  }

  /** The number of input records. */
  public long inputRecords() {
    return inputRecords;
  }

  /** Records released with every quasi-identifier replaced by {@code -99}. */
  public long recordsSuppressed() {
    return recordsSuppressed;
  }

  /** Records left out because, even suppressed, they would form a class smaller than k. */
  public long recordsDropped() {
    return recordsDropped;
  }

  /** The information loss of the release. */
  public InformationLoss loss() {
    return loss;
  }

  /** The number of lattice nodes searched. */
  public int latticeSize() {
    return latticeSize;
  }

  private CtdcRow render(CtdcRecord r, boolean suppress) {
    CtdcRow raw = CtdcRow.of(r);
    String[] text = {
      raw.gender(),
      raw.ageBroad(),
      raw.majorityStatus(),
      raw.citizenship(),
      raw.countryOfExploitation(),
      raw.yearOfRegistration()
    };
    CtdcFlags flags = r.flags();
    for (QuasiIdentifier qi : policy.quasiIdentifiers()) {
      int level = suppress ? qi.levels() - 1 : generalisation.level(qi);
      Object value = Hierarchies.generalise(qi, Hierarchies.value(qi, r), level);
      if (qi == QuasiIdentifier.EXPLOITATION_TYPE) {
        flags = exploitation(flags, (Integer) value, level);
      } else {
        text[qi.ordinal()] = (String) value;
      }
    }
    return new CtdcRow(
        text[QuasiIdentifier.YEAR_OF_REGISTRATION.ordinal()],
        raw.datasource(),
        text[QuasiIdentifier.GENDER.ordinal()],
        text[QuasiIdentifier.AGE_BROAD.ordinal()],
        text[QuasiIdentifier.MAJORITY_STATUS.ordinal()],
        raw.majorityStatusAtExploit(),
        raw.majorityEntry(),
        text[QuasiIdentifier.CITIZENSHIP.ordinal()],
        text[QuasiIdentifier.COUNTRY_OF_EXPLOITATION.ordinal()],
        flags);
  }

  /**
   * Writes the exploitation quasi-identifier into the flags. When it is released as * the labour
   * and sexual-exploitation sub-type flags are blanked too, since they would reveal it.
   */
  private static CtdcFlags exploitation(CtdcFlags flags, Integer value, int level) {
    if (value == null) {
      return flags
          .withoutGroup(FlagGroup.EXPLOITATION)
          .withoutGroup(FlagGroup.LABOUR_SECTOR)
          .withoutGroup(FlagGroup.SEXUAL_EXPLOITATION);
    }
    if (level == 0) {
      return flags;
    }
    int sexual = value / 9;
    int labour = (value / 3) % 3;
    int other = value % 3;
    CtdcFlags out = flags.withoutGroup(FlagGroup.EXPLOITATION);
    out = out.with(CtdcFlag.SEXUAL_EXPLOIT, tri(sexual)).with(CtdcFlag.FORCED_LABOUR, tri(labour));
    out = out.with(CtdcFlag.OTHER_EXPLOIT, tri(other));
    return out.with(CtdcFlag.SEX_AND_LABOUR, tri(Hierarchies.and(sexual, labour)));
  }

  private static Boolean tri(int digit) {
    return digit == 0 ? null : digit == 2;
  }
}

package org.palermo.privacy.ctdc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The 0/1 flag columns of the CTDC k-anonymised dataset (DOMAIN.md §1.2), in layout order; each is
 * 1, 0 or missing (-99).
 */
public enum CtdcFlag {
  MOC_DEBT_BONDAGE(FlagGroup.MEANS_OF_CONTROL, "DebtBondage"),
  MOC_TAKES_EARNINGS(FlagGroup.MEANS_OF_CONTROL, "TakesEarnings"),
  MOC_RESTRICTS_FINANCIAL_ACCESS(FlagGroup.MEANS_OF_CONTROL, "RestrictsFinancialAccess"),
  MOC_THREATS(FlagGroup.MEANS_OF_CONTROL, "Threats"),
  MOC_PSYCHOLOGICAL_ABUSE(FlagGroup.MEANS_OF_CONTROL, "PsychologicalAbuse"),
  MOC_PHYSICAL_ABUSE(FlagGroup.MEANS_OF_CONTROL, "PhysicalAbuse"),
  MOC_SEXUAL_ABUSE(FlagGroup.MEANS_OF_CONTROL, "SexualAbuse"),
  MOC_FALSE_PROMISES(FlagGroup.MEANS_OF_CONTROL, "FalsePromises"),
  MOC_PSYCHOACTIVE_SUBSTANCES(FlagGroup.MEANS_OF_CONTROL, "PsychoactiveSubstances"),
  MOC_RESTRICTS_MOVEMENT(FlagGroup.MEANS_OF_CONTROL, "RestrictsMovement"),
  MOC_RESTRICTS_MEDICAL_CARE(FlagGroup.MEANS_OF_CONTROL, "RestrictsMedicalCare"),
  MOC_EXCESSIVE_WORKING_HOURS(FlagGroup.MEANS_OF_CONTROL, "ExcessiveWorkingHours"),
  MOC_USES_CHILDREN(FlagGroup.MEANS_OF_CONTROL, "UsesChildren"),
  MOC_THREAT_OF_LAW_ENFORCEMENT(FlagGroup.MEANS_OF_CONTROL, "ThreatOfLawEnforcement"),
  MOC_WITHHOLDS_NECESSITIES(FlagGroup.MEANS_OF_CONTROL, "WithholdsNecessities"),
  MOC_WITHHOLDS_DOCUMENTS(FlagGroup.MEANS_OF_CONTROL, "WithholdsDocuments"),
  MOC_OTHER(FlagGroup.MEANS_OF_CONTROL, "Other"),
  MOC_NOT_SPECIFIED(FlagGroup.MEANS_OF_CONTROL, "NotSpecified"),
  FORCED_LABOUR(FlagGroup.EXPLOITATION, "ForcedLabour"),
  SEXUAL_EXPLOIT(FlagGroup.EXPLOITATION, "SexualExploit"),
  OTHER_EXPLOIT(FlagGroup.EXPLOITATION, "OtherExploit"),
  SEX_AND_LABOUR(FlagGroup.EXPLOITATION, "SexAndLabour"),
  FORCED_MARRIAGE(FlagGroup.EXPLOITATION, "ForcedMarriage"),
  FORCED_MILITARY(FlagGroup.EXPLOITATION, "ForcedMilitary"),
  ORGAN_REMOVAL(FlagGroup.EXPLOITATION, "OrganRemoval"),
  SLAVERY_AND_PRACTICES(FlagGroup.EXPLOITATION, "SlaveryAndPractices"),
  LABOUR_AGRICULTURE(FlagGroup.LABOUR_SECTOR, "Agriculture"),
  LABOUR_AQUAFARMING(FlagGroup.LABOUR_SECTOR, "Aquafarming"),
  LABOUR_BEGGING(FlagGroup.LABOUR_SECTOR, "Begging"),
  LABOUR_CONSTRUCTION(FlagGroup.LABOUR_SECTOR, "Construction"),
  LABOUR_DOMESTIC_WORK(FlagGroup.LABOUR_SECTOR, "DomesticWork"),
  LABOUR_HOSPITALITY(FlagGroup.LABOUR_SECTOR, "Hospitality"),
  LABOUR_ILLICIT_ACTIVITIES(FlagGroup.LABOUR_SECTOR, "IllicitActivities"),
  LABOUR_MANUFACTURING(FlagGroup.LABOUR_SECTOR, "Manufacturing"),
  LABOUR_MINING_OR_DRILLING(FlagGroup.LABOUR_SECTOR, "MiningOrDrilling"),
  LABOUR_PEDDLING(FlagGroup.LABOUR_SECTOR, "Peddling"),
  LABOUR_TRANSPORTATION(FlagGroup.LABOUR_SECTOR, "Transportation"),
  LABOUR_OTHER(FlagGroup.LABOUR_SECTOR, "Other"),
  LABOUR_NOT_SPECIFIED(FlagGroup.LABOUR_SECTOR, "NotSpecified"),
  SEX_PROSTITUTION(FlagGroup.SEXUAL_EXPLOITATION, "Prostitution"),
  SEX_PORNOGRAPHY(FlagGroup.SEXUAL_EXPLOITATION, "Pornography"),
  SEX_REMOTE_INTERACTIVE_SERVICES(FlagGroup.SEXUAL_EXPLOITATION, "RemoteInteractiveServices"),
  SEX_PRIVATE_SEXUAL_SERVICES(FlagGroup.SEXUAL_EXPLOITATION, "PrivateSexualServices"),
  ABDUCTION(FlagGroup.ABDUCTION, "Abduction"),
  RECRUITER_INTIMATE_PARTNER(FlagGroup.RECRUITER_RELATION, "IntimatePartner"),
  RECRUITER_FRIEND(FlagGroup.RECRUITER_RELATION, "Friend"),
  RECRUITER_FAMILY(FlagGroup.RECRUITER_RELATION, "Family"),
  RECRUITER_OTHER(FlagGroup.RECRUITER_RELATION, "Other"),
  RECRUITER_UNKNOWN(FlagGroup.RECRUITER_RELATION, "Unknown");

  private final FlagGroup group;
  private final String column;
  private final String label;

  CtdcFlag(FlagGroup group, String suffix) {
    this.group = group;
    this.column = group.prefix() + suffix;
    this.label = humanise(suffix);
  }

  /** The family this flag belongs to. */
  public FlagGroup group() {
    return group;
  }

  /** The full CTDC column name, e.g. {@code meansOfControlThreatOfLawEnforcement}. */
  public String column() {
    return column;
  }

  /** The label used in the derived concatenated column, e.g. {@code Threat of law enforcement}. */
  public String label() {
    return label;
  }

  /** The flags of one family, in layout order. */
  public static List<CtdcFlag> of(FlagGroup group) {
    return ByGroup.LISTS.get(group.ordinal());
  }

  private static final class ByGroup {
    static final List<List<CtdcFlag>> LISTS = build();

    private static List<List<CtdcFlag>> build() {
      List<List<CtdcFlag>> lists = new ArrayList<>();
      for (FlagGroup group : FlagGroup.values()) {
        List<CtdcFlag> flags = new ArrayList<>();
        for (CtdcFlag flag : values()) {
          if (flag.group == group) {
            flags.add(flag);
          }
        }
        lists.add(Collections.unmodifiableList(flags));
      }
      return Collections.unmodifiableList(lists);
    }
  }

  private static String humanise(String camel) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (i > 0 && Character.isUpperCase(c)) {
        out.append(' ').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT).substring(0, 1).toUpperCase(Locale.ROOT)
        + out.substring(1);
  }
}

package org.palermo.privacy.ctdc;

/**
 * One row as it is written to a CTDC file: scalar columns as text ({@code null} is written {@code
 * -99}) and the flag columns. A release uses it to carry generalised values such as an age band
 * {@code 18--29} or a UN M49 region code in place of a country.
 *
 * @param yearOfRegistration year or period, e.g. {@code 2015--2019}
 * @param datasource data source
 * @param gender gender label
 * @param ageBroad age band label
 * @param majorityStatus majority status at registration
 * @param majorityStatusAtExploit majority status when exploitation began
 * @param majorityEntry majority status at entry
 * @param citizenship country code or region code
 * @param countryOfExploitation country code or region code
 * @param flags the flag columns; the concatenated columns are derived from them
 */
public record CtdcRow(
    String yearOfRegistration,
    String datasource,
    String gender,
    String ageBroad,
    String majorityStatus,
    String majorityStatusAtExploit,
    String majorityEntry,
    String citizenship,
    String countryOfExploitation,
    CtdcFlags flags) {

  public CtdcRow {
    if (flags == null) {
      flags = CtdcFlags.ALL_MISSING;
    }
  }

  /** The row of an ungeneralised record. */
  public static CtdcRow of(CtdcRecord r) {
    return new CtdcRow(
        r.yearOfRegistration() == null ? null : r.yearOfRegistration().toString(),
        r.datasource(),
        r.gender() == null ? null : r.gender().label(),
        r.ageBroad() == null ? null : r.ageBroad().label(),
        label(r.majorityStatus()),
        label(r.majorityStatusAtExploit()),
        label(r.majorityEntry()),
        r.citizenship(),
        r.countryOfExploitation(),
        r.flags());
  }

  /** The text of a scalar column as written, {@code -99} when missing. */
  public String text(CtdcField field) {
    String value;
    switch (field) {
      case YEAR_OF_REGISTRATION:
        value = yearOfRegistration;
        break;
      case DATASOURCE:
        value = datasource;
        break;
      case GENDER:
        value = gender;
        break;
      case AGE_BROAD:
        value = ageBroad;
        break;
      case MAJORITY_STATUS:
        value = majorityStatus;
        break;
      case MAJORITY_STATUS_AT_EXPLOIT:
        value = majorityStatusAtExploit;
        break;
      case MAJORITY_ENTRY:
        value = majorityEntry;
        break;
      case CITIZENSHIP:
        value = citizenship;
        break;
      case COUNTRY_OF_EXPLOITATION:
        value = countryOfExploitation;
        break;
      default:
        value = null;
    }
    return value == null ? CtdcRecord.MISSING : value;
  }

  private static String label(MajorityStatus status) {
    return status == null ? null : status.label();
  }
}

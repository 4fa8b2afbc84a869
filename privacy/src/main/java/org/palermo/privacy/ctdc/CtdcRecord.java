package org.palermo.privacy.ctdc;

/**
 * One identified victim in the CTDC layout (DOMAIN.md §1.2). A {@code null} field is missing,
 * written {@code -99} in CTDC files; countries are ISO 3166-1 alpha-2 codes.
 *
 * @param yearOfRegistration year the case was registered
 * @param datasource case management or hotline, as given by the source
 * @param gender gender
 * @param ageBroad age band at registration
 * @param majorityStatus adult or minor when registered
 * @param majorityStatusAtExploit adult or minor when exploitation began
 * @param majorityEntry adult or minor when the person entered the trafficking process
 * @param citizenship ISO 3166-1 alpha-2 code of citizenship
 * @param countryOfExploitation ISO 3166-1 alpha-2 code of the country of exploitation
 * @param traffickMonths duration in months (present in some releases only)
 * @param flags the 0/1 flag columns
 */
public record CtdcRecord(
    Integer yearOfRegistration,
    String datasource,
    Gender gender,
    AgeBroad ageBroad,
    MajorityStatus majorityStatus,
    MajorityStatus majorityStatusAtExploit,
    MajorityStatus majorityEntry,
    String citizenship,
    String countryOfExploitation,
    Integer traffickMonths,
    CtdcFlags flags) {

  /** The CTDC marker for a missing value. */
  public static final String MISSING = "-99";

  public CtdcRecord {
    if (yearOfRegistration != null && (yearOfRegistration < 1900 || yearOfRegistration > 2200)) {
      throw new IllegalArgumentException("implausible yearOfRegistration " + yearOfRegistration);
    }
    requireCountry(citizenship, "citizenship");
    requireCountry(countryOfExploitation, "CountryOfExploitation");
    if (traffickMonths != null && traffickMonths < 0) {
      throw new IllegalArgumentException("traffickMonths must not be negative");
    }
    if (flags == null) {
      flags = CtdcFlags.ALL_MISSING;
    }
  }

  /** Whether a text is an ISO 3166-1 alpha-2 shaped code: two upper-case ASCII letters. */
  public static boolean isCountryCode(String code) {
    return code.length() == 2 && isUpperAscii(code.charAt(0)) && isUpperAscii(code.charAt(1));
  }

  /** A builder with every field missing. */
  public static Builder builder() {
    return new Builder();
  }

  private static boolean isUpperAscii(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static void requireCountry(String code, String field) {
    if (code != null && !isCountryCode(code)) {
      throw new IllegalArgumentException(field + " must be an ISO 3166-1 alpha-2 code: " + code);
    }
  }

  /** Assembles a record field by field; unset fields stay missing. */
  public static final class Builder {
    private Integer year;
    private String datasource;
    private Gender gender;
    private AgeBroad ageBroad;
    private MajorityStatus majorityStatus;
    private MajorityStatus majorityStatusAtExploit;
    private MajorityStatus majorityEntry;
    private String citizenship;
    private String countryOfExploitation;
    private Integer traffickMonths;
    private CtdcFlags flags = CtdcFlags.ALL_MISSING;

    private Builder() {}

    public Builder yearOfRegistration(Integer value) {
      this.year = value;
      return this;
    }

    public Builder datasource(String value) {
      this.datasource = value;
      return this;
    }

    public Builder gender(Gender value) {
      this.gender = value;
      return this;
    }

    public Builder ageBroad(AgeBroad value) {
      this.ageBroad = value;
      return this;
    }

    public Builder majorityStatus(MajorityStatus value) {
      this.majorityStatus = value;
      return this;
    }

    public Builder majorityStatusAtExploit(MajorityStatus value) {
      this.majorityStatusAtExploit = value;
      return this;
    }

    public Builder majorityEntry(MajorityStatus value) {
      this.majorityEntry = value;
      return this;
    }

    public Builder citizenship(String value) {
      this.citizenship = value;
      return this;
    }

    public Builder countryOfExploitation(String value) {
      this.countryOfExploitation = value;
      return this;
    }

    public Builder traffickMonths(Integer value) {
      this.traffickMonths = value;
      return this;
    }

    public Builder flag(CtdcFlag flag, Boolean value) {
      this.flags = flags.with(flag, value);
      return this;
    }

    public Builder flags(CtdcFlags value) {
      this.flags = value;
      return this;
    }

    public CtdcRecord build() {
      return new CtdcRecord(
          year,
          datasource,
          gender,
          ageBroad,
          majorityStatus,
          majorityStatusAtExploit,
          majorityEntry,
          citizenship,
          countryOfExploitation,
          traffickMonths,
          flags);
    }
  }
}

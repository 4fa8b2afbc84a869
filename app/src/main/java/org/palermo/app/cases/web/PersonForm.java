package org.palermo.app.cases.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.palermo.app.cases.LegalBasis;
import org.palermo.app.cases.MigrationStatus;
import org.palermo.app.cases.PersonRegistered.Exploitation;
import org.palermo.app.cases.ProtectionStatus;
import org.palermo.app.cases.domain.ControlMethod;
import org.palermo.app.cases.domain.Gender;
import org.palermo.app.cases.domain.Industry;
import org.palermo.app.cases.domain.JourneyEvent;
import org.palermo.app.cases.domain.JourneyEventType;
import org.palermo.app.cases.domain.PersonDetails;
import org.palermo.app.cases.domain.RecruitmentMethod;
import org.palermo.app.cases.domain.Sex;
import org.palermo.app.platform.DateMeaning;
import org.palermo.app.platform.Dates;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.FormErrors;
import org.palermo.app.platform.PalermoException;

/**
 * The registration form as submitted (all text, so that a wrong value is shown back, not lost). One
 * row per journey stage: recruitment, transit, exploitation.
 */
public class PersonForm {
  private String givenName;
  private String familyName;
  private String birthDate;
  private boolean birthDateEstimated;
  private boolean ageDisputed;
  private String sex;
  private String gender;
  private List<String> citizenships = new ArrayList<>();
  private List<String> languages = new ArrayList<>();
  private String migrationStatus;
  private String protectionStatus;
  private String legalBasis;
  private String purpose;
  private List<String> controlMethods = new ArrayList<>();
  private List<String> exploitationTypes = new ArrayList<>();
  private String industry;
  private List<String> recruitmentMethods = new ArrayList<>();
  private String recruitmentCity;
  private String recruitmentCountry;
  private List<String> journeyCity = new ArrayList<>(List.of("", "", ""));
  private List<String> journeyCountry = new ArrayList<>(List.of("", "", ""));
  private List<String> journeyDate = new ArrayList<>(List.of("", "", ""));
  private String screening;

  /** The form filled with a person's readable fields, for editing. */
  static PersonForm of(org.palermo.app.cases.application.PersonView p) {
    PersonForm f = new PersonForm();
    f.givenName = p.givenName();
    f.familyName = p.familyName();
    f.birthDate = p.birthDate() == null ? null : p.birthDate().toString();
    f.birthDateEstimated = Boolean.TRUE.equals(p.birthDateEstimated());
    f.ageDisputed = Boolean.TRUE.equals(p.ageDisputed());
    f.sex = name(p.sex());
    f.gender = name(p.gender());
    f.citizenships =
        p.citizenships() == null ? new ArrayList<>() : new ArrayList<>(p.citizenships());
    f.languages = p.languages() == null ? new ArrayList<>() : new ArrayList<>(p.languages());
    f.migrationStatus = name(p.migrationStatus());
    f.protectionStatus = name(p.protectionStatus());
    f.legalBasis = name(p.legalBasis());
    f.purpose = p.purpose();
    f.controlMethods = names(p.controlMethods());
    f.exploitationTypes = names(p.exploitationTypes());
    f.industry = name(p.industry());
    f.recruitmentMethods = names(p.recruitmentMethods());
    f.recruitmentCity = p.recruitmentCity();
    f.recruitmentCountry = p.recruitmentCountry();
    if (p.journey() != null) {
      JourneyEventType[] types = JourneyEventType.values();
      for (JourneyEvent e : p.journey()) {
        int i = java.util.Arrays.asList(types).indexOf(e.type());
        if (f.journeyCity.get(i).isEmpty()) {
          f.journeyCity.set(i, e.city() == null ? "" : e.city());
          f.journeyCountry.set(i, e.country() == null ? "" : e.country());
          f.journeyDate.set(i, e.date() == null ? "" : e.date().toString());
        }
      }
    }
    return f;
  }

  /**
   * The form prefilled with a completed screening's answers (issue #14 item 11), every one visible
   * and editable before saving: an age becomes an estimated date of birth (1 January of the year
   * that gives that age today), the interview language a language, the purposes of exploitation
   * (Trafficking Protocol art. 3(a)) the HTCDS forms of exploitation, the means the methods of
   * control, and an unaccompanied or separated child (CRC General Comment No. 6 §7–8) the HTCDS
   * migration status of that name.
   */
  static PersonForm of(org.palermo.app.cases.RegistrationSource.Answers a, LocalDate today) {
    PersonForm f = new PersonForm();
    f.screening = a.screeningId().toString();
    if (a.age() != null && a.age() >= 0 && a.age() <= 120) {
      f.birthDate = LocalDate.of(today.getYear() - a.age(), 1, 1).toString();
      f.birthDateEstimated = true;
    }
    f.ageDisputed = Boolean.TRUE.equals(a.ageDisputed());
    if (a.language() != null) {
      f.languages = new ArrayList<>(List.of(a.language()));
    }
    f.legalBasis = name(a.legalBasis());
    if (a.purposes() != null) {
      f.exploitationTypes =
          new ArrayList<>(
              a.purposes().stream()
                  .map(PersonForm::exploitation)
                  .distinct()
                  .map(Enum::name)
                  .toList());
    }
    if (a.means() != null) {
      f.controlMethods =
          new ArrayList<>(
              a.means().stream().map(PersonForm::control).distinct().map(Enum::name).toList());
    }
    if (Boolean.TRUE.equals(a.unaccompaniedOrSeparated())) {
      f.migrationStatus = MigrationStatus.SEPARATED_OR_UNACCOMPANIED_CHILD.name();
    } else if (Boolean.TRUE.equals(a.national())) {
      f.migrationStatus = MigrationStatus.NOT_A_MIGRANT.name();
    } else if (Boolean.TRUE.equals(a.entryIrregular())) {
      f.migrationStatus = MigrationStatus.IRREGULAR.name();
    }
    if (Boolean.TRUE.equals(a.seekingProtection())) {
      f.protectionStatus = ProtectionStatus.ASYLUM_SEEKER.name();
    }
    return f;
  }

  /** The HTCDS form of exploitation of a Protocol purpose. */
  static Exploitation exploitation(org.palermo.law.Purpose p) {
    return switch (p) {
      case SEXUAL_EXPLOITATION -> Exploitation.SEXUAL_EXPLOITATION;
      case FORCED_LABOUR_OR_SERVICES -> Exploitation.FORCED_LABOUR;
      case SERVITUDE -> Exploitation.SERVITUDE;
      case ORGAN_REMOVAL -> Exploitation.ORGAN_REMOVAL;
      case FORCED_CRIMINALITY -> Exploitation.FORCED_CRIMINALITY;
      case FORCED_BEGGING -> Exploitation.FORCED_BEGGING;
      case FORCED_MARRIAGE -> Exploitation.FORCED_MARRIAGE;
      case SLAVERY_OR_SIMILAR_PRACTICES, OTHER_EXPLOITATION -> Exploitation.OTHER;
    };
  }

  /** The HTCDS method of control closest to a Protocol means; {@code Other} when none is. */
  static ControlMethod control(org.palermo.law.Means m) {
    return switch (m) {
      case THREAT_OR_USE_OF_FORCE -> ControlMethod.PhysicalThreats;
      case FRAUD, DECEPTION -> ControlMethod.FalsePromises;
      default -> ControlMethod.Other;
    };
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }

  private static List<String> names(Set<? extends Enum<?>> values) {
    return values == null
        ? new ArrayList<>()
        : new ArrayList<>(values.stream().map(Enum::name).toList());
  }

  /**
   * What was typed in each refused field, by field name, so that the message can quote it
   * ("Citizenships: 'zz' is not a country; pick from the list").
   */
  final Map<String, String> refused = new LinkedHashMap<>();

  /**
   * The record as typed, every unreadable value refused at its field into {@code errors}: dates
   * through the one date policy ({@link Dates}, a date of birth is {@link DateMeaning#BIRTH}),
   * countries and languages against the lists ({@link CodeLists}, a name in full is accepted).
   */
  PersonDetails details(FormErrors errors, Dates dates, Locale ui) {
    refused.clear();
    List<JourneyEvent> journey = new ArrayList<>();
    JourneyEventType[] types = JourneyEventType.values();
    for (int i = 0; i < types.length; i++) {
      String city = at(journeyCity, i);
      String country = country(at(journeyCountry, i), "journeyCountry" + i, errors, ui);
      LocalDate date =
          date(at(journeyDate, i), "journeyDate" + i, DateMeaning.HAPPENED, errors, dates);
      if (city != null || country != null || date != null) {
        journey.add(new JourneyEvent(types[i], city, country, date, null));
      }
    }
    List<String> citizenshipCodes = new ArrayList<>();
    for (String c : entries(citizenships)) {
      String code = country(c, "citizenships", errors, ui);
      if (code != null) {
        citizenshipCodes.add(code);
      }
    }
    List<String> languageCodes = new ArrayList<>();
    for (String l : entries(languages)) {
      String code = language(l, "languages", errors, ui);
      if (code != null) {
        languageCodes.add(code);
      }
    }
    return new PersonDetails(
        givenName,
        familyName,
        date(birthDate, "birthDate", DateMeaning.BIRTH, errors, dates),
        birthDateEstimated,
        ageDisputed,
        one(Sex.class, sex, "sex", errors),
        one(Gender.class, gender, "gender", errors),
        citizenshipCodes,
        languageCodes,
        one(MigrationStatus.class, migrationStatus, "migrationStatus", errors),
        one(ProtectionStatus.class, protectionStatus, "protectionStatus", errors),
        one(LegalBasis.class, legalBasis, "legalBasis", errors),
        purpose,
        many(ControlMethod.class, controlMethods, "controlMethods", errors),
        many(Exploitation.class, exploitationTypes, "exploitationTypes", errors),
        one(Industry.class, industry, "industry", errors),
        many(RecruitmentMethod.class, recruitmentMethods, "recruitmentMethods", errors),
        recruitmentCity,
        country(recruitmentCountry, "recruitmentCountry", errors, ui),
        journey);
  }

  /**
   * The entries of a list field: each input is one country or language (a name may have spaces); an
   * input holding several codes separated by spaces or commas (the older form) is split.
   */
  private static List<String> entries(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values == null ? List.<String>of() : values) {
      if (v == null || v.isBlank()) {
        continue;
      }
      String s = v.strip();
      if (s.matches("[A-Za-z]{2,3}([\\s,;]+[A-Za-z]{2,3})+")) {
        out.addAll(Arrays.asList(s.split("[\\s,;]+")));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  private String country(String s, String field, FormErrors errors, Locale ui) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String code = CodeLists.country(s, ui);
    if (code == null) {
      refuse(errors, field, "notCountry", s);
    }
    return code;
  }

  private String language(String s, String field, FormErrors errors, Locale ui) {
    String code = CodeLists.language(s, ui);
    if (code == null) {
      refuse(errors, field, "notLanguage", s);
    }
    return code;
  }

  private static String at(List<String> l, int i) {
    return l == null || l.size() <= i || l.get(i) == null || l.get(i).isBlank()
        ? null
        : l.get(i).strip();
  }

  private LocalDate date(
      String s, String field, DateMeaning meaning, FormErrors errors, Dates dates) {
    try {
      return dates.parse(s, field, meaning);
    } catch (PalermoException e) {
      refused.putIfAbsent(field, s.strip());
      errors.refused(e);
      return null;
    }
  }

  private <E extends Enum<E>> E one(Class<E> type, String s, String field, FormErrors errors) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, s);
    } catch (IllegalArgumentException e) {
      refuse(errors, field, "invalid", s);
      return null;
    }
  }

  private <E extends Enum<E>> Set<E> many(
      Class<E> type, List<String> values, String field, FormErrors errors) {
    java.util.EnumSet<E> out = java.util.EnumSet.noneOf(type);
    for (String v : values == null ? List.<String>of() : values) {
      E e = one(type, v, field, errors);
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  /** Refuses {@code field} once (the first wrong value is the one quoted). */
  private void refuse(FormErrors errors, String field, String reason, String value) {
    if (refused.containsKey(field)) {
      return;
    }
    refused.put(field, value);
    errors.refused(
        new PalermoException(
            ErrorCode.VALIDATION_FAILED,
            "'" + field + "' is not valid.",
            Map.of("field", field, "reason", reason)));
  }

  /** Whether anything beyond the short first part (what search and registration need) is filled. */
  public boolean hasMore() {
    return filled(gender)
        || filled(migrationStatus)
        || filled(protectionStatus)
        || filled(industry)
        || filled(recruitmentCity)
        || filled(recruitmentCountry)
        || !controlMethods.isEmpty()
        || !exploitationTypes.isEmpty()
        || !recruitmentMethods.isEmpty()
        || Stream.of(journeyCity, journeyCountry, journeyDate)
            .flatMap(l -> l == null ? Stream.empty() : l.stream())
            .anyMatch(PersonForm::filled);
  }

  private static boolean filled(String s) {
    return s != null && !s.isBlank();
  }

  /**
   * How a stored or typed country is shown in its input: a known code as its entry of the list
   * ("Afghanistan (AF)"), anything else as typed.
   */
  public String shownCountry(String value) {
    if (!filled(value) || !value.strip().matches("[A-Za-z]{2}")) {
      return value;
    }
    java.util.Locale ui = org.springframework.context.i18n.LocaleContextHolder.getLocale();
    String code = value.strip().toUpperCase(java.util.Locale.ROOT);
    return CodeLists.countries(ui).stream()
        .filter(c -> c.code().equals(code))
        .map(CodeLists::label)
        .findFirst()
        .orElse(value);
  }

  /** How a stored or typed language is shown in its input: "Dari (prs)", or as typed. */
  public String shownLanguage(String value) {
    if (!filled(value) || !value.strip().matches("[A-Za-z]{2,3}")) {
      return value;
    }
    java.util.Locale ui = org.springframework.context.i18n.LocaleContextHolder.getLocale();
    String code = value.strip().toLowerCase(java.util.Locale.ROOT);
    return CodeLists.languages(ui).stream()
        .filter(c -> c.code().equals(code))
        .map(CodeLists::label)
        .findFirst()
        .orElse(value);
  }

  /** The inputs of a list field, at least {@code slots} (empty ones to fill in). */
  static List<String> slots(List<String> values, int slots) {
    List<String> out = new ArrayList<>(values == null ? List.of() : values);
    out.removeIf(v -> v == null || v.isBlank());
    while (out.size() < slots) {
      out.add("");
    }
    return out;
  }

  public List<String> getCitizenshipSlots() {
    return slots(citizenships, 2);
  }

  public List<String> getLanguageSlots() {
    return slots(languages, 2);
  }

  /** The screening whose answers prefilled this form, carried through to registration. */
  public String getScreening() {
    return screening;
  }

  public void setScreening(String v) {
    screening = v;
  }

  // Accessors for Spring's data binding and the template.
  public String getGivenName() {
    return givenName;
  }

  public void setGivenName(String v) {
    givenName = v;
  }

  public String getFamilyName() {
    return familyName;
  }

  public void setFamilyName(String v) {
    familyName = v;
  }

  public String getBirthDate() {
    return birthDate;
  }

  public void setBirthDate(String v) {
    birthDate = v;
  }

  public boolean isBirthDateEstimated() {
    return birthDateEstimated;
  }

  public void setBirthDateEstimated(boolean v) {
    birthDateEstimated = v;
  }

  public boolean isAgeDisputed() {
    return ageDisputed;
  }

  public void setAgeDisputed(boolean v) {
    ageDisputed = v;
  }

  public String getSex() {
    return sex;
  }

  public void setSex(String v) {
    sex = v;
  }

  public String getGender() {
    return gender;
  }

  public void setGender(String v) {
    gender = v;
  }

  public List<String> getCitizenships() {
    return citizenships;
  }

  public void setCitizenships(List<String> v) {
    citizenships = v;
  }

  public List<String> getLanguages() {
    return languages;
  }

  public void setLanguages(List<String> v) {
    languages = v;
  }

  public String getMigrationStatus() {
    return migrationStatus;
  }

  public void setMigrationStatus(String v) {
    migrationStatus = v;
  }

  public String getProtectionStatus() {
    return protectionStatus;
  }

  public void setProtectionStatus(String v) {
    protectionStatus = v;
  }

  public String getLegalBasis() {
    return legalBasis;
  }

  public void setLegalBasis(String v) {
    legalBasis = v;
  }

  public String getPurpose() {
    return purpose;
  }

  public void setPurpose(String v) {
    purpose = v;
  }

  public List<String> getControlMethods() {
    return controlMethods;
  }

  public void setControlMethods(List<String> v) {
    controlMethods = v;
  }

  public List<String> getExploitationTypes() {
    return exploitationTypes;
  }

  public void setExploitationTypes(List<String> v) {
    exploitationTypes = v;
  }

  public String getIndustry() {
    return industry;
  }

  public void setIndustry(String v) {
    industry = v;
  }

  public List<String> getRecruitmentMethods() {
    return recruitmentMethods;
  }

  public void setRecruitmentMethods(List<String> v) {
    recruitmentMethods = v;
  }

  public String getRecruitmentCity() {
    return recruitmentCity;
  }

  public void setRecruitmentCity(String v) {
    recruitmentCity = v;
  }

  public String getRecruitmentCountry() {
    return recruitmentCountry;
  }

  public void setRecruitmentCountry(String v) {
    recruitmentCountry = v;
  }

  public List<String> getJourneyCity() {
    return journeyCity;
  }

  public void setJourneyCity(List<String> v) {
    journeyCity = v;
  }

  public List<String> getJourneyCountry() {
    return journeyCountry;
  }

  public void setJourneyCountry(List<String> v) {
    journeyCountry = v;
  }

  public List<String> getJourneyDate() {
    return journeyDate;
  }

  public void setJourneyDate(List<String> v) {
    journeyDate = v;
  }
}

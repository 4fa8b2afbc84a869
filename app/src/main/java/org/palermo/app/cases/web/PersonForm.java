package org.palermo.app.cases.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
  private String citizenships;
  private String languages;
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
    f.citizenships = p.citizenships() == null ? null : String.join(" ", p.citizenships());
    f.languages = p.languages() == null ? null : String.join(" ", p.languages());
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

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }

  private static List<String> names(Set<? extends Enum<?>> values) {
    return values == null
        ? new ArrayList<>()
        : new ArrayList<>(values.stream().map(Enum::name).toList());
  }

  /** The field names whose value could not be read. */
  List<String> unreadable = new ArrayList<>();

  PersonDetails details() {
    unreadable.clear();
    List<JourneyEvent> journey = new ArrayList<>();
    JourneyEventType[] types = JourneyEventType.values();
    for (int i = 0; i < types.length; i++) {
      String city = at(journeyCity, i);
      String country = at(journeyCountry, i);
      LocalDate date = date(at(journeyDate, i), "journeyDate" + i);
      if (city != null || country != null || date != null) {
        journey.add(
            new JourneyEvent(
                types[i],
                city,
                country == null ? null : country.toUpperCase(Locale.ROOT),
                date,
                null));
      }
    }
    return new PersonDetails(
        givenName,
        familyName,
        date(birthDate, "birthDate"),
        birthDateEstimated,
        ageDisputed,
        one(Sex.class, sex, "sex"),
        one(Gender.class, gender, "gender"),
        words(citizenships),
        words(languages),
        one(MigrationStatus.class, migrationStatus, "migrationStatus"),
        one(ProtectionStatus.class, protectionStatus, "protectionStatus"),
        one(LegalBasis.class, legalBasis, "legalBasis"),
        purpose,
        many(ControlMethod.class, controlMethods, "controlMethods"),
        many(Exploitation.class, exploitationTypes, "exploitationTypes"),
        one(Industry.class, industry, "industry"),
        many(RecruitmentMethod.class, recruitmentMethods, "recruitmentMethods"),
        recruitmentCity,
        recruitmentCountry,
        journey);
  }

  private static String at(List<String> l, int i) {
    return l == null || l.size() <= i || l.get(i) == null || l.get(i).isBlank()
        ? null
        : l.get(i).strip();
  }

  private LocalDate date(String s, String field) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(s.strip());
    } catch (java.time.format.DateTimeParseException e) {
      unreadable.add(field);
      return null;
    }
  }

  private <E extends Enum<E>> E one(Class<E> type, String s, String field) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, s);
    } catch (IllegalArgumentException e) {
      unreadable.add(field);
      return null;
    }
  }

  private <E extends Enum<E>> Set<E> many(Class<E> type, List<String> values, String field) {
    java.util.EnumSet<E> out = java.util.EnumSet.noneOf(type);
    for (String v : values == null ? List.<String>of() : values) {
      E e = one(type, v, field);
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  private static List<String> words(String s) {
    return s == null
        ? List.of()
        : Arrays.stream(s.split("[\\s,;]+")).filter(w -> !w.isBlank()).toList();
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

  public String getCitizenships() {
    return citizenships;
  }

  public void setCitizenships(String v) {
    citizenships = v;
  }

  public String getLanguages() {
    return languages;
  }

  public void setLanguages(String v) {
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

package org.palermo.law;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * What is known about one person, as the input of the classification engine. Every field is
 * nullable and null means unknown; for sets, null means unknown and an empty set means none.
 *
 * @param id caller's identifier, echoed in the assessment
 * @param age current age in years
 * @param ageAtFirstAct age at the first act (Trafficking Protocol art. 3(c), 3(d))
 * @param acts acts of art. 3(a)
 * @param means means of art. 3(a)
 * @param purposes exploitative purposes of art. 3(a)
 * @param consentToExploitation whether the person consented; never negates a finding (art. 3(b))
 * @param crossedInternationalBorder whether the person crossed an international border
 * @param entryIrregular whether the entry failed the requirements for lawful entry (Smuggling
 *     Protocol art. 3(b))
 * @param nationalOrPermanentResidentOfDestination nationality or permanent residence (art. 3(a))
 * @param entryProcuredByAnother whether a third party procured the entry (art. 3(a))
 * @param lifeOrSafetyEndangered art. 6(3)(a)
 * @param inhumanOrDegradingTreatment art. 6(3)(b)
 * @param unaccompaniedChild a child without either parent or any caregiver
 * @param separatedChild a child without either parent or their usual caregiver
 * @param ageDisputed whether the person's age is disputed (they may be under 18, whatever age was
 *     estimated); palermo-rules/1.1.0 presumes such a person a child (CETS 197 art. 10(3))
 * @param exploiterIsParentOrCaregiver whether a parent or caregiver is reported as the exploiter
 *     (Directive 2011/36/EU art. 14(2)); from palermo-rules/1.1.0
 * @param seekingInternationalProtection whether the person seeks asylum or other protection
 * @param benefitToFacilitator the benefit sought by whoever procured the entry (art. 3(a), 6(1))
 * @param indicators indicator codes from the catalogues
 */
public record Facts(
    String id,
    Integer age,
    Integer ageAtFirstAct,
    Set<Act> acts,
    Set<Means> means,
    Set<Purpose> purposes,
    Boolean consentToExploitation,
    Boolean crossedInternationalBorder,
    Boolean entryIrregular,
    Boolean nationalOrPermanentResidentOfDestination,
    Boolean entryProcuredByAnother,
    Boolean lifeOrSafetyEndangered,
    Boolean inhumanOrDegradingTreatment,
    Boolean unaccompaniedChild,
    Boolean separatedChild,
    Boolean ageDisputed,
    Boolean exploiterIsParentOrCaregiver,
    Boolean seekingInternationalProtection,
    Benefit benefitToFacilitator,
    Set<String> indicators) {

  /** Freezes the sets (keeping null as unknown) and refuses null elements. */
  public Facts {
    acts = freeze(acts, Act.class, "acts");
    means = freeze(means, Means.class, "means");
    purposes = freeze(purposes, Purpose.class, "purposes");
    indicators = freezeCodes(indicators);
  }

  /** Facts about which nothing is known yet. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these facts, to derive changed copies. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  private static <E extends Enum<E>> Set<E> freeze(Set<E> values, Class<E> type, String field) {
    if (values == null) {
      return null;
    }
    EnumSet<E> copy = EnumSet.noneOf(type);
    for (E value : values) {
      if (value == null) {
        throw new IllegalArgumentException(field + " contains null");
      }
      copy.add(value);
    }
    return Collections.unmodifiableSet(copy);
  }

  private static Set<String> freezeCodes(Set<String> codes) {
    if (codes == null) {
      return null;
    }
    TreeSet<String> copy = new TreeSet<>();
    for (String code : codes) {
      if (code == null) {
        throw new IllegalArgumentException("indicators contains null");
      }
      copy.add(code);
    }
    return Collections.unmodifiableSortedSet(copy);
  }

  /** Fluent builder of {@link Facts}; every field starts unknown. */
  public static final class Builder {
    private String id;
    private Integer age;
    private Integer ageAtFirstAct;
    private Set<Act> acts;
    private Set<Means> means;
    private Set<Purpose> purposes;
    private Boolean consentToExploitation;
    private Boolean crossedInternationalBorder;
    private Boolean entryIrregular;
    private Boolean nationalOrPermanentResidentOfDestination;
    private Boolean entryProcuredByAnother;
    private Boolean lifeOrSafetyEndangered;
    private Boolean inhumanOrDegradingTreatment;
    private Boolean unaccompaniedChild;
    private Boolean separatedChild;
    private Boolean ageDisputed;
    private Boolean exploiterIsParentOrCaregiver;
    private Boolean seekingInternationalProtection;
    private Benefit benefitToFacilitator;
    private Set<String> indicators;

    private Builder() {}

    private Builder(Facts f) {
      id = f.id;
      age = f.age;
      ageAtFirstAct = f.ageAtFirstAct;
      acts = f.acts;
      means = f.means;
      purposes = f.purposes;
      consentToExploitation = f.consentToExploitation;
      crossedInternationalBorder = f.crossedInternationalBorder;
      entryIrregular = f.entryIrregular;
      nationalOrPermanentResidentOfDestination = f.nationalOrPermanentResidentOfDestination;
      entryProcuredByAnother = f.entryProcuredByAnother;
      lifeOrSafetyEndangered = f.lifeOrSafetyEndangered;
      inhumanOrDegradingTreatment = f.inhumanOrDegradingTreatment;
      unaccompaniedChild = f.unaccompaniedChild;
      separatedChild = f.separatedChild;
      ageDisputed = f.ageDisputed;
      exploiterIsParentOrCaregiver = f.exploiterIsParentOrCaregiver;
      seekingInternationalProtection = f.seekingInternationalProtection;
      benefitToFacilitator = f.benefitToFacilitator;
      indicators = f.indicators;
    }

    public Builder id(String value) {
      id = value;
      return this;
    }

    public Builder age(Integer value) {
      age = value;
      return this;
    }

    public Builder ageAtFirstAct(Integer value) {
      ageAtFirstAct = value;
      return this;
    }

    /** Sets the acts; no argument means none, {@code acts((Collection) null)} means unknown. */
    public Builder acts(Act... values) {
      return acts(values == null ? null : Set.of(values));
    }

    public Builder acts(Collection<Act> values) {
      acts = values == null ? null : Set.copyOf(values);
      return this;
    }

    public Builder means(Means... values) {
      return means(values == null ? null : Set.of(values));
    }

    public Builder means(Collection<Means> values) {
      means = values == null ? null : Set.copyOf(values);
      return this;
    }

    public Builder purposes(Purpose... values) {
      return purposes(values == null ? null : Set.of(values));
    }

    public Builder purposes(Collection<Purpose> values) {
      purposes = values == null ? null : Set.copyOf(values);
      return this;
    }

    public Builder consentToExploitation(Boolean value) {
      consentToExploitation = value;
      return this;
    }

    public Builder crossedInternationalBorder(Boolean value) {
      crossedInternationalBorder = value;
      return this;
    }

    public Builder entryIrregular(Boolean value) {
      entryIrregular = value;
      return this;
    }

    public Builder nationalOrPermanentResidentOfDestination(Boolean value) {
      nationalOrPermanentResidentOfDestination = value;
      return this;
    }

    public Builder entryProcuredByAnother(Boolean value) {
      entryProcuredByAnother = value;
      return this;
    }

    public Builder lifeOrSafetyEndangered(Boolean value) {
      lifeOrSafetyEndangered = value;
      return this;
    }

    public Builder inhumanOrDegradingTreatment(Boolean value) {
      inhumanOrDegradingTreatment = value;
      return this;
    }

    public Builder unaccompaniedChild(Boolean value) {
      unaccompaniedChild = value;
      return this;
    }

    public Builder separatedChild(Boolean value) {
      separatedChild = value;
      return this;
    }

    public Builder ageDisputed(Boolean value) {
      ageDisputed = value;
      return this;
    }

    public Builder exploiterIsParentOrCaregiver(Boolean value) {
      exploiterIsParentOrCaregiver = value;
      return this;
    }

    public Builder seekingInternationalProtection(Boolean value) {
      seekingInternationalProtection = value;
      return this;
    }

    public Builder benefitToFacilitator(Benefit value) {
      benefitToFacilitator = value;
      return this;
    }

    public Builder indicators(String... codes) {
      return indicators(codes == null ? null : Set.of(codes));
    }

    public Builder indicators(Collection<String> codes) {
      indicators = codes == null ? null : Set.copyOf(codes);
      return this;
    }

    public Facts build() {
      return new Facts(
          id,
          age,
          ageAtFirstAct,
          acts,
          means,
          purposes,
          consentToExploitation,
          crossedInternationalBorder,
          entryIrregular,
          nationalOrPermanentResidentOfDestination,
          entryProcuredByAnother,
          lifeOrSafetyEndangered,
          inhumanOrDegradingTreatment,
          unaccompaniedChild,
          separatedChild,
          ageDisputed,
          exploiterIsParentOrCaregiver,
          seekingInternationalProtection,
          benefitToFacilitator,
          indicators);
    }
  }
}

package org.palermo.law;

/** The article citations that reasons carry, spelled once. */
public final class Citations {
  public static final String TIP_3A = "Trafficking Protocol art. 3(a)";
  public static final String TIP_3B = "Trafficking Protocol art. 3(b)";
  public static final String TIP_3C = "Trafficking Protocol art. 3(c)";
  public static final String TIP_3C_3D = "Trafficking Protocol art. 3(c), 3(d)";
  public static final String TIP_3D = "Trafficking Protocol art. 3(d)";
  public static final String SOM_3A = "Smuggling Protocol art. 3(a)";
  public static final String SOM_3B = "Smuggling Protocol art. 3(b)";
  public static final String SOM_3A_6_1A = "Smuggling Protocol art. 3(a), 6(1)(a)";
  public static final String SOM_5 = "Smuggling Protocol art. 5";
  public static final String SOM_6_3 = "Smuggling Protocol art. 6(3)";
  public static final String SOM_6_3A = "Smuggling Protocol art. 6(3)(a)";
  public static final String SOM_6_3B = "Smuggling Protocol art. 6(3)(b)";
  public static final String SOM_16_3 = "Smuggling Protocol art. 16(3)";
  public static final String SOM_16_1_3 = "Smuggling Protocol art. 6(3)(b), 16(1)–(3)";
  public static final String PRESUMED_CHILD =
      "CETS 197 art. 10(3); Directive 2011/36/EU art. 13(2)";
  public static final String NON_PUNISHMENT = "CETS 197 art. 26; Directive 2011/36/EU art. 8";
  public static final String REFUGEE_31_1 = "1951 Refugee Convention art. 31(1)";
  public static final String ASSISTANCE_12_1 = "CETS 197 art. 12(1)";
  public static final String GUARDIAN_PARENT = "Directive 2011/36/EU art. 14(2)";
  public static final String GUARDIAN_UNACCOMPANIED =
      "CETS 197 art. 10(4); Directive 2011/36/EU art. 16(3)";
  public static final String ASSISTANCE_PENDING_IDENTIFICATION =
      "CETS 197 art. 10(2), 12(1)–(2); Directive 2011/36/EU art. 11(2)";
  public static final String GUARDIAN_CHILD_VICTIM =
      "CETS 197 art. 10(4); Directive 2011/36/EU arts. 14(2), 16(3)";
  public static final String CHILD_PROTECTION =
      "CETS 197 art. 10(3), 12(7); Directive 2011/36/EU art. 13";
  public static final String INTERNATIONAL_PROTECTION =
      "Trafficking Protocol art. 14; Smuggling Protocol art. 19";
  public static final String INDICATOR_NEEDS = "CETS 197 art. 12(1)";

  private Citations() {}
}

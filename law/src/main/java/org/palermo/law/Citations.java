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

  private Citations() {}
}

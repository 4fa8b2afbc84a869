package org.palermo.law;

/** The four ILO–EC Delphi lists: adults and children, by labour and sexual exploitation. */
public enum DelphiList {
  ADULT_LABOUR("AL", false, false),
  ADULT_SEXUAL("AS", false, true),
  CHILD_LABOUR("CL", true, false),
  CHILD_SEXUAL("CS", true, true);

  private final String prefix;
  private final boolean children;
  private final boolean sexual;

  DelphiList(String prefix, boolean children, boolean sexual) {
    this.prefix = prefix;
    this.children = children;
    this.sexual = sexual;
  }

  /** The two-letter code prefix, e.g. {@code AL}. */
  public String prefix() {
    return prefix;
  }

  /** Whether the list is for children (the child combination rule applies). */
  public boolean children() {
    return children;
  }

  /** Whether the list is about sexual exploitation. */
  public boolean sexual() {
    return sexual;
  }
}

package org.palermo.law;

/**
 * Exploitative purposes (Trafficking Protocol art. 3(a)): the Protocol's minimum list, plus forms
 * of exploitation that fall under one of its categories, each mapped by {@link
 * #protocolCategory()}.
 */
public enum Purpose {
  SEXUAL_EXPLOITATION,
  FORCED_LABOUR_OR_SERVICES,
  SLAVERY_OR_SIMILAR_PRACTICES,
  SERVITUDE,
  ORGAN_REMOVAL,
  /** Being made to commit offences: a form of forced labour or services. */
  FORCED_CRIMINALITY,
  /** Being made to beg: a form of forced labour or services. */
  FORCED_BEGGING,
  /** Forced or servile marriage: a practice similar to slavery. */
  FORCED_MARRIAGE,
  /** Another form of exploitation; the Protocol's list is a minimum ("at a minimum"). */
  OTHER_EXPLOITATION;

  /** The category of the Protocol's list that this purpose falls under (itself if it is one). */
  public Purpose protocolCategory() {
    return switch (this) {
      case FORCED_CRIMINALITY, FORCED_BEGGING -> FORCED_LABOUR_OR_SERVICES;
      case FORCED_MARRIAGE -> SLAVERY_OR_SIMILAR_PRACTICES;
      default -> this;
    };
  }

  /** Whether this purpose is spelled out in art. 3(a) itself (the open remainder is not). */
  public boolean namedInProtocol() {
    return protocolCategory() == this && this != OTHER_EXPLOITATION;
  }
}

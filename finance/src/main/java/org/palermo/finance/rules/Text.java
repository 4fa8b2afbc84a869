package org.palermo.finance.rules;

import java.util.regex.Pattern;
import org.palermo.finance.Transaction;

/** Matching of the free text of a transaction (description and counterparty name). */
final class Text {
  private Text() {}

  static boolean matches(Pattern p, Transaction t) {
    return (t.description() != null && p.matcher(t.description()).find())
        || (t.counterpartyName() != null && p.matcher(t.counterpartyName()).find());
  }

  static boolean category(boolean[] set, Transaction t) {
    int c = t.merchantCategory();
    return c >= 0 && c < set.length && set[c];
  }
}

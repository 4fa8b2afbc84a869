package org.palermo.app.knowledge;

import java.util.Arrays;
import java.util.Optional;

/**
 * The topics of the rights pages, each written in plain words from the instruments below (issue 18
 * item 1). The paragraphs are {@code <key>.1}, {@code <key>.2}, ... in every language's text file.
 */
public enum RightsTopic {
  /**
   * A possible victim of trafficking: assistance (Trafficking Protocol art. 6; CETS 197 art. 12(1)
   * to (5)), not conditional on cooperating with the police (CETS 197 art. 12(6); Directive
   * 2011/36/EU art. 11(3)), the recovery and reflection period of at least 30 days with no removal
   * (CETS 197 art. 13), non-punishment (CETS 197 art. 26; Directive 2011/36/EU art. 8),
   * compensation (Trafficking Protocol art. 6(6); CETS 197 art. 15), asylum (Trafficking Protocol
   * art. 14(1); CETS 197 art. 14(5) and 40(4)), consular contact only at the person's wish (VCCR
   * art. 36(1)(b)).
   */
  TRAFFICKING("trafficking", "trafficking"),
  /**
   * A smuggled migrant: no criminal liability for having been smuggled (Smuggling Protocol art. 5),
   * the right to life and not to be subjected to torture or cruel treatment, protection and
   * assistance when in danger, consular information at the person's wish (art. 16(1) to (5); VCCR
   * art. 36), asylum and non-refoulement preserved (art. 19(1)).
   */
  SMUGGLING("smuggling", "smuggling"),
  /**
   * A child: special protection (CRC art. 20, 22), the presumption of minority (CETS 197 art.
   * 10(3)), a guardian for a child alone (CETS 197 art. 10(4)(a)), the best interests (CRC art. 3)
   * and the right to be heard (CRC art. 12), care, health and school (CRC art. 24, 28), family
   * tracing and return only when safe and in the child's best interests (CETS 197 art. 16(7); CRC
   * art. 22(2)).
   */
  CHILDREN("children", "children"),
  /**
   * What Palermo records, why, who sees it, for how long, and the person's rights over it, the
   * plain-language notice of ASVS 8.3.3 (GDPR art. 13 and 14: purposes, recipients, retention; art.
   * 15 to 17: access, rectification, erasure; art. 77: complaint). The retention period shown is
   * the instance's own ({@code palermo.retention.closed-case}).
   */
  DATA("your-data", "data");

  private final String slug;
  private final String key;

  RightsTopic(String slug, String key) {
    this.slug = slug;
    this.key = key;
  }

  /** The topic's part of the address: {@code /rights/<slug>}. */
  public String slug() {
    return slug;
  }

  /** The prefix of the topic's texts in the language files. */
  String key() {
    return key;
  }

  public static Optional<RightsTopic> ofSlug(String slug) {
    return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst();
  }
}

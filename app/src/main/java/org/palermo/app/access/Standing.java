package org.palermo.app.access;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * How a user stands to one case, as a {@link RelationshipSource} knows it: the relationships, and
 * for those that rest on the person's consent, the field groups that consent covers. {@link
 * AccessPolicy} intersects every grant a relationship gives with its consent scope, on every read
 * and write (SECURITY.md rule 4; CETS 197 art. 11(1) and GDPR art. 6(1)(a), 9(2)(a): personal data
 * is shared only as far as the person consented).
 *
 * <ul>
 *   <li>{@link Relationship#REFERRAL_RECIPIENT}: always has a scope, the union of the scopes of the
 *       agency's referrals in force for the case; none (the empty set) means nothing.
 *   <li>{@link Relationship#OWNER} and {@link Relationship#SUPERVISOR}: a scope only when the case
 *       came to the agency by a transfer made under a consent; no entry means not limited.
 * </ul>
 *
 * @param relationships the relationships
 * @param scopes the consent scope of each relationship that has one
 */
public record Standing(Set<Relationship> relationships, Map<Relationship, Set<FieldGroup>> scopes) {
  public Standing {
    relationships =
        relationships.isEmpty()
            ? Collections.unmodifiableSet(EnumSet.noneOf(Relationship.class))
            : Collections.unmodifiableSet(EnumSet.copyOf(relationships));
    EnumMap<Relationship, Set<FieldGroup>> copy = new EnumMap<>(Relationship.class);
    scopes.forEach(
        (r, s) ->
            copy.put(
                r,
                Collections.unmodifiableSet(
                    s.isEmpty() ? EnumSet.noneOf(FieldGroup.class) : EnumSet.copyOf(s))));
    scopes = Collections.unmodifiableMap(copy);
  }

  /** Relationships none of which is limited by a consent scope. */
  public static Standing of(Set<Relationship> relationships) {
    return new Standing(relationships, Map.of());
  }

  /** No relationship. */
  public static Standing none() {
    return of(Set.of());
  }

  /** Both standings together; two scopes of one relationship are united. */
  Standing and(Standing other) {
    EnumSet<Relationship> rel = EnumSet.noneOf(Relationship.class);
    rel.addAll(relationships);
    rel.addAll(other.relationships);
    EnumMap<Relationship, Set<FieldGroup>> s = new EnumMap<>(Relationship.class);
    scopes.forEach((r, g) -> s.put(r, EnumSet.copyOf(withNone(g))));
    other.scopes.forEach((r, g) -> s.merge(r, withNone(g), (a, b) -> union(a, b)));
    return new Standing(rel, s);
  }

  private static Set<FieldGroup> withNone(Set<FieldGroup> g) {
    return g.isEmpty() ? EnumSet.noneOf(FieldGroup.class) : EnumSet.copyOf(g);
  }

  private static Set<FieldGroup> union(Set<FieldGroup> a, Set<FieldGroup> b) {
    EnumSet<FieldGroup> u = EnumSet.noneOf(FieldGroup.class);
    u.addAll(a);
    u.addAll(b);
    return u;
  }
}

package org.palermo.linkage.engine;

import org.palermo.linkage.Field;
import org.palermo.linkage.LinkageRecord;

/**
 * A record with the forms the comparisons need, computed once: latin keys, skeletons and phonetic
 * codes of the names, the birth date as numbers, normalised codes. When neither given nor family
 * name is known, {@code full_name} is split: its last word is the family name, the words before the
 * given name (a swap is a comparison level of its own).
 */
public final class Prepared {
  final String id;
  final int side;
  final String given;
  final String family;
  final String givenSkeleton;
  final String familySkeleton;
  final String givenPhonetic;
  final String familyPhonetic;
  final String givenScript;
  final String familyScript;
  double givenTf;
  double familyTf;
  final int year;
  final int month;
  final int day;
  final int sex;
  final String citizenship;
  final String birthPlace;
  final String birthPlaceSkeleton;
  final String streetNumber;
  final String street;
  final String locality;
  final String postcode;
  final String document;

  Prepared(LinkageRecord r, int side) {
    this.id = r.id();
    this.side = side;
    String g = r.get(Field.GIVEN_NAME);
    String f = r.get(Field.FAMILY_NAME);
    String full = r.get(Field.FULL_NAME);
    String gScript = Text.script(g);
    String fScript = Text.script(f);
    String gl = Text.latin(g);
    String fl = Text.latin(f);
    if (gl.isEmpty() && fl.isEmpty() && full != null) {
      String all = Text.latin(full);
      int sp = all.lastIndexOf(' ');
      fl = sp < 0 ? all : all.substring(sp + 1);
      gl = sp < 0 ? "" : all.substring(0, sp);
      gScript = fScript = Text.script(full);
    }
    given = gl;
    family = fl;
    givenSkeleton = Text.skeleton(gl);
    familySkeleton = Text.skeleton(fl);
    givenPhonetic = Text.phonetic(gl);
    familyPhonetic = Text.phonetic(fl);
    givenScript = gScript;
    familyScript = fScript;
    String birth = r.get(Field.BIRTH_DATE);
    if (birth != null && birth.length() == 10) {
      year = Integer.parseInt(birth, 0, 4, 10);
      month = Integer.parseInt(birth, 5, 7, 10);
      day = Integer.parseInt(birth, 8, 10, 10);
    } else {
      year = month = day = 0;
    }
    sex = sex(r.get(Field.SEX));
    citizenship = Text.alnum(r.get(Field.CITIZENSHIP));
    birthPlace = Text.latin(r.get(Field.BIRTH_PLACE));
    birthPlaceSkeleton = Text.skeleton(birthPlace);
    streetNumber = Text.alnum(r.get(Field.STREET_NUMBER));
    street = Text.latin(r.get(Field.STREET));
    String loc = Text.latin(r.get(Field.LOCALITY));
    locality = loc.isEmpty() ? Text.latin(r.get(Field.REGION)) : loc;
    postcode = Text.alnum(r.get(Field.POSTCODE));
    document = Text.alnum(r.get(Field.DOCUMENT_NUMBER));
  }

  /** 0 unknown, 1 male, 2 female, 3 another value (compared as given). */
  private static int sex(String s) {
    if (s == null) {
      return 0;
    }
    String v = Text.latin(s);
    return switch (v) {
      case "" -> 0;
      case "m", "male", "man", "h", "homme", "hombre", "masculin", "masculino", "1" -> 1;
      case "f", "female", "woman", "femme", "mujer", "feminin", "femenino", "2" -> 2;
      default -> 3;
    };
  }

  boolean hasBirthDate() {
    return year != 0;
  }

  boolean hasAddress() {
    return !street.isEmpty() || !postcode.isEmpty() || !locality.isEmpty();
  }

  /** The given name's first letter, or 0. */
  char givenInitial() {
    return given.isEmpty() ? 0 : given.charAt(0);
  }
}

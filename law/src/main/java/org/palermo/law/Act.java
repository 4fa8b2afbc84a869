package org.palermo.law;

/** The acts of Trafficking Protocol art. 3(a): what was done to the person. */
public enum Act {
  RECRUITMENT,
  TRANSPORTATION,
  TRANSFER,
  HARBOURING,
  RECEIPT
}

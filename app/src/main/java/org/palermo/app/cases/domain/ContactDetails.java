package org.palermo.app.cases.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How to reach the person, and whether it is safe to (issue #14 item 13): the CONTACT field group
 * ({@code access.FieldGroup}). A phone, a handle or an address in the wrong hands can lead the
 * exploiters back to the person, so every free-text value is sealed at rest (V22_80) and shared
 * with a referral recipient only under a consent that covers CONTACT (CETS 197 art. 11(1): the
 * private life and identity of victims are protected; GDPR art. 9 and art. 5(1)(c)).
 *
 * <p>Blank texts are absent ({@code null}); an absent {@code safeToContact} is {@link
 * SafeToContact#UNKNOWN}.
 */
public record ContactDetails(
    String phone,
    MessagingApp messagingApp,
    String messagingHandle,
    String address,
    String location,
    ContactMethod preferredMethod,
    String safeTimes,
    SafeToContact safeToContact,
    String safetyNote) {

  /** Nothing recorded. */
  public static final ContactDetails NONE =
      new ContactDetails(null, null, null, null, null, null, null, SafeToContact.UNKNOWN, null);

  /** Digits with the usual separators and an optional leading "+", at least five digits. */
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{5,40}");

  /** The messaging apps a handle can belong to. */
  public enum MessagingApp {
    WHATSAPP,
    SIGNAL,
    TELEGRAM,
    VIBER,
    FACEBOOK_MESSENGER,
    OTHER
  }

  /** How the person prefers to be contacted. */
  public enum ContactMethod {
    PHONE_CALL,
    TEXT_MESSAGE,
    MESSAGING_APP,
    IN_PERSON,
    /** Through a service the person trusts (a shelter, a lawyer): say which in the note. */
    THROUGH_SERVICE
  }

  /** Whether it is safe to contact the person directly. */
  public enum SafeToContact {
    YES,
    NO,
    UNKNOWN
  }

  public ContactDetails {
    phone = clean(phone);
    messagingHandle = clean(messagingHandle);
    address = clean(address);
    location = clean(location);
    safeTimes = clean(safeTimes);
    safetyNote = clean(safetyNote);
    safeToContact = safeToContact == null ? SafeToContact.UNKNOWN : safeToContact;
  }

  /** Whether nothing but "safe to contact: unknown" is recorded. */
  public boolean empty() {
    return equals(NONE);
  }

  /**
   * Whether contacting the person directly was found unsafe: every page showing the phone warns.
   */
  public boolean unsafe() {
    return safeToContact == SafeToContact.NO;
  }

  /**
   * What is wrong, field → reason ({@code tooLong}, {@code phone}, {@code phoneRequired}, {@code
   * appRequired}); empty when the details are valid.
   */
  public Map<String, String> problems() {
    Map<String, String> out = new LinkedHashMap<>();
    if (phone != null) {
      long digits = phone.chars().filter(Character::isDigit).count();
      if (phone.length() > 40) {
        out.put("phone", "tooLong");
      } else if (!PHONE.matcher(phone).matches() || digits < 5) {
        out.put("phone", "phone");
      }
    }
    tooLong(out, "messagingHandle", messagingHandle, 100);
    tooLong(out, "address", address, 500);
    tooLong(out, "location", location, 200);
    tooLong(out, "safeTimes", safeTimes, 200);
    tooLong(out, "safetyNote", safetyNote, 500);
    if (messagingHandle != null && messagingApp == null) {
      out.putIfAbsent("messagingApp", "appRequired");
    }
    if ((preferredMethod == ContactMethod.PHONE_CALL
            || preferredMethod == ContactMethod.TEXT_MESSAGE)
        && phone == null) {
      out.putIfAbsent("phone", "phoneRequired");
    }
    if (preferredMethod == ContactMethod.MESSAGING_APP && messagingApp == null) {
      out.putIfAbsent("messagingApp", "appRequired");
    }
    return out;
  }

  private static void tooLong(Map<String, String> out, String field, String value, int max) {
    if (value != null && value.codePointCount(0, value.length()) > max) {
      out.put(field, "tooLong");
    }
  }

  private static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }
}

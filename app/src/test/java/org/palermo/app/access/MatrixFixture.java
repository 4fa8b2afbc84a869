package org.palermo.app.access;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.cases.CaseFixtures;
import org.palermo.app.cases.CaseRecords;
import org.palermo.app.directory.ServiceType;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.referral.ReferralFixtures;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The fixture of the generated access matrix and of the firewall test, built once per test class:
 * one case owned by agency A (a service provider) with care, protection and task records, an
 * attachment, a completed screening linked to it, a pending referral to a second provider with the
 * person's consent to share identity and contact, a pending referral to a third provider with
 * consent to share contact only, and a disclosure of every group to one police agency; and users in
 * each of the places a user can stand in relation to that case ({@link Where}), each with an API
 * token and (except administrators, who must enrol a second factor first) a signed-in browser
 * session: every role in the first six places, the roles that matter there in the two others
 * ({@link #ROLES_OF}).
 */
final class MatrixFixture {
  /** Where a user stands in relation to the fixture's case. */
  enum Where {
    /** The owning agency. */
    OWN,
    /** A service provider with no relationship to the case. */
    OTHER_PROVIDER,
    /** The service provider the case is referred to (pending referral; identity and contact). */
    REFERRAL_RECIPIENT,
    /** A service provider the case is referred to with the consent to share contact only. */
    REFERRAL_RECIPIENT_CONTACT,
    /** A police agency without any disclosure. */
    POLICE,
    /** A police agency to which the person consented to disclose every group. */
    POLICE_DISCLOSED,
    /** An immigration enforcement agency (nothing can be disclosed to it). */
    IMMIGRATION,
    /** A competent authority that sits in the police: enforcement by its function. */
    POLICE_AUTHORITY
  }

  /**
   * The roles with users in places where not every role is worth a row: the recipient of a
   * contact-only referral (roles that read identity as a recipient, and the DPO), and the competent
   * authority in the police (its officer, and roles of police agencies). Every other place has
   * every role.
   */
  static final Map<Where, Set<Role>> ROLES_OF =
      Map.of(
          Where.REFERRAL_RECIPIENT_CONTACT,
          EnumSet.of(
              Role.CASEWORKER,
              Role.FRONTLINE_OFFICER,
              Role.CHILD_PROTECTION_OFFICER,
              Role.DATA_PROTECTION_OFFICER),
          Where.POLICE_AUTHORITY,
          EnumSet.of(Role.COMPETENT_AUTHORITY_OFFICER, Role.INVESTIGATOR, Role.CASE_SUPERVISOR));

  /** One user of the matrix. */
  record Cell(
      Where where,
      Role role,
      TestUser user,
      PalermoPrincipal principal,
      String token,
      MockHttpSession session) {
    boolean enforcement() {
      return user.agency().function().isEnforcement();
    }

    @Override
    public String toString() {
      return where + "/" + role;
    }
  }

  final String givenName;
  final String familyName;
  final LocalDate birthDate = LocalDate.of(1987, 4, 23);
  final String note;
  final UUID caseId;
  final UUID personId;
  final String reference;
  final UUID attachmentId;
  final UUID referralId;
  final UUID contactReferralId;
  final UUID screeningId;

  /** Every id of the fixture's records (case, person, attachment, referral, note, task...). */
  final List<UUID> ids = new java.util.ArrayList<>();

  final Map<Where, Agency> agencies = new EnumMap<>(Where.class);
  final Map<Where, Map<Role, Cell>> cells = new EnumMap<>(Where.class);
  private final MockMvc mvc;

  MatrixFixture(
      MockMvc mvc,
      TestAccounts accounts,
      CaseRecords records,
      JdbcClient jdbc,
      Disclosures disclosures,
      ReferralFixtures referrals,
      ScreeningFixtures screenings,
      Accounts agencyAccounts,
      Set<Where> users)
      throws Exception {
    this.mvc = mvc;
    String tag = letters(8);
    givenName = "Zorvena" + tag;
    familyName = "Quillmarsh" + tag;
    note = "MatrixNote" + tag + " she fears the recruiter";
    agencies.put(Where.OWN, accounts.agency(AgencyType.SERVICE_PROVIDER));
    agencies.put(Where.OTHER_PROVIDER, accounts.agency(AgencyType.SERVICE_PROVIDER));
    agencies.put(Where.REFERRAL_RECIPIENT, accounts.agency(AgencyType.SERVICE_PROVIDER));
    agencies.put(Where.REFERRAL_RECIPIENT_CONTACT, accounts.agency(AgencyType.SERVICE_PROVIDER));
    agencies.put(Where.POLICE, accounts.agency(AgencyType.LAW_ENFORCEMENT));
    agencies.put(Where.POLICE_DISCLOSED, accounts.agency(AgencyType.LAW_ENFORCEMENT));
    agencies.put(Where.IMMIGRATION, accounts.agency(AgencyType.IMMIGRATION_ENFORCEMENT));
    agencies.put(
        Where.POLICE_AUTHORITY,
        agencyAccounts.addAgency(
            "Test police authority " + UUID.randomUUID(),
            AgencyType.COMPETENT_AUTHORITY,
            AgencyType.LAW_ENFORCEMENT,
            "XC",
            "test"));
    for (Where w : Where.values()) {
      Map<Role, Cell> row = new EnumMap<>(Role.class);
      for (Role role : Role.values()) {
        if (!users.contains(w) && !(w == Where.OWN && role == Role.CASEWORKER)) {
          continue;
        }
        if (ROLES_OF.containsKey(w) && !ROLES_OF.get(w).contains(role)) {
          continue;
        }
        TestUser u = accounts.user(agencies.get(w), role);
        MockHttpSession s =
            users.contains(w) && role != Role.ADMIN ? ScreeningFixtures.signIn(mvc, u) : null;
        row.put(
            role, new Cell(w, role, u, ScreeningFixtures.principal(u, role), accounts.token(u), s));
      }
      cells.put(w, row);
    }
    Agency owner = agencies.get(Where.OWN);
    reference =
        records.register(CaseFixtures.openCase(givenName, familyName, birthDate, owner.id()));
    caseId =
        jdbc.sql("SELECT id FROM case_file WHERE reference = ?")
            .param(reference)
            .query(UUID.class)
            .single();
    personId =
        jdbc.sql("SELECT person_id FROM case_file WHERE id = ?")
            .param(caseId)
            .query(UUID.class)
            .single();
    Cell worker = cell(Where.OWN, Role.CASEWORKER);
    String base = "/api/v1/cases/" + caseId;
    LocalDate today = LocalDate.now();
    keep(postJson(worker, base + "/notes", "{\"text\": \"" + note + "\"}"));
    keep(
        postJson(
            worker,
            base + "/tasks",
            "{\"title\": \"Call " + givenName + "\", \"dueOn\": \"" + today.minusDays(2) + "\"}"));
    keep(
        postJson(
            worker,
            base + "/residence",
            "{\"kind\": \"REFLECTION_PERIOD\", \"validFrom\": \"%s\", \"validTo\": \"%s\"}"
                .formatted(today.minusDays(20), today.plusDays(10))));
    keep(
        postJson(
            worker,
            base + "/returns/follow-ups",
            "{\"description\": \"Visit "
                + givenName
                + "\", \"dueOn\": \""
                + today.plusDays(30)
                + "\"}"));
    MvcResult upload =
        mvc.perform(
                multipart(base + "/attachments")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "statement.txt",
                            "text/plain",
                            (note + " " + familyName).getBytes(StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + worker.token()))
            .andReturn();
    attachmentId = idOf(upload, base + "/attachments");
    Agency recipient = agencies.get(Where.REFERRAL_RECIPIENT);
    UUID shelter =
        referrals.service(
            recipient, "Matrix shelter " + tag, ServiceType.SHELTER, List.of("fr"), 45.0, 12.0);
    MvcResult referral =
        postJson(
            worker,
            "/api/v1/referrals",
            """
            {"caseId": "%s", "serviceId": "%s", "need": "SAFE_ACCOMMODATION",
             "scope": ["IDENTITY", "CONTACT"], "note": "Needs a bed tonight", %s}"""
                .formatted(caseId, shelter, ReferralFixtures.consentJson()));
    referralId = idOf(referral, "/api/v1/referrals");
    Agency contactOnly = agencies.get(Where.REFERRAL_RECIPIENT_CONTACT);
    UUID clinic =
        referrals.service(
            contactOnly, "Matrix clinic " + tag, ServiceType.MEDICAL, List.of("fr"), 45.0, 12.0);
    contactReferralId =
        idOf(
            postJson(
                worker,
                "/api/v1/referrals",
                """
                {"caseId": "%s", "serviceId": "%s", "need": "MEDICAL",
                 "scope": ["CONTACT"], "note": "Call her first", %s}"""
                    .formatted(caseId, clinic, ReferralFixtures.consentJson())),
            "/api/v1/referrals");
    screeningId = screenings.completedScreening(worker.principal(), reference);
    ids.addAll(List.of(caseId, personId, attachmentId, referralId, contactReferralId, screeningId));
    disclosures.create(
        worker.principal(),
        caseId,
        new Disclosures.NewDisclosure(
            agencies.get(Where.POLICE_DISCLOSED).id(),
            EnumSet.allOf(FieldGroup.class),
            Purpose.CRIMINAL_JUSTICE,
            "statement for the prosecution",
            "MATRIX-CONSENT",
            Instant.now().plus(1, ChronoUnit.DAYS)));
  }

  private void keep(MvcResult r) throws Exception {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"")
            .matcher(r.getResponse().getContentAsString());
    if (m.find()) {
      ids.add(UUID.fromString(m.group(1)));
    }
  }

  Cell cell(Where where, Role role) {
    return cells.get(where).get(role);
  }

  List<Cell> all() {
    return cells.values().stream().flatMap(m -> m.values().stream()).toList();
  }

  /** The person's identity: what a user without the identity group must never see. */
  List<String> identity() {
    return List.of(givenName, familyName, birthDate.toString());
  }

  /** The strings that must never reach a user who may not read the person's identity. */
  List<String> secrets() {
    return List.of(givenName, familyName, birthDate.toString(), "MatrixNote", reference);
  }

  MvcResult api(Cell c, String path) throws Exception {
    return mvc.perform(
            get(java.net.URI.create(path)).header("Authorization", "Bearer " + c.token()))
        .andReturn();
  }

  MvcResult page(Cell c, String path) throws Exception {
    return mvc.perform(get(java.net.URI.create(path)).session(c.session())).andReturn();
  }

  MvcResult postJson(Cell c, String path, String json) throws Exception {
    MvcResult r =
        mvc.perform(
                post(path)
                    .header("Authorization", "Bearer " + c.token())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json))
            .andReturn();
    int status = r.getResponse().getStatus();
    if (status >= 300) {
      throw new IllegalStateException(
          "fixture " + path + ": " + status + " " + r.getResponse().getContentAsString());
    }
    return r;
  }

  private static UUID idOf(MvcResult r, String what) throws Exception {
    String body = r.getResponse().getContentAsString();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(body);
    if (r.getResponse().getStatus() >= 300 || !m.find()) {
      throw new IllegalStateException(
          "fixture " + what + ": " + r.getResponse().getStatus() + " " + body);
    }
    return UUID.fromString(m.group(1));
  }

  private static String letters(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return b.toString();
  }
}

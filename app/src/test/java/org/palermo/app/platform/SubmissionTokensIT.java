package org.palermo.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.identification.ScreeningFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One submission is one record (issue #14 §1 item 1): every page form that posts carries a one-time
 * submission token, and posting it again (a double click, a resubmitted page) answers with the
 * first redirect and creates nothing.
 */
@PalermoIntegrationTest
class SubmissionTokensIT {
  private static final Pattern TOKEN =
      Pattern.compile("name=\"" + SubmissionTokens.FIELD + "\" value=\"([0-9a-f-]{36})\"");

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired Idempotency idempotency;

  TestUser worker;
  MockHttpSession session;

  @BeforeEach
  void signIn() throws Exception {
    worker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    session = ScreeningFixtures.signIn(mvc, worker);
  }

  String page(String path) throws Exception {
    return mvc.perform(get(path).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /** The token of the first form on the page that posts to {@code action}. */
  static String token(String html, String action) {
    int form = html.indexOf("action=\"" + action + "\"");
    assertThat(form).as("a form posting to " + action).isNotNegative();
    Matcher m = TOKEN.matcher(html);
    assertThat(m.find(form)).as("a submission token in the form to " + action).isTrue();
    return m.group(1);
  }

  MockHttpServletRequestBuilder registration(String token, String family) {
    return post("/cases/new")
        .session(session)
        .with(csrf())
        .param(SubmissionTokens.FIELD, token)
        .param("action", "create")
        .param("givenName", "Amina")
        .param("familyName", family)
        .param("birthDate", "1999-03-03")
        .param("legalBasis", "VITAL_INTEREST")
        .param("purpose", "Protection and assistance");
  }

  long cases() {
    return jdbc.sql("SELECT count(*) FROM case_file WHERE owner_agency_id = ?")
        .param(worker.agency().id())
        .query(Long.class)
        .single();
  }

  long notes(UUID caseId) {
    return jdbc.sql("SELECT count(*) FROM care_note WHERE case_id = ?")
        .param(caseId)
        .query(Long.class)
        .single();
  }

  @Test
  void a_registration_posted_twice_with_its_token_makes_one_person_and_one_case() throws Exception {
    String token = token(page("/cases/new"), "/cases/new");
    String family = "Tok" + UUID.randomUUID().toString().substring(0, 6);
    String first =
        mvc.perform(registration(token, family))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(first).matches("/cases/[0-9a-f-]{36}");
    long after = cases();
    String again =
        mvc.perform(registration(token, family))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(again).isEqualTo(first);
    assertThat(cases()).isEqualTo(after).isEqualTo(1L);

    // A fresh page gives a fresh token: the next registration is a new record.
    String next = token(page("/cases/new"), "/cases/new");
    assertThat(next).isNotEqualTo(token);
    mvc.perform(registration(next, family + "y")).andExpect(status().is3xxRedirection());
    assertThat(cases()).isEqualTo(2L);

    // The same token with other values (Back, then a changed form) is a submission of its own:
    // it runs as sent rather than dropping what was typed.
    String changed =
        mvc.perform(registration(token, family + "x"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(changed).isNotEqualTo(first);
    assertThat(cases()).isEqualTo(3L);
  }

  @Test
  void a_note_posted_twice_with_its_token_is_one_note_and_the_same_redirect() throws Exception {
    String caseUrl =
        mvc.perform(registration(UUID.randomUUID().toString(), "Note" + UUID.randomUUID()))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    UUID caseId = UUID.fromString(caseUrl.substring("/cases/".length()));
    String action = "/cases/" + caseId + "/notes";
    String token = token(page(action), action);
    String[] answers = new String[2];
    for (int i = 0; i < 2; i++) {
      answers[i] =
          mvc.perform(
                  post(action)
                      .session(session)
                      .with(csrf())
                      .param(SubmissionTokens.FIELD, token)
                      .param("text", "Met at the shelter; needs a lawyer."))
              .andExpect(status().is3xxRedirection())
              .andReturn()
              .getResponse()
              .getRedirectedUrl();
    }
    assertThat(answers[1]).isEqualTo(answers[0]);
    assertThat(notes(caseId)).isEqualTo(1L);
    // Without a token (a client of its own, an old page) each post simply runs.
    mvc.perform(post(action).session(session).with(csrf()).param("text", "Second note."))
        .andExpect(status().is3xxRedirection());
    assertThat(notes(caseId)).isEqualTo(2L);
  }

  long attachments(UUID caseId) {
    return jdbc.sql("SELECT count(*) FROM care_attachment WHERE case_id = ?")
        .param(caseId)
        .query(Long.class)
        .single();
  }

  UUID newCase() throws Exception {
    String caseUrl =
        mvc.perform(registration(UUID.randomUUID().toString(), "Case" + UUID.randomUUID()))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    return UUID.fromString(caseUrl.substring("/cases/".length()));
  }

  @Test
  void the_same_token_with_another_file_is_a_submission_of_its_own() throws Exception {
    UUID caseId = newCase();
    String action = "/cases/" + caseId + "/attachments";
    String token = token(page(action), action);
    for (String text : new String[] {"first letter", "first letter", "another letter"}) {
      mvc.perform(
              multipart(action)
                  .file(
                      new MockMultipartFile(
                          "file",
                          "letter.txt",
                          "text/plain",
                          text.getBytes(StandardCharsets.UTF_8)))
                  .param(SubmissionTokens.FIELD, token)
                  .session(session)
                  .with(csrf()))
          .andExpect(status().is3xxRedirection());
    }
    // The same file twice is one attachment; another file under the same token is not a replay.
    assertThat(attachments(caseId)).isEqualTo(2L);
  }

  @Test
  void a_second_post_while_the_first_is_still_saving_gets_a_still_saving_page_to_send_again()
      throws Exception {
    String token = UUID.randomUUID().toString();
    String family = "Busy" + UUID.randomUUID().toString().substring(0, 6);
    MockHttpServletRequest first =
        registration(token, family).buildRequest(new MockServletContext());
    // The first post of the token is running: its key is claimed and has no answer yet.
    idempotency.claim(
        worker.id(), SubmissionTokens.PREFIX + token, SubmissionTokens.fingerprint(first));
    // Answered at once, without holding a thread to wait for the first: 409 and Retry-After.
    var second =
        mvc.perform(registration(token, family))
            .andExpect(status().isConflict())
            .andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                    .string("Retry-After", String.valueOf(SubmissionTokens.RETRY_AFTER_SECONDS)))
            .andReturn();
    Object pending = second.getRequest().getAttribute(SubmissionTokens.STILL_SAVING);
    assertThat(pending).isInstanceOf(SubmissionTokens.StillSaving.class);
    assertThat(cases()).isZero();

    // The error page the container shows for it says so and sends the same form, same token,
    // again (so that it gets the first answer once there is one), without script.
    String html =
        mvc.perform(
                get("/error")
                    .session(session)
                    .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 409)
                    .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/cases/new")
                    .requestAttr(SubmissionTokens.STILL_SAVING, pending))
            .andExpect(status().isConflict())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(html)
        .contains("id=\"still-saving\"")
        .contains("action=\"/cases/new\"")
        .contains("name=\"" + SubmissionTokens.FIELD + "\" value=\"" + token + "\"")
        .contains("value=\"" + family + "\"");
  }

  @Test
  void keys_belong_to_the_user_id_their_fingerprints_are_keyed_and_expired_ones_are_purged()
      throws Exception {
    String token = token(page("/cases/new"), "/cases/new");
    String family = "Key" + UUID.randomUUID().toString().substring(0, 6);
    MockHttpServletRequest sent =
        registration(token, family).buildRequest(new MockServletContext());
    mvc.perform(registration(token, family)).andExpect(status().is3xxRedirection());
    String stored =
        jdbc.sql("SELECT request_hash FROM idempotency_record WHERE owner_id = ? AND key = ?")
            .params(worker.id(), SubmissionTokens.PREFIX + token)
            .query(String.class)
            .single();
    // Not the plain SHA-256 of what was sent, which anyone holding the table could test guesses
    // against: an HMAC under a key the database does not hold.
    String fingerprint = SubmissionTokens.fingerprint(sent);
    String plain =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(fingerprint.getBytes(StandardCharsets.UTF_8)));
    assertThat(stored).hasSize(64).isNotEqualTo(plain).isEqualTo(idempotency.hash(fingerprint));

    // The daily purge deletes every expired key, not only those a later write happens to meet.
    String old = "form:" + UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO idempotency_record (owner_id, key, request_hash, created_at)"
                + " VALUES (?, ?, 'x', ?)")
        .params(
            UUID.randomUUID(),
            old,
            Timestamp.from(Instant.now().minus(Idempotency.KEPT).minusSeconds(60)))
        .update();
    assertThat(idempotency.purgeExpired()).isPositive();
    assertThat(
            jdbc.sql("SELECT count(*) FROM idempotency_record WHERE key = ?")
                .param(old)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("SELECT count(*) FROM idempotency_record WHERE key = ?")
                .param(SubmissionTokens.PREFIX + token)
                .query(Long.class)
                .single())
        .isOne();
  }
}

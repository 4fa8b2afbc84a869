package org.palermo.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.cases.CaseFixtures;
import org.palermo.app.cases.CaseRecords;
import org.palermo.app.identification.ScreeningFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Red-team re-test of issue 11, over a raw socket so that the bytes and headers a client chooses
 * reach the server as sent.
 */
@PalermoIntegrationTest
class RawHttpIT {
  @LocalServerPort int port;
  @Autowired TestAccounts accounts;
  @Autowired CaseRecords records;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  /** A caseworker with a case: the user, its bearer token and the case id. */
  record Owner(TestUser user, String token, UUID caseId) {}

  Owner owner() {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    String reference =
        records.register(
            CaseFixtures.openCase(
                "Edgecase", "Person", LocalDate.of(1992, 3, 4), user.agency().id()));
    UUID caseId =
        jdbc.sql("SELECT id FROM case_file WHERE reference = ?")
            .param(reference)
            .query(UUID.class)
            .single();
    return new Owner(user, accounts.token(user), caseId);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A multipart upload of one file whose name is given as raw bytes (ISO-8859-1 chars). */
  static byte[] upload(String boundary, String rawFileName) {
    return bytes(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + rawFileName
            + "\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--"
            + boundary
            + "--\r\n");
  }

  static void assertProblem(String answer, int status) {
    assertThat(answer).startsWith("HTTP/1.1 " + status);
    assertThat(answer).contains("application/problem+json").contains("\"code\":\"");
    assertThat(answer).contains("\"type\":\"urn:palermo:problem:");
  }

  /** Red-team re-test of issue 11 item 11 (d): a multipart file name with NUL or bad bytes. */
  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void a_multipart_file_name_with_nul_or_bytes_that_are_not_utf8_is_refused(CapturedOutput output)
      throws Exception {
    Owner o = owner();
    for (String name : new String[] {"Zorvath\u0000b.txt", "Zorvath\u00ff\u00feb.txt"}) {
      byte[] body = upload("XyZb0undary", name);
      String answer =
          send(
              "POST /api/v1/cases/"
                  + o.caseId()
                  + "/attachments HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                  + o.token()
                  + "\r\nContent-Type: multipart/form-data; boundary=XyZb0undary",
              body);
      assertProblem(answer, 400);
    }
    assertThat(
            jdbc.sql("SELECT count(*) FROM care_attachment WHERE case_id = ?")
                .param(o.caseId())
                .query(Long.class)
                .single())
        .isZero();
    // Nothing of the file name reaches a log (issue #11: logged by class and place only).
    assertThat(output.getAll()).doesNotContain("Zorvath");
  }

  /** Item 11 (c) and (b): query values that are not UTF-8 or hold NUL, API and public HSDS. */
  @Test
  void query_values_that_are_not_utf8_or_hold_nul_are_refused_with_a_problem() throws Exception {
    Owner o = owner();
    for (String q : new String[] {"name=%FF", "name=ab%00cd", "name=ab%01cd"}) {
      assertProblem(
          send(
              "GET /api/v1/cases?"
                  + q
                  + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                  + o.token(),
              null),
          400);
    }
    assertProblem(
        send(
            "GET /api/v1/persons/matches?name=Ab%20Cd&citizenship=%FF%FE HTTP/1.1\r\nHost:"
                + " localhost\r\nAuthorization: Bearer "
                + o.token(),
            null),
        400);
    for (String q : new String[] {"search=a%00b", "search=%C3%28"}) {
      String answer = send("GET /hsds/services?" + q + " HTTP/1.1\r\nHost: localhost", null);
      assertProblem(answer, 400);
    }
    // A clean query still answers.
    assertThat(
            send(
                "GET /api/v1/cases?name=Edgecase HTTP/1.1\r\nHost: localhost\r\nAuthorization:"
                    + " Bearer "
                    + o.token(),
                null))
        .startsWith("HTTP/1.1 200");
  }

  /** Item 11 (a): page forms with NUL are refused before the handler; nothing is stored. */
  @Test
  void a_page_form_with_nul_is_refused_and_nothing_is_stored() throws Exception {
    Owner o = owner();
    MockHttpSession session = ScreeningFixtures.signIn(mvc, o.user());
    MvcResult task =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/cases/" + o.caseId() + "/tasks")
                    .session(session)
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf())
                    .param("title", "ab\u0000cd"))
            .andReturn();
    assertThat(task.getResponse().getStatus()).isEqualTo(400);
    MvcResult note =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/cases/" + o.caseId() + "/notes")
                    .session(session)
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf())
                    .param("text", "ab\u0000cd"))
            .andReturn();
    assertThat(note.getResponse().getStatus()).isEqualTo(400);
    assertThat(
            jdbc.sql("SELECT count(*) FROM case_task WHERE case_id = ?")
                .param(o.caseId())
                .query(Long.class)
                .single())
        .isZero();
  }

  /** Item 8: errors outside the handlers answer in the application's formats. */
  @Test
  void errors_outside_the_handlers_answer_as_problems_or_the_error_page() throws Exception {
    Owner o = owner();
    // 415 before any handler was chosen: a problem document with its code.
    String unsupported =
        send(
            "POST /api/v1/cases HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + o.token()
                + "\r\nContent-Type: text/csv",
            bytes("a,b"));
    assertProblem(unsupported, 415);
    // A page refused at the edge: the application's error page, not Spring Boot's JSON.
    String page = send("GET /login?x=%00 HTTP/1.1\r\nHost: localhost", null);
    assertThat(page).startsWith("HTTP/1.1 400").doesNotContain("\"timestamp\"");
    assertThat(page).contains("<html").contains("dir=\"");
    // A page form over the container's limit: the application's page, not Tomcat's.
    byte[] big = bytes("text=" + "a".repeat(3 * 1024 * 1024));
    String tooBig =
        send(
            "POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type:"
                + " application/x-www-form-urlencoded",
            big);
    assertThat(tooBig).startsWith("HTTP/1.1 413").doesNotContain("Apache Tomcat");
  }

  /** Sends {@code head} (request line and headers, CRLF-separated, no blank line) and a body. */
  String send(String head, byte[] body) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(60_000);
      OutputStream out = s.getOutputStream();
      String h =
          head
              + "\r\nConnection: close"
              + (body == null ? "" : "\r\nContent-Length: " + body.length)
              + "\r\n\r\n";
      out.write(h.getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      in.transferTo(got);
      return got.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void the_openapi_description_never_reflects_the_host_header() throws Exception {
    String answer = send("GET /v3/api-docs HTTP/1.1\r\nHost: evil.example", null);
    assertThat(answer).startsWith("HTTP/1.1 200");
    assertThat(answer).doesNotContain("evil.example");
    assertThat(answer).contains("\"servers\":[{\"url\":\"/\"");
  }
}

package org.palermo.app.cases.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Uploads over real HTTP (Tomcat's multipart parsing), where MockMvc does not go. */
@PalermoIntegrationTest
class AttachmentsHttpIT {
  @LocalServerPort int port;
  @Autowired TestAccounts accounts;
  @Autowired CareFixtures fixtures;
  @Autowired JdbcClient jdbc;

  HttpResponse<String> upload(TestUser user, UUID caseId, String name, byte[] content)
      throws Exception {
    String boundary = "care" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/cases/" + caseId + "/attachments"))
            .header("Authorization", "Bearer " + accounts.token(user))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void a_real_upload_is_stored_and_an_oversized_one_is_a_413_problem() throws Exception {
    TestUser caseworker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    UUID caseId = fixtures.caseOf(caseworker.agency().id());
    HttpResponse<String> ok =
        upload(
            caseworker,
            caseId,
            "statement.pdf",
            "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(ok.statusCode()).isEqualTo(201);

    byte[] big = new byte[10 * 1024 * 1024 + 1];
    Arrays.fill(big, (byte) 'a');
    HttpResponse<String> tooBig = upload(caseworker, caseId, "big.txt", big);
    assertThat(tooBig.statusCode()).isEqualTo(413);
    assertThat(tooBig.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(
            jdbc.sql("SELECT count(*) FROM care_attachment WHERE case_id = ?")
                .param(caseId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}

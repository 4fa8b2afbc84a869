package org.palermo.app.cases.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.platform.PalermoProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** Attachments: encrypted at rest, checked by content and size, downloaded only with the right. */
@PalermoIntegrationTest
class AttachmentsIT {
  static final String SECRET = "Passport number XK1234567 kept by the employer in Harbour City";

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired CareFixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired PalermoProperties properties;
  @Autowired org.palermo.app.platform.crypto.KeyRotation rotation;
  @Autowired org.palermo.app.platform.crypto.FieldCipher cipher;
  @Autowired org.palermo.app.platform.crypto.DataKeys dataKeys;

  TestUser caseworker;
  UUID caseId;
  String base;

  @BeforeEach
  void aCase() {
    caseworker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    caseId = fixtures.caseOf(caseworker.agency().id());
    base = "/api/v1/cases/" + caseId + "/attachments";
  }

  ResultActions upload(TestUser user, String name, byte[] bytes) throws Exception {
    return mvc.perform(
        multipart(base)
            .file(new MockMultipartFile("file", name, "application/pdf", bytes))
            .header("Authorization", "Bearer " + accounts.token(user)));
  }

  UUID uploaded(String name, byte[] bytes) throws Exception {
    String body =
        upload(caseworker, name, bytes)
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return UUID.fromString(json.readTree(body).get("id").asString());
  }

  ResultActions download(TestUser user, UUID attachment) throws Exception {
    return mvc.perform(
        get(base + "/" + attachment).header("Authorization", "Bearer " + accounts.token(user)));
  }

  static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Test
  void an_attachment_is_stored_encrypted_and_decrypts_back_as_a_download() throws Exception {
    byte[] plain = SECRET.getBytes(StandardCharsets.UTF_8);
    UUID id = uploaded("employer-note.txt", plain);

    var row =
        jdbc.sql("SELECT content, file_name, wrapped_key FROM care_attachment WHERE id = ?")
            .param(id)
            .query((rs, n) -> new byte[][] {rs.getBytes(1), rs.getBytes(2), rs.getBytes(3)})
            .single();
    assertThat(contains(row[0], plain)).isFalse();
    assertThat(contains(row[0], "XK1234567".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(contains(row[1], "employer-note".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(row[0].length).isEqualTo(12 + plain.length + 16);
    assertThat(row[2].length).isEqualTo(12 + 32 + 16);

    download(caseworker, id)
        .andExpect(status().isOk())
        .andExpect(content().bytes(plain))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(
            header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
        .andExpect(
            header()
                .string(
                    "Content-Disposition",
                    org.hamcrest.Matchers.containsString("employer-note.txt")))
        .andExpect(header().string("Content-Type", "text/plain;charset=UTF-8"));
    mvc.perform(get(base).header("Authorization", "Bearer " + accounts.token(caseworker)))
        .andExpect(jsonPath("$[0].fileName").value("employer-note.txt"))
        .andExpect(jsonPath("$[0].contentType").value("text/plain"))
        .andExpect(jsonPath("$[0].size").value(plain.length));

    Path key = properties.dataDir().resolve("keys/master.key");
    assertThat(Files.getPosixFilePermissions(key))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(contains(Files.readAllBytes(key), plain)).isFalse();
    assertThat(fixtures.audits("care.attachment.upload", caseId, "SUCCESS")).isEqualTo(1);
    assertThat(fixtures.audits("care.attachment.download", caseId, "SUCCESS")).isEqualTo(1);
    assertThat(fixtures.timeline(caseId)).containsExactly("care.attachment.uploaded");
  }

  @Test
  void the_file_key_is_sealed_by_the_case_data_key_so_rotation_and_shredding_cover_it()
      throws Exception {
    byte[] plain = SECRET.getBytes(StandardCharsets.UTF_8);
    UUID id = uploaded("rotated-note.txt", plain);
    assertThat(
            jdbc.sql("SELECT key_id FROM care_attachment WHERE id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo(AttachmentCipher.CASE_DATA_KEY);
    assertThat(
            jdbc.sql("SELECT count(*) FROM data_key WHERE record_id = ?")
                .param(caseId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // After a master-key rotation (data keys re-wrapped, attachments untouched) it still opens.
    rotation.rotate();
    download(caseworker, id).andExpect(status().isOk()).andExpect(content().bytes(plain));
    // Erasing the case's data key (crypto-shredding) makes the file key unreadable for good.
    byte[] wrapped =
        jdbc.sql("SELECT wrapped_key FROM care_attachment WHERE id = ?")
            .param(id)
            .query(byte[].class)
            .single();
    String context = "attachment:" + id + ":key";
    assertThat(cipher.openBytes(caseId, context, wrapped)).hasSize(32);
    assertThat(dataKeys.erase(caseId)).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> cipher.openBytes(caseId, context, wrapped))
        .isInstanceOf(org.palermo.app.platform.crypto.SealedDataException.class);
  }

  @Test
  void a_user_without_the_right_gets_404_for_an_attachment() throws Exception {
    UUID id =
        uploaded(
            "letter.pdf",
            "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    TestUser otherAgency = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    TestUser sameAgencyNoCaseRole = accounts.user(caseworker.agency(), Role.STATISTICIAN);
    download(otherAgency, id).andExpect(status().isNotFound());
    download(sameAgencyNoCaseRole, id).andExpect(status().isNotFound());
    mvc.perform(get(base).header("Authorization", "Bearer " + accounts.token(otherAgency)))
        .andExpect(status().isNotFound());
    upload(otherAgency, "x.txt", "hello".getBytes(StandardCharsets.UTF_8))
        .andExpect(status().isNotFound());
    MockHttpSession session = CareFixtures.signIn(mvc, otherAgency);
    mvc.perform(get("/cases/" + caseId + "/attachments/" + id).session(session))
        .andExpect(status().isNotFound());
    // another case's attachment id through this case: no such attachment
    UUID otherCase = fixtures.caseOf(caseworker.agency().id());
    mvc.perform(
            get("/api/v1/cases/" + otherCase + "/attachments/" + id)
                .header("Authorization", "Bearer " + accounts.token(caseworker)))
        .andExpect(status().isNotFound());
    assertThat(fixtures.audits("care.attachment.download", caseId, "SUCCESS")).isZero();
  }

  @Test
  void a_script_named_pdf_is_refused_and_a_real_pdf_png_or_jpeg_accepted() throws Exception {
    upload(
            caseworker,
            "invoice.pdf",
            "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(jsonPath("$.reason").value("type"));
    upload(caseworker, "notes.txt", "  <svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))
        .andExpect(status().isUnsupportedMediaType());
    upload(caseworker, "photo.png", "%PDF-1.4 not a png".getBytes(StandardCharsets.US_ASCII))
        .andExpect(status().isUnsupportedMediaType());
    upload(caseworker, "page.html", "hello".getBytes(StandardCharsets.US_ASCII))
        .andExpect(status().isUnsupportedMediaType());
    upload(caseworker, "binary.txt", new byte[] {0, 1, 2, 3})
        .andExpect(status().isUnsupportedMediaType());
    uploaded("scan.pdf", "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII));
    uploaded(
        "photo.PNG", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13});
    uploaded("photo.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16});
    assertThat(
            jdbc.sql("SELECT count(*) FROM care_attachment WHERE case_id = ?")
                .param(caseId)
                .query(Long.class)
                .single())
        .isEqualTo(3);
    assertThat(fixtures.audits("care.attachment.upload", caseId, "FAILURE")).isEqualTo(5);
  }

  @Test
  void an_oversized_upload_is_a_413_problem_through_the_api_and_a_message_on_the_page()
      throws Exception {
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    upload(caseworker, "big.txt", big)
        .andExpect(status().isPayloadTooLarge())
        .andExpect(header().string("Content-Type", "application/problem+json"))
        .andExpect(jsonPath("$.code").value("PAYLOAD_TOO_LARGE"));
    MockHttpSession session = CareFixtures.signIn(mvc, caseworker);
    mvc.perform(
            multipart("/cases/" + caseId + "/attachments")
                .file(new MockMultipartFile("file", "big.txt", "text/plain", big))
                .session(session)
                .with(csrf()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("id=\"upload-file-error\"")));
    mvc.perform(
            multipart("/cases/" + caseId + "/attachments")
                .file(
                    new MockMultipartFile(
                        "file", "ok.txt", "text/plain", "fine".getBytes(StandardCharsets.UTF_8)))
                .session(session)
                .with(csrf()))
        .andExpect(redirectedUrl("/cases/" + caseId + "/attachments?saved"));
    String page =
        mvc.perform(get("/cases/" + caseId + "/attachments").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("ok.txt").contains("enctype=\"multipart/form-data\"");
    assertThat(
            jdbc.sql("SELECT count(*) FROM care_attachment WHERE case_id = ?")
                .param(caseId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}

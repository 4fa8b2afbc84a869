package org.palermo.app.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.palermo.app.referral.ReferralFixtures.consentJson;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Erasures;
import org.palermo.app.access.Notifications;
import org.palermo.app.access.Role;
import org.palermo.app.directory.ServiceType;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue #14 item 14: the sender and the recipient of a referral write to each other on it, on the
 * page and through the API; nobody else reads or writes (404 to a third agency); the text is sealed
 * at rest; the other agency is notified; a referral that no longer links the two agencies takes no
 * more messages; subject access gives them and erasure removes them.
 */
@PalermoIntegrationTest
class ReferralMessagesIT {
  static final String ASK = "Can she come tonight? Qzwxmessage ask";
  static final String ANSWER = "Bed allocated, arrive 10:00 Qzwxmessage answer";

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;
  @Autowired ReferralSteps steps;
  @Autowired Notifications notifications;
  @Autowired Erasures erasures;
  @Autowired JdbcClient jdbc;

  record Parties(Actor sender, Actor recipient, UUID caseId, UUID referralId) {}

  Parties referral(String name) throws Exception {
    Actor sender = fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    Agency shelterAgency = accounts.agency(AgencyType.SERVICE_PROVIDER);
    Actor recipient = fixtures.actor(shelterAgency, Role.CASEWORKER);
    UUID shelter =
        fixtures.service(shelterAgency, name, ServiceType.SHELTER, List.of("fr"), 45.0, 12.0);
    UUID caseId = fixtures.adultCase(sender.agency(), "fr");
    MvcResult r =
        mvc.perform(
                post("/api/v1/referrals")
                    .header("Authorization", sender.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"caseId": "%s", "serviceId": "%s", "need": "SAFE_ACCOMMODATION",
                         "scope": ["IDENTITY", "CONTACT"], "note": "Needs a bed", %s}"""
                            .formatted(caseId, shelter, consentJson())))
            .andReturn();
    assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
    UUID id = UUID.fromString(JsonPath.read(r.getResponse().getContentAsString(), "$.id"));
    return new Parties(sender, recipient, caseId, id);
  }

  MvcResult apiPost(Actor who, UUID referralId, String text) throws Exception {
    return mvc.perform(
            post("/api/v1/referrals/" + referralId + "/messages")
                .header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": " + (text == null ? "null" : "\"" + text + "\"") + "}"))
        .andReturn();
  }

  int apiGet(Actor who, UUID referralId) throws Exception {
    return mvc.perform(
            get("/api/v1/referrals/" + referralId + "/messages")
                .header("Authorization", who.bearer()))
        .andReturn()
        .getResponse()
        .getStatus();
  }

  long messages(UUID referralId) {
    return jdbc.sql("SELECT count(*) FROM referral_message WHERE referral_id = ?")
        .param(referralId)
        .query(Long.class)
        .single();
  }

  @Test
  void sender_and_recipient_exchange_messages_on_the_page_and_the_api() throws Exception {
    Parties p = referral("Messages shelter");
    MockHttpSession senderPage = ScreeningFixtures.signIn(mvc, p.sender().user());

    // The sender writes on the referral page (a form without script).
    mvc.perform(
            post("/referrals/" + p.referralId() + "/messages")
                .session(senderPage)
                .with(csrf())
                .param("message", ASK))
        .andExpect(status().is3xxRedirection());

    // The recipient reads it through the API, with the sender's agency, and answers.
    mvc.perform(
            get("/api/v1/referrals/" + p.referralId() + "/messages")
                .header("Authorization", p.recipient().bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.messages.length()").value(1))
        .andExpect(jsonPath("$.messages[0].text").value(ASK))
        .andExpect(
            jsonPath("$.messages[0].authorAgency.id").value(p.sender().agency().id().toString()))
        .andExpect(jsonPath("$.writable").value(true));
    MvcResult answered = apiPost(p.recipient(), p.referralId(), ANSWER);
    assertThat(answered.getResponse().getStatus())
        .as(answered.getResponse().getContentAsString())
        .isEqualTo(201);
    assertThat(
            JsonPath.<List<String>>read(
                answered.getResponse().getContentAsString(), "$.messages[*].text"))
        .containsExactly(ASK, ANSWER);

    // The sender sees the thread oldest first, with the author agencies and <time> elements.
    String page =
        mvc.perform(get("/referrals/" + p.referralId()).session(senderPage))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Messages between the two agencies")))
            .andExpect(content().string(containsString("<time datetime=")))
            .andExpect(content().string(containsString(p.recipient().agency().name())))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page.indexOf("Can she come tonight?"))
        .isPositive()
        .isLessThan(page.indexOf("Bed allocated"));
    // The recipient's page shows it too, in Arabic as well.
    MockHttpSession recipientPage = ScreeningFixtures.signIn(mvc, p.recipient().user());
    mvc.perform(get("/referrals/" + p.referralId()).param("lang", "ar").session(recipientPage))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("الرسائل بين الجهتين")))
        .andExpect(content().string(containsString("Bed allocated, arrive 10:00")));

    // Refused on the page, the form comes back with 422, the text kept and the reason at the
    // field; nothing is stored.
    mvc.perform(
            post("/referrals/" + p.referralId() + "/messages")
                .session(senderPage)
                .with(csrf())
                .param("message", "   "))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("Write the message before sending it.")))
        .andExpect(content().string(containsString("aria-invalid=\"true\"")));
    String tooLong = "Qzwxlong ".repeat(230);
    mvc.perform(
            post("/referrals/" + p.referralId() + "/messages")
                .session(senderPage)
                .with(csrf())
                .param("message", tooLong))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("The message is too long")))
        .andExpect(content().string(containsString(tooLong.strip())));
    MvcResult empty = apiPost(p.recipient(), p.referralId(), "");
    assertThat(empty.getResponse().getStatus()).isEqualTo(400);
    assertThat(empty.getResponse().getContentAsString()).contains("MESSAGE_REQUIRED");
    assertThat(messages(p.referralId())).isEqualTo(2);

    // Sealed at rest: neither text is in any column of the table, and the sealed value is bound
    // to its row.
    List<String> rows =
        jdbc.sql("SELECT t::text FROM referral_message t WHERE referral_id = ?")
            .param(p.referralId())
            .query(String.class)
            .list();
    assertThat(rows).hasSize(2).noneMatch(r -> r.contains("Qzwxmessage"));
    List<byte[]> sealed =
        jdbc.sql("SELECT text_sealed FROM referral_message WHERE referral_id = ?")
            .param(p.referralId())
            .query(byte[].class)
            .list();
    assertThat(sealed)
        .noneMatch(b -> new String(b, StandardCharsets.UTF_8).contains("Qzwxmessage"))
        .noneMatch(b -> new String(b, StandardCharsets.ISO_8859_1).contains("Qzwxmessage"));

    // Each side is notified of the other's message, without its text; a third agency never.
    assertThat(notifications.forAgency(p.recipient().principal(), 200))
        .anyMatch(n -> n.kind().equals("referralMessage") && p.caseId().equals(n.caseId()))
        .noneMatch(n -> n.detail().contains("Qzwxmessage"));
    assertThat(notifications.forAgency(p.sender().principal(), 200))
        .anyMatch(n -> n.kind().equals("referralMessage") && p.caseId().equals(n.caseId()))
        .noneMatch(n -> n.detail().contains("Qzwxmessage"));
    mvc.perform(get("/notifications").session(recipientPage))
        .andExpect(content().string(containsString("A new message on a referral")));

    // Every read and write is audited, without the text.
    assertThat(fixtures.audits("referral.message.write", p.caseId(), "SUCCESS")).isEqualTo(2);
    assertThat(fixtures.audits("referral.messages.read", p.caseId(), "SUCCESS")).isPositive();
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_event WHERE detail LIKE '%Qzwxmessage%'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void a_third_agency_gets_404_and_a_closed_referral_takes_no_more_messages() throws Exception {
    Parties p = referral("Closed messages shelter");
    assertThat(apiPost(p.sender(), p.referralId(), ASK).getResponse().getStatus()).isEqualTo(201);
    Actor third = fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);

    // Another agency: 404, as for a referral that exists nowhere; nothing written.
    assertThat(apiGet(third, p.referralId())).isEqualTo(404);
    assertThat(apiGet(third, UUID.randomUUID())).isEqualTo(404);
    assertThat(apiPost(third, p.referralId(), "Intruder").getResponse().getStatus()).isEqualTo(404);
    MockHttpSession thirdPage = ScreeningFixtures.signIn(mvc, third.user());
    mvc.perform(
            post("/referrals/" + p.referralId() + "/messages")
                .session(thirdPage)
                .with(csrf())
                .param("message", "Intruder"))
        .andExpect(status().isNotFound());
    assertThat(messages(p.referralId())).isOne();
    assertThat(fixtures.audits("referral.message.write", p.caseId(), "SUCCESS")).isOne();

    // Completed, the recipient keeps the referral view, so reads and writes the messages.
    steps.accept(p.recipient().principal(), p.referralId());
    steps.complete(p.recipient().principal(), p.referralId());
    assertThat(apiGet(p.recipient(), p.referralId())).isEqualTo(200);
    assertThat(apiPost(p.recipient(), p.referralId(), ANSWER).getResponse().getStatus())
        .isEqualTo(201);

    // The sender withdraws what the recipient keeps: the recipient no longer sees the messages
    // (and its page shows no thread), and nobody writes any more.
    steps.revoke(p.sender().principal(), p.referralId());
    assertThat(apiGet(p.recipient(), p.referralId())).isEqualTo(403);
    MockHttpSession recipientPage = ScreeningFixtures.signIn(mvc, p.recipient().user());
    mvc.perform(get("/referrals/" + p.referralId()).session(recipientPage))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("Qzwxmessage"))));
    MvcResult closed = apiPost(p.sender(), p.referralId(), "Still there?");
    assertThat(closed.getResponse().getStatus()).isEqualTo(409);
    assertThat(closed.getResponse().getContentAsString()).contains("MESSAGES_CLOSED");
    // The sender, who owns the case, still reads the thread, and its page offers no form.
    assertThat(apiGet(p.sender(), p.referralId())).isEqualTo(200);
    MockHttpSession senderPage = ScreeningFixtures.signIn(mvc, p.sender().user());
    mvc.perform(get("/referrals/" + p.referralId()).session(senderPage))
        .andExpect(content().string(containsString("Qzwxmessage answer")))
        .andExpect(content().string(not(containsString("name=\"message\""))));
    assertThat(messages(p.referralId())).isEqualTo(2);
  }

  @Test
  void subject_access_gives_the_messages_and_erasure_removes_them() throws Exception {
    Parties p = referral("Erased messages shelter");
    assertThat(apiPost(p.sender(), p.referralId(), ASK).getResponse().getStatus()).isEqualTo(201);
    assertThat(apiPost(p.recipient(), p.referralId(), ANSWER).getResponse().getStatus())
        .isEqualTo(201);
    Actor dpo = fixtures.actor(p.sender().agency(), Role.DATA_PROTECTION_OFFICER);

    mvc.perform(
            get("/api/v1/privacy/cases/" + p.caseId() + "/export")
                .header("Authorization", dpo.bearer()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("referral_message")))
        .andExpect(content().string(containsString(ANSWER)));

    UUID request = erasures.request(p.sender().principal(), p.caseId(), "The person asked");
    erasures.decide(dpo.principal(), request, true, "Art. 17 applies");

    assertThat(messages(p.referralId())).isZero();
  }
}

package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * OIDC sign-in is switched on by properties, maps the provider's subject (never a user name) to a
 * local account, and keeps the second factor.
 */
@SpringBootTest(
    properties = {
      "palermo.data-dir=${java.io.tmpdir}/palermo-oidc-${random.uuid}",
      "palermo.delete-data-dir-on-exit=true",
      "logging.level.root=WARN",
      "logging.structured.format.console=",
      "spring.security.oauth2.client.registration.test-idp.client-id=palermo",
      "spring.security.oauth2.client.registration.test-idp.client-secret=secret",
      "spring.security.oauth2.client.registration.test-idp.client-name=Ministry sign-in",
      "spring.security.oauth2.client.registration.test-idp.authorization-grant-type=authorization_code",
      "spring.security.oauth2.client.registration.test-idp.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
      "spring.security.oauth2.client.registration.test-idp.scope=openid,profile",
      "spring.security.oauth2.client.provider.test-idp.authorization-uri=https://idp.invalid/authorize",
      "spring.security.oauth2.client.provider.test-idp.token-uri=https://idp.invalid/token",
      "spring.security.oauth2.client.provider.test-idp.jwk-set-uri=https://idp.invalid/jwks",
      "spring.security.oauth2.client.provider.test-idp.user-info-uri=https://idp.invalid/userinfo",
      "spring.security.oauth2.client.provider.test-idp.user-name-attribute=sub"
    })
@AutoConfigureMockMvc
class OidcLoginIT {
  @Autowired MockMvc mvc;
  @Autowired OidcLogin oidcLogin;
  @Autowired TestAccounts accounts;
  @Autowired Accounts accountService;

  @Test
  void the_sign_in_page_offers_the_provider_and_sends_the_browser_to_it() throws Exception {
    String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("Ministry sign-in").contains("/oauth2/authorization/test-idp");

    MvcResult redirect = mvc.perform(get("/oauth2/authorization/test-idp")).andReturn();
    assertThat(redirect.getResponse().getStatus()).isEqualTo(302);
    assertThat(redirect.getResponse().getRedirectedUrl())
        .startsWith("https://idp.invalid/authorize?")
        .contains("client_id=palermo")
        .contains("state=");
  }

  static final String ISSUER = "https://idp.invalid/realms/gov";

  static OAuth2AuthenticationToken signedIn(Map<String, Object> claims) {
    var authorities = List.of(new SimpleGrantedAuthority("OIDC_USER"));
    return new OAuth2AuthenticationToken(
        new DefaultOAuth2User(authorities, claims, "sub"), authorities, "test-idp");
  }

  static Map<String, Object> claims(String subject, String username, Object... amr) {
    Map<String, Object> c = new java.util.HashMap<>();
    c.put("iss", ISSUER);
    c.put("sub", subject);
    c.put("preferred_username", username);
    if (amr.length > 0) {
      c.put("amr", List.of(amr));
    }
    return c;
  }

  MockHttpServletResponse complete(OAuth2AuthenticationToken token) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login/oauth2/code/x");
    MockHttpServletResponse response = new MockHttpServletResponse();
    oidcLogin.onAuthenticationSuccess(request, response, token);
    return response;
  }

  @Test
  void the_provider_user_is_matched_on_issuer_and_subject_never_on_a_user_name() throws Exception {
    // Issue #11 item 13: a provider user who chose the name of a local account took it over.
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    String subject = java.util.UUID.randomUUID().toString();

    var sameName = signedIn(claims("someone-else", user.username()));
    assertThat(
            oidcLogin
                .asserted(sameName)
                .flatMap(a -> accountService.enabledOidcUser(a.issuer(), a.subject())))
        .isEmpty();
    assertThat(complete(sameName).getRedirectedUrl()).isEqualTo("/login?error=oidc");

    accountService.linkOidc(user.username(), ISSUER, subject, "test");
    var linked = signedIn(claims(subject, "any-name-at-all"));
    assertThat(complete(linked).getRedirectedUrl()).isEqualTo("/");
    // The same subject from another issuer is another person.
    Map<String, Object> foreign = claims(subject, user.username());
    foreign.put("iss", "https://other.invalid");
    assertThat(complete(signedIn(foreign)).getRedirectedUrl()).isEqualTo("/login?error=oidc");
  }

  @Test
  void an_administrator_signing_in_by_oidc_still_needs_a_second_factor() throws Exception {
    TestUser admin = accounts.user(AgencyType.COORDINATION, Role.ADMIN);
    String subject = java.util.UUID.randomUUID().toString();
    accountService.linkOidc(admin.username(), ISSUER, subject, "test");

    // Password only at the provider: the local second factor (here its enrolment) comes next.
    MockHttpServletResponse pwdOnly = complete(signedIn(claims(subject, "x", "pwd")));
    assertThat(pwdOnly.getRedirectedUrl()).isEqualTo("/login/mfa");
    assertThat(
            org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication())
        .isInstanceOf(MfaPendingAuthentication.class);

    // A one-time code alone (RFC 8176 "otp" may be a single factor) does not skip the second one.
    assertThat(complete(signedIn(claims(subject, "x", "otp"))).getRedirectedUrl())
        .isEqualTo("/login/mfa");
    org.springframework.security.core.context.SecurityContextHolder.clearContext();

    // A second factor asserted by the provider (RFC 8176 amr "mfa") completes the session.
    MockHttpServletResponse withOtp = complete(signedIn(claims(subject, "x", "pwd", "mfa")));
    assertThat(withOtp.getRedirectedUrl()).isEqualTo("/");
    assertThat(
            org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication()
                .getAuthorities())
        .extracting(Object::toString)
        .contains(Authorities.FULLY_AUTHENTICATED);
    org.springframework.security.core.context.SecurityContextHolder.clearContext();
  }
}

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
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** OIDC sign-in is switched on by properties and maps the provider's user to a local account. */
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
      "spring.security.oauth2.client.provider.test-idp.user-name-attribute=preferred_username"
    })
@AutoConfigureMockMvc
class OidcLoginIT {
  @Autowired MockMvc mvc;
  @Autowired OidcLogin oidcLogin;
  @Autowired TestAccounts accounts;

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

  @Test
  void the_provider_user_must_match_an_enabled_local_account() {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    var authorities = List.of(new SimpleGrantedAuthority("OIDC_USER"));
    var known =
        new OAuth2AuthenticationToken(
            new DefaultOAuth2User(
                authorities, Map.of("preferred_username", user.username()), "preferred_username"),
            authorities,
            "test-idp");
    var unknown =
        new OAuth2AuthenticationToken(
            new DefaultOAuth2User(
                authorities, Map.of("preferred_username", "stranger"), "preferred_username"),
            authorities,
            "test-idp");

    assertThat(oidcLogin.map(known))
        .hasValueSatisfying(
            p -> {
              assertThat(p.userId()).isEqualTo(user.id());
              assertThat(p.roles()).containsExactly(Role.CASEWORKER);
            });
    assertThat(oidcLogin.map(unknown)).isEmpty();
  }
}

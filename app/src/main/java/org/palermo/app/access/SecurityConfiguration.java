package org.palermo.app.access;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.ApiProblems;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains: the API ({@code /api/**}), stateless, authenticated by personal API tokens and
 * answering 401/403 as problem documents; and the web interface, with sessions, CSRF protection,
 * password + TOTP login, optional OIDC, and idle/absolute session lifetimes ({@link
 * SessionTimeouts}). Both send the headers of SECURITY.md §9.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  static final String[] PUBLIC_PATHS = {
    "/login",
    "/login/oidc",
    "/css/**",
    "/js/**",
    "/webjars/**",
    "/favicon.ico",
    "/error",
    "/actuator/health",
    "/actuator/health/**",
    "/v3/api-docs",
    "/v3/api-docs/**",
    "/swagger-ui/**",
    "/swagger-ui.html"
  };

  @Bean
  PasswordEncoder passwordEncoder() {
    return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
  }

  @Bean
  HttpSessionSecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }

  /**
   * The public HSDS API of the service directory: read-only (GET only), anonymous, and it never
   * creates a session. Directory data is public and holds no personal data.
   */
  @Bean
  @Order(0)
  SecurityFilterChain hsds(HttpSecurity http) throws Exception {
    http.securityMatcher("/hsds", "/hsds/**")
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(org.springframework.http.HttpMethod.GET, "/hsds", "/hsds/**")
                    .permitAll()
                    .anyRequest()
                    .denyAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .requestCache(r -> r.disable())
        // Any web page may read the public directory from a browser (CORS for GET, no cookies),
        // and its answers may be cached for five minutes: they hold no personal data (#14 item 18).
        .cors(c -> c.configurationSource(hsdsCors()));
    headers(http);
    http.headers(
        h ->
            h.cacheControl(c -> c.disable())
                .addHeaderWriter(
                    new StaticHeadersWriter(HttpHeaders.CACHE_CONTROL, "public, max-age=300")));
    return http.build();
  }

  /**
   * The federation inbox (issue 15, docs/federation.md): POST only, no user, no session, no
   * cookies. Each message is authenticated by its sender's signature, checked by the federation
   * module before anything is stored, so CSRF (a cookie-borne attack) does not apply.
   */
  @Bean
  @Order(0)
  SecurityFilterChain federationInbox(HttpSecurity http) throws Exception {
    http.securityMatcher("/federation/v1/inbox")
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(org.springframework.http.HttpMethod.POST, "/federation/v1/inbox")
                    .permitAll()
                    .anyRequest()
                    .denyAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .requestCache(r -> r.disable());
    headers(http);
    return http.build();
  }

  static org.springframework.web.cors.CorsConfigurationSource hsdsCors() {
    org.springframework.web.cors.CorsConfiguration cors =
        new org.springframework.web.cors.CorsConfiguration();
    cors.addAllowedOrigin("*");
    cors.addAllowedMethod(org.springframework.http.HttpMethod.GET);
    cors.addAllowedMethod(org.springframework.http.HttpMethod.HEAD);
    cors.addAllowedHeader("*");
    cors.setAllowCredentials(false);
    cors.setMaxAge(java.time.Duration.ofDays(1));
    org.springframework.web.cors.UrlBasedCorsConfigurationSource source =
        new org.springframework.web.cors.UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/hsds/**", cors);
    source.registerCorsConfiguration("/hsds", cors);
    return source;
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http,
      Accounts accounts,
      BadTokenAudit refusals,
      JsonMapper json,
      RequestVolumeMonitor volume)
      throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(Authorities.FULLY_AUTHENTICATED))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .requestCache(r -> r.disable())
        .anonymous(a -> a.disable())
        .addFilterBefore(
            new ApiTokenFilter(accounts, refusals, json, volume), BasicAuthenticationFilter.class)
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                        (req, res, ex) -> {
                          res.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                          ApiProblems.write(
                              res,
                              json,
                              ErrorCode.UNAUTHENTICATED,
                              "Send a personal API token as 'Authorization: Bearer <token>'.");
                        })
                    .accessDeniedHandler(
                        (req, res, ex) ->
                            ApiProblems.write(
                                res, json, ErrorCode.FORBIDDEN, ErrorCode.FORBIDDEN.title())));
    headers(http);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain web(
      HttpSecurity http,
      PasswordLogin passwordLogin,
      HttpSessionSecurityContextRepository contexts,
      PalermoProperties properties,
      ObjectProvider<ClientRegistrationRepository> oidc,
      OidcLogin oidcLogin,
      SessionProperties sessions,
      Clock clock,
      AuditLog audit,
      KeptSubmissions kept,
      EndedSessions ended)
      throws Exception {
    http.authorizeHttpRequests(
            a ->
                a.requestMatchers(PUBLIC_PATHS)
                    .permitAll()
                    // The public service directory for migrants (read-only, no personal data).
                    .requestMatchers(
                        org.springframework.http.HttpMethod.GET, "/directory", "/directory/**")
                    .permitAll()
                    // The rights pages for migrants (issue 18 item 1): public, no personal data.
                    .requestMatchers(
                        org.springframework.http.HttpMethod.GET, "/rights", "/rights/**")
                    .permitAll()
                    .requestMatchers("/login/mfa", "/login/mfa/**")
                    .hasAuthority(Authorities.MFA_PENDING)
                    .requestMatchers("/actuator/**")
                    .hasAuthority(Role.ADMIN.authority())
                    .anyRequest()
                    .hasAuthority(Authorities.FULLY_AUTHENTICATED))
        // PasswordLogin is the one global AuthenticationProvider bean: registering it here too
        // would run it twice per attempt (local manager, then its parent).
        .securityContext(c -> c.securityContextRepository(contexts))
        // Idle and absolute session lifetimes (ASVS V3.3.1, V3.3.2), before any authorisation.
        .addFilterAfter(
            new SessionTimeouts(sessions, clock, audit, kept), SecurityContextHolderFilter.class)
        .formLogin(
            f ->
                f.loginPage("/login").successHandler(loginSuccess(kept)).failureUrl("/login?error"))
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .addFilterBefore(
            new LoginThrottle(properties.security().loginAttemptsPerMinute()),
            org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter
                .class)
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(SessionTimeouts.signInEntryPoint("/login"))
                    .accessDeniedHandler(
                        (req, res, ex) -> {
                          var auth =
                              org.springframework.security.core.context.SecurityContextHolder
                                  .getContext()
                                  .getAuthentication();
                          if (auth instanceof MfaPendingAuthentication) {
                            res.sendRedirect(req.getContextPath() + "/login/mfa");
                          } else {
                            if (ex instanceof org.springframework.security.web.csrf.CsrfException
                                && req.getRequestedSessionId() != null
                                && !req.isRequestedSessionIdValid()) {
                              // A form of a session the container freed after the idle timeout:
                              // kept for its user if it carries that session's token (item 3).
                              var late = ended.take(req.getRequestedSessionId());
                              if (late.isPresent()
                                  && kept.keep(req, res, late.get().who(), late.get().token())) {
                                res.sendRedirect(
                                    req.getContextPath() + SessionTimeouts.EXPIRED_URL);
                                return;
                              }
                            }
                            if (ex instanceof org.springframework.security.web.csrf.CsrfException) {
                              req.setAttribute(
                                  org.palermo.app.platform.ErrorAnswers.CSRF_REFUSED, true);
                            }
                            res.sendError(HttpServletResponse.SC_FORBIDDEN);
                          }
                        }));
    if (oidc.getIfAvailable() != null) {
      http.oauth2Login(o -> o.loginPage("/login").successHandler(oidcLogin));
    }
    headers(http);
    return http.build();
  }

  private static AuthenticationSuccessHandler loginSuccess(KeptSubmissions kept) {
    SavedRequestAwareAuthenticationSuccessHandler saved =
        new SavedRequestAwareAuthenticationSuccessHandler();
    saved.setDefaultTargetUrl("/");
    return (req, res, auth) -> {
      if (auth instanceof MfaPendingAuthentication) {
        res.sendRedirect(req.getContextPath() + "/login/mfa");
      } else if (auth.getPrincipal() instanceof PalermoPrincipal who
          && kept.waitingFor(req, who.userId())) {
        // The answers of a form posted after the session expired (issue #14 item 3).
        res.sendRedirect(req.getContextPath() + KeptSubmissionPage.PATH);
      } else {
        saved.onAuthenticationSuccess(req, res, auth);
      }
    };
  }

  private static void headers(HttpSecurity http) throws Exception {
    http.headers(
        h ->
            h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                .frameOptions(f -> f.deny())
                .httpStrictTransportSecurity(
                    s ->
                        s.includeSubDomains(true)
                            .maxAgeInSeconds(31_536_000)
                            .requestMatcher(AnyRequestMatcher.INSTANCE))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                .addHeaderWriter(
                    new StaticHeadersWriter(
                        "Permissions-Policy",
                        "camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
                .addHeaderWriter(
                    new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin"))
                .addHeaderWriter(
                    new StaticHeadersWriter("Cross-Origin-Resource-Policy", "same-origin")));
  }
}

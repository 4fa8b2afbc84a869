package org.palermo.app.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in pages: password, then (where required) the TOTP second factor. */
@Controller
class LoginController {
  static final String ENROL_SECRET = "palermo.mfa.enrol-secret";

  private final Accounts accounts;
  private final SecondFactor secondFactor;
  private final HttpSessionSecurityContextRepository contexts;
  private final ObjectProvider<ClientRegistrationRepository> oidc;
  private final KeptSubmissions kept;

  LoginController(
      Accounts accounts,
      SecondFactor secondFactor,
      HttpSessionSecurityContextRepository contexts,
      ObjectProvider<ClientRegistrationRepository> oidc,
      KeptSubmissions kept) {
    this.accounts = accounts;
    this.secondFactor = secondFactor;
    this.contexts = contexts;
    this.oidc = oidc;
    this.kept = kept;
  }

  @GetMapping("/login")
  String login(Model model, HttpServletRequest request) {
    model.addAttribute("noUsers", !accounts.hasUsers());
    model.addAttribute("keptWaiting", KeptSubmissions.handleSent(request));
    List<OidcProvider> providers = new ArrayList<>();
    if (oidc.getIfAvailable() instanceof InMemoryClientRegistrationRepository registrations) {
      for (ClientRegistration r : registrations) {
        providers.add(new OidcProvider(r.getRegistrationId(), r.getClientName()));
      }
    }
    model.addAttribute("oidcProviders", providers);
    return "login";
  }

  /** An identity provider offered on the sign-in page. */
  record OidcProvider(String id, String name) {}

  @GetMapping("/login/mfa")
  String mfa(Model model, HttpSession session) {
    MfaPendingAuthentication pending = pending();
    if (pending.enrolmentRequired()) {
      String secret = (String) session.getAttribute(ENROL_SECRET);
      if (secret == null) {
        secret = secondFactor.newSecret();
        session.setAttribute(ENROL_SECRET, secret);
      }
      model.addAttribute("secret", secret);
      model.addAttribute("qr", secondFactor.qrSvg(secret, pending.getPrincipal().username()));
      model.addAttribute("action", "/login/mfa/enrol");
      return "mfa-enrol";
    }
    return "mfa";
  }

  @PostMapping("/login/mfa")
  String verify(
      @RequestParam(defaultValue = "") String code,
      HttpServletRequest request,
      HttpServletResponse response) {
    MfaPendingAuthentication pending = pending();
    if (pending.enrolmentRequired()) {
      return "redirect:/login/mfa";
    }
    if (!secondFactor.verify(pending.getPrincipal(), code)) {
      return "redirect:/login/mfa?error";
    }
    complete(pending.getPrincipal(), request, response);
    return afterSignIn(pending.getPrincipal(), request);
  }

  @PostMapping("/login/mfa/enrol")
  String enrol(
      @RequestParam(defaultValue = "") String code,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpSession session) {
    MfaPendingAuthentication pending = pending();
    String secret = (String) session.getAttribute(ENROL_SECRET);
    if (secret == null || !secondFactor.enrol(pending.getPrincipal(), secret, code)) {
      return "redirect:/login/mfa?error";
    }
    session.removeAttribute(ENROL_SECRET);
    if (!secondFactor.verifyEnrolled(pending.getPrincipal())) {
      return "redirect:/login/mfa?error";
    }
    complete(pending.getPrincipal(), request, response);
    return afterSignIn(pending.getPrincipal(), request);
  }

  /** Home, or the answers kept when the session expired (issue #14 item 3). */
  private String afterSignIn(PalermoPrincipal who, HttpServletRequest request) {
    return kept.waitingFor(request, who.userId())
        ? "redirect:" + KeptSubmissionPage.PATH
        : "redirect:/";
  }

  private void complete(
      PalermoPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(Authorities.full(principal));
    SecurityContextHolder.setContext(context);
    request.changeSessionId();
    contexts.saveContext(context, request, response);
  }

  private static MfaPendingAuthentication pending() {
    return (MfaPendingAuthentication) SecurityContextHolder.getContext().getAuthentication();
  }
}

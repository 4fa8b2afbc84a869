package org.palermo.app.access;

import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: second factor and personal API tokens. */
@Controller
class AccountController {
  private final Accounts accounts;
  private final SecondFactor secondFactor;

  AccountController(Accounts accounts, SecondFactor secondFactor) {
    this.accounts = accounts;
    this.secondFactor = secondFactor;
  }

  @GetMapping("/account")
  String account(Model model) {
    PalermoPrincipal me = CurrentUser.get();
    model.addAttribute("me", me);
    model.addAttribute(
        "secondFactor",
        accounts.user(me.userId()).map(Accounts.UserSummary::secondFactor).orElse(false));
    model.addAttribute("tokens", accounts.tokens(me.userId()));
    return "account";
  }

  @PostMapping("/account/tokens")
  String issue(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "90") int days,
      RedirectAttributes redirect) {
    PalermoPrincipal me = CurrentUser.get();
    int validDays = Math.max(1, Math.min(days, 365));
    Accounts.IssuedToken token =
        accounts.issueToken(me.username(), name, Duration.ofDays(validDays), me.username());
    redirect.addFlashAttribute("issued", token);
    return "redirect:/account";
  }

  @PostMapping("/account/tokens/{id}/revoke")
  String revoke(@PathVariable UUID id) {
    PalermoPrincipal me = CurrentUser.get();
    accounts.revokeToken(me.userId(), id, me.username());
    return "redirect:/account";
  }

  @GetMapping("/account/mfa")
  String enrolPage(Model model, HttpSession session) {
    PalermoPrincipal me = CurrentUser.get();
    String secret = (String) session.getAttribute(LoginController.ENROL_SECRET);
    if (secret == null) {
      secret = secondFactor.newSecret();
      session.setAttribute(LoginController.ENROL_SECRET, secret);
    }
    model.addAttribute("secret", secret);
    model.addAttribute("qr", secondFactor.qrSvg(secret, me.username()));
    model.addAttribute("action", "/account/mfa");
    return "mfa-enrol";
  }

  @PostMapping("/account/mfa")
  String enrol(@RequestParam(defaultValue = "") String code, HttpSession session) {
    PalermoPrincipal me = CurrentUser.get();
    String secret = (String) session.getAttribute(LoginController.ENROL_SECRET);
    if (secret == null || !secondFactor.enrol(me, secret, code)) {
      return "redirect:/account/mfa?error";
    }
    session.removeAttribute(LoginController.ENROL_SECRET);
    return "redirect:/account?enrolled";
  }
}

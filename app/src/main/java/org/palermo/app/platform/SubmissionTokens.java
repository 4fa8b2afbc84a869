package org.palermo.app.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.palermo.app.platform.Idempotency.Claimed;
import org.palermo.app.platform.Idempotency.Earlier;
import org.palermo.app.platform.Idempotency.Reply;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * One submission is one record (issue #14 §1 item 1): every page form that posts carries a one-time
 * submission token, the pages' equivalent of the API's {@code Idempotency-Key}, on the same
 * mechanism ({@link Idempotency}, table {@code idempotency_record}, 24 hours, per user).
 *
 * <ul>
 *   <li>{@link TokenFields} adds the hidden field {@value #FIELD} to every {@code method="post"}
 *       form rendered with {@code th:action}, composed with Spring Security's processor that adds
 *       the CSRF token the same way, so no template names it;
 *   <li>{@link Replays}, after Spring Security (so after the CSRF check), runs the first post of a
 *       token and remembers its redirect; a second post of the same token (a double click, a
 *       resubmitted page) gets the same redirect and creates nothing. A second post that arrives
 *       while the first is still running waits for its answer (a browser shows the answer to the
 *       last click). The same token with other form values (Back, then a changed form) is a
 *       submission of its own and runs, untracked: a page never drops what was typed.
 * </ul>
 *
 * Only redirects are remembered (never a page body, which may hold personal data): a post that
 * answers with a page (a refused form shown again, a download) forgets its token, so the form can
 * be sent again. {@code /static/js/submit-once.js} also disables the button while the request is in
 * flight; without script the token alone keeps one submission one record.
 */
@Configuration(proxyBeanMethods = false)
class SubmissionTokens {
  /** The hidden field's name. */
  static final String FIELD = "_submission";

  /** Keys of page submissions are kept apart from the API's keys. */
  static final String PREFIX = "form:";

  /** Longest wait for the answer of a first submission still running. */
  static final long WAIT_MILLIS = 30_000;

  private static final String POST_FORM = SubmissionTokens.class.getName() + ".post";

  @Bean
  static BeanPostProcessor submissionTokenFields() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) throws BeansException {
        if ("requestDataValueProcessor".equals(name)
            && bean instanceof RequestDataValueProcessor delegate
            && !(bean instanceof TokenFields)) {
          return new TokenFields(delegate);
        }
        return bean;
      }
    };
  }

  @Bean
  FilterRegistrationBean<Replays> submissionReplays(Idempotency idempotency) {
    FilterRegistrationBean<Replays> registration =
        new FilterRegistrationBean<>(new Replays(idempotency));
    registration.setOrder(0); // after Spring Security's chain (-100): the user is known
    registration.addUrlPatterns("/*");
    return registration;
  }

  /** Adds the one-time token to every form that posts, next to the CSRF token. */
  static final class TokenFields implements RequestDataValueProcessor {
    private final RequestDataValueProcessor delegate;

    TokenFields(RequestDataValueProcessor delegate) {
      this.delegate = delegate;
    }

    @Override
    public String processAction(HttpServletRequest request, String action, String method) {
      request.setAttribute(POST_FORM, method != null && "post".equalsIgnoreCase(method));
      return delegate.processAction(request, action, method);
    }

    @Override
    public String processFormFieldValue(
        HttpServletRequest request, String name, String value, String type) {
      return delegate.processFormFieldValue(request, name, value, type);
    }

    @Override
    public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
      Map<String, String> fields = delegate.getExtraHiddenFields(request);
      if (!Boolean.TRUE.equals(request.getAttribute(POST_FORM))) {
        return fields;
      }
      Map<String, String> all = new java.util.LinkedHashMap<>();
      if (fields != null) {
        all.putAll(fields);
      }
      all.put(FIELD, UUID.randomUUID().toString());
      return all;
    }

    @Override
    public String processUrl(HttpServletRequest request, String url) {
      return delegate.processUrl(request, url);
    }
  }

  /** Runs the first post of a token; answers a replay with the first redirect. */
  static final class Replays extends OncePerRequestFilter {
    private final Idempotency idempotency;

    Replays(Idempotency idempotency) {
      this.idempotency = idempotency;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !"POST".equals(request.getMethod())
          || request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String token = request.getParameter(FIELD);
      Optional<String> owner = owner();
      if (token == null || owner.isEmpty()) {
        chain.doFilter(request, response);
        return;
      }
      String key = PREFIX + token;
      String fingerprint =
          Idempotency.fingerprint("POST", request.getRequestURI(), formValues(request));
      long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
      while (true) {
        Idempotency.Claim claim;
        try {
          claim = idempotency.claim(owner.get(), key, fingerprint);
        } catch (PalermoException e) {
          // A malformed token, or the token of a form sent before with other values (the user
          // went Back and changed the form): a submission of its own, which runs as sent.
          chain.doFilter(request, response);
          return;
        }
        if (claim instanceof Claimed) {
          break;
        }
        Optional<Reply> first = ((Earlier) claim).reply();
        if (first.isPresent()) {
          replay(response, first.get());
          return;
        }
        // The first post of this token is still running: wait for its answer.
        Optional<Reply> answer = waitFor(owner.get(), key, deadline);
        if (answer.isPresent()) {
          replay(response, answer.get());
          return;
        }
        if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
          response.sendError(HttpServletResponse.SC_CONFLICT);
          return;
        }
        // The first post created nothing and forgot the token: this one runs.
      }
      boolean remembered = false;
      try {
        chain.doFilter(request, response);
        int status = response.getStatus();
        String location = response.getHeader("Location");
        if (status >= 300 && status < 400 && location != null) {
          idempotency.complete(owner.get(), key, new Reply(status, location, null));
          remembered = true;
        }
      } finally {
        if (!remembered) {
          idempotency.release(owner.get(), key);
        }
      }
    }

    private Optional<Reply> waitFor(String owner, String key, long deadline) {
      while (System.nanoTime() < deadline) {
        Optional<Reply> answer = idempotency.answer(owner, key);
        if (answer.isPresent() || !idempotency.known(owner, key)) {
          return answer;
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Optional.empty();
        }
      }
      return Optional.empty();
    }

    private static void replay(HttpServletResponse response, Reply first) {
      response.setStatus(first.status());
      response.setHeader("Location", first.location());
    }

    /** The form's values in a fixed order, without the CSRF and submission tokens. */
    private static String formValues(HttpServletRequest request) {
      Map<String, String> values = new TreeMap<>();
      request
          .getParameterMap()
          .forEach(
              (name, v) -> {
                if (!FIELD.equals(name) && !"_csrf".equals(name)) {
                  values.put(name, String.join("\u0000", v));
                }
              });
      return values.toString();
    }

    private static Optional<String> owner() {
      Authentication auth = SecurityContextHolder.getContext().getAuthentication();
      if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
        return Optional.empty();
      }
      return Optional.of(auth.getName());
    }
  }
}

package org.palermo.app.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.support.RequestDataValueProcessor;
import org.springframework.web.util.WebUtils;

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
 *       while the first is still running is answered at once, without waiting for the first (no
 *       server thread is held, which on a slow link would only pile up requests): 409 with {@code
 *       Retry-After} and a "still saving" page whose button sends the same form again, same token,
 *       and then gets the first answer (or runs, if the first saved nothing). The same token with
 *       other form values (Back, then a changed form) or another file (multipart forms: each file
 *       part counts by its SHA-256) is a submission of its own and runs, untracked: a page never
 *       drops what was typed.
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

  /** The {@code Retry-After} of the answer to a post whose first submission is still running. */
  static final int RETRY_AFTER_SECONDS = 2;

  /**
   * Request attribute for the error page: the submission whose first post is still running ({@link
   * StillSaving}), so the page can say so and offer to send it again.
   */
  static final String STILL_SAVING = SubmissionTokens.class.getName() + ".stillSaving";

  /**
   * A submission whose first post is still running: where it posts and the values to send again
   * (none for a form with files, which a page cannot send again).
   */
  public record StillSaving(String action, List<Map.Entry<String, String>> fields) {}

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
      Optional<UUID> owner = owner();
      if (token == null || owner.isEmpty()) {
        chain.doFilter(request, response);
        return;
      }
      String key = PREFIX + token;
      String fingerprint = fingerprint(request);
      Idempotency.Claim claim;
      try {
        claim = idempotency.claim(owner.get(), key, fingerprint);
      } catch (PalermoException e) {
        // A malformed token, or the token of a form sent before with other values (the user
        // went Back and changed the form): a submission of its own, which runs as sent.
        chain.doFilter(request, response);
        return;
      }
      if (claim instanceof Earlier earlier) {
        Optional<Reply> first = earlier.reply();
        if (first.isPresent()) {
          replay(response, first.get());
          return;
        }
        // The first post of this token is still running. Answer at once, never holding a server
        // thread to wait for it (on a slow link a wait only piles up requests): 409 with
        // Retry-After and the "still saving" page, whose button sends the same form again, same
        // token — it then gets the first answer, or runs if the first saved nothing.
        request.setAttribute(STILL_SAVING, stillSaving(request));
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        response.sendError(HttpServletResponse.SC_CONFLICT);
        return;
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

    private static void replay(HttpServletResponse response, Reply first) {
      response.setStatus(first.status());
      response.setHeader("Location", first.location());
    }

    private static StillSaving stillSaving(HttpServletRequest request) throws IOException {
      List<Map.Entry<String, String>> fields = new java.util.ArrayList<>();
      if (!files(request).isEmpty()) {
        return new StillSaving(request.getRequestURI(), List.of());
      }
      request
          .getParameterMap()
          .forEach(
              (name, values) -> {
                if (!"_csrf".equals(name)) {
                  for (String v : values) {
                    fields.add(Map.entry(name, v));
                  }
                }
              });
      return new StillSaving(request.getRequestURI(), List.copyOf(fields));
    }

    private static Optional<UUID> owner() {
      Authentication auth = SecurityContextHolder.getContext().getAuthentication();
      if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
        return Optional.empty();
      }
      return auth.getPrincipal() instanceof UserIdentity user
          ? Optional.of(user.userId())
          : Optional.empty();
    }
  }

  /**
   * What identifies a page submission: the path, the form's values in a fixed order without the
   * CSRF and submission tokens, and each file part by its name, file name and the SHA-256 of its
   * bytes, so that the same token with another file is a submission of its own.
   */
  static String fingerprint(HttpServletRequest request) throws IOException {
    Map<String, String> values = new TreeMap<>();
    request
        .getParameterMap()
        .forEach(
            (name, v) -> {
              if (!FIELD.equals(name) && !"_csrf".equals(name)) {
                values.put(name, String.join("\u0000", v));
              }
            });
    Map<String, String> files = files(request);
    return Idempotency.fingerprint(
        "POST",
        request.getRequestURI(),
        files.isEmpty() ? values.toString() : values + "\nfiles=" + files);
  }

  /** The file parts of a multipart request: "part name#n" to "file name, sha256:…". */
  static Map<String, String> files(HttpServletRequest request) throws IOException {
    Map<String, String> files = new TreeMap<>();
    // Already resolved (a test's mock request, behind the security chain's wrappers).
    MultipartHttpServletRequest multipart =
        WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    if (multipart != null) {
      for (var entry : multipart.getMultiFileMap().entrySet()) {
        int n = 0;
        for (MultipartFile f : entry.getValue()) {
          try (InputStream in = f.getInputStream()) {
            files.put(entry.getKey() + "#" + n++, f.getOriginalFilename() + ", " + sha256(in));
          }
        }
      }
    }
    String type = request.getContentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
      return files;
    }
    Map<String, Integer> seen = new LinkedHashMap<>();
    java.util.Collection<Part> parts;
    try {
      parts = request.getParts();
    } catch (ServletException | IllegalStateException | IOException e) {
      // Not readable as multipart here (not multipart, or over the upload limit): the handler
      // answers it (400, 413 page); there is no file to count.
      return files;
    }
    for (Part p : parts) {
      if (p.getSubmittedFileName() == null) {
        continue;
      }
      int n = seen.merge("part:" + p.getName(), 1, Integer::sum) - 1;
      try (InputStream in = p.getInputStream()) {
        files.put("part:" + p.getName() + "#" + n, p.getSubmittedFileName() + ", " + sha256(in));
      }
    }
    return files;
  }

  private static String sha256(InputStream in) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (DigestInputStream d = new DigestInputStream(in, digest)) {
        d.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return "sha256:" + HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.palermo.app.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language selection: {@code ?lang=xx} switches to a supported language and remembers it in a
 * cookie; otherwise the browser's Accept-Language decides.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("palermo-lang");
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setCookieSecure(true);
    resolver.setCookieHttpOnly(true);
    resolver.setCookieSameSite(ResponseCookie.from("x").sameSite("Lax").build().getSameSite());
    resolver.setDefaultLocaleFunction(
        request -> {
          Locale requested = request.getLocale();
          return Languages.resolve(requested);
        });
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new SupportedLanguageChangeInterceptor());
  }

  /** Accepts only supported languages; any other {@code lang} value is ignored. */
  static final class SupportedLanguageChangeInterceptor extends LocaleChangeInterceptor {
    SupportedLanguageChangeInterceptor() {
      setParamName("lang");
      setIgnoreInvalidLocale(true);
    }

    @Override
    public boolean preHandle(
        HttpServletRequest request, HttpServletResponse response, Object handler)
        throws jakarta.servlet.ServletException {
      String lang = request.getParameter(getParamName());
      if (lang != null && !Languages.isSupported(Locale.forLanguageTag(lang))) {
        return true;
      }
      return super.preHandle(request, response, handler);
    }
  }
}

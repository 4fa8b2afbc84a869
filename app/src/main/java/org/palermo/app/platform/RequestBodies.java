package org.palermo.app.platform;

import java.lang.reflect.Type;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Request bodies are checked once, at the edge, for every endpoint (issue #11 items 10 and 11): the
 * size limit and well-formed UTF-8 in {@link RequestBodyGuard}; no NUL character in any JSON text
 * (PostgreSQL cannot store one, and no field needs it); and a JSON body that is the literal {@code
 * null} is refused where a handler reads the body as text.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodies {

  @Bean
  FilterRegistrationBean<RequestBodyGuard> requestBodyGuard(
      @Value("${palermo.http.max-body-size:5MB}") DataSize max, JsonMapper json) {
    FilterRegistrationBean<RequestBodyGuard> registration =
        new FilterRegistrationBean<>(new RequestBodyGuard(max.toBytes(), json));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10); // before security and parsing
    registration.addUrlPatterns("/*");
    return registration;
  }

  /** The outermost catch: unexpected failures logged by class and place only. */
  @Bean
  FilterRegistrationBean<UnexpectedErrors> unexpectedErrors(JsonMapper json) {
    FilterRegistrationBean<UnexpectedErrors> registration =
        new FilterRegistrationBean<>(new UnexpectedErrors(json));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5); // around every other filter of ours
    registration.addUrlPatterns("/*");
    return registration;
  }

  /** JSON text may not hold U+0000: refused as a malformed body (400), whichever field. */
  @Bean
  SimpleModule noNulInJsonText() {
    SimpleModule module = new SimpleModule("palermo-no-nul");
    module.addDeserializer(String.class, new NoNulStrings());
    return module;
  }

  static final class NoNulStrings extends StringDeserializer {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
      String s = super.deserialize(p, ctxt);
      if (s != null && s.indexOf('\u0000') >= 0) {
        return ctxt.reportInputMismatch(this, "A text holds a NUL character.");
      }
      return s;
    }
  }

  /** A body read as text must be a JSON value other than {@code null}. */
  @ControllerAdvice
  static final class NullBody extends RequestBodyAdviceAdapter {
    @Override
    public boolean supports(
        MethodParameter parameter,
        Type targetType,
        Class<? extends HttpMessageConverter<?>> converterType) {
      return targetType == String.class;
    }

    @Override
    public Object afterBodyRead(
        Object body,
        HttpInputMessage input,
        MethodParameter parameter,
        Type targetType,
        Class<? extends HttpMessageConverter<?>> converterType) {
      MediaType type = input.getHeaders().getContentType();
      if (body instanceof String s
          && type != null
          && type.isCompatibleWith(MediaType.APPLICATION_JSON)
          && (s.isBlank() || s.strip().equals("null"))) {
        throw new PalermoException(
            ErrorCode.MALFORMED_REQUEST, "The request body must be a JSON object, not null.");
      }
      return body;
    }
  }
}

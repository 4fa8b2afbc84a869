package org.palermo.app.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error of a page is shown inside the product's frame (issue #14 item 5). Spring MVC's own
 * failures before or around a page handler (no such page, a method the page does not take, a query
 * value of the wrong type, a multipart body over its limit) would otherwise be answered by the
 * global problem-details handler with JSON, which a browser shows raw. For pages they are sent to
 * the container's error dispatch instead, where {@code ErrorAnswers} renders the translated error
 * page in the layout; the API ({@link ApiProblems#machine}) keeps its problem documents.
 */
@Configuration(proxyBeanMethods = false)
class PageErrors {

  @Bean
  HandlerExceptionResolver pageFrameworkErrors() {
    return new FrameworkErrorsOfPages();
  }

  /**
   * Multipart parsing is not tried again on the error dispatch: a body refused as too large would
   * fail a second time there, before the error page could be chosen.
   */
  @Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
  StandardServletMultipartResolver multipartResolver() {
    return new StandardServletMultipartResolver() {
      @Override
      public boolean isMultipart(HttpServletRequest request) {
        return request.getDispatcherType() != DispatcherType.ERROR && super.isMultipart(request);
      }
    };
  }

  /**
   * On the error dispatch of a request whose parameters the container could not parse (a multipart
   * body over its limit, refused by {@link RequestBodyGuard}), every later read of a parameter
   * would throw the parse failure again — in a filter, the language interceptor or the page — and
   * end in the container's own error page. The error page needs no parameter of the refused
   * request: there, such a request has none.
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> unreadableParametersOnErrorPages() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected boolean shouldNotFilterErrorDispatch() {
                return false;
              }

              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws ServletException, IOException {
                if (request.getDispatcherType() != DispatcherType.ERROR || readable(request)) {
                  chain.doFilter(request, response);
                } else {
                  chain.doFilter(new NoParameters(request), response);
                }
              }
            });
    registration.setDispatcherTypes(DispatcherType.ERROR);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/*");
    return registration;
  }

  private static boolean readable(HttpServletRequest request) {
    try {
      request.getParameterMap();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** A request without parameters or parts. */
  static final class NoParameters extends HttpServletRequestWrapper {
    NoParameters(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getParameter(String name) {
      return null;
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return Map.of();
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.emptyEnumeration();
    }

    @Override
    public String[] getParameterValues(String name) {
      return null;
    }

    @Override
    public Collection<Part> getParts() {
      return List.of();
    }

    @Override
    public Part getPart(String name) {
      return null;
    }
  }

  static final class FrameworkErrorsOfPages implements HandlerExceptionResolver, Ordered {
    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public ModelAndView resolveException(
        HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (ApiProblems.machine(path) || request.getDispatcherType() == DispatcherType.ERROR) {
        return null;
      }
      int status;
      if (e instanceof PalermoException) {
        return null; // the module's own refusal: WebErrorPages
      } else if (e instanceof ErrorResponse r) {
        status = r.getStatusCode().value();
      } else if (e instanceof MultipartException) {
        status = 400; // a multipart body that cannot be read (too large is an ErrorResponse: 413)
      } else if (e instanceof TypeMismatchException
          || e instanceof HttpMessageNotReadableException) {
        status = 400;
      } else {
        return null;
      }
      try {
        response.sendError(status);
      } catch (IOException io) {
        return null;
      }
      return new ModelAndView();
    }
  }
}

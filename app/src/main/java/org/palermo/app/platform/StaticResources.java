package org.palermo.app.platform;

import jakarta.servlet.DispatcherType;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static CSS and JavaScript for slow links (issue #14 item 18): every URL a page writes with
 * {@code @{/css/...}} or {@code @{/js/...}} carries the file's content hash ({@code
 * palermo-3f2a….css}), so the file can be cached for a year and never revalidated ({@code public,
 * max-age=31536000, immutable}); a new release changes the hash and so the URL. Tomcat compresses
 * them ({@code server.compression.*}). Pages themselves stay {@code no-store} (Spring Security's
 * default headers): they hold personal data. Spring Boot's own mappings are switched off ({@code
 * spring.web.resources.add-mappings=false}) so that these three are the only static locations.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {
  static final CacheControl A_YEAR =
      CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    register(registry, "/css/**", "classpath:/static/css/");
    register(registry, "/js/**", "classpath:/static/js/");
    register(registry, "/webjars/**", "classpath:/META-INF/resources/webjars/");
  }

  private static void register(ResourceHandlerRegistry registry, String path, String location) {
    registry
        .addResourceHandler(path)
        .addResourceLocations(location)
        .setCacheControl(A_YEAR)
        .resourceChain(true)
        .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
  }

  /** Rewrites the links pages write to static files into their fingerprinted form. */
  @Bean
  FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
    FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
        new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
    return registration;
  }
}

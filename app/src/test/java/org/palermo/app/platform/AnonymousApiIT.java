package org.palermo.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every {@code /api/v1} handler the application registers refuses anonymous calls with a 401
 * problem document, never a login redirect. The list is read from the handler mappings, so a new
 * endpoint is covered the moment it exists.
 */
@PalermoIntegrationTest
class AnonymousApiIT {
  @Autowired MockMvc mvc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  record Endpoint(HttpMethod method, String path) {}

  List<Endpoint> apiEndpoints() {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = e.getKey();
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/v1")) {
          continue;
        }
        String path = pattern.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000001");
        var methods = info.getMethodsCondition().getMethods();
        if (methods.isEmpty()) {
          endpoints.add(new Endpoint(HttpMethod.GET, path));
        }
        for (RequestMethod m : methods) {
          endpoints.add(new Endpoint(HttpMethod.valueOf(m.name()), path));
        }
      }
    }
    return endpoints;
  }

  @Test
  void every_api_handler_answers_anonymous_calls_with_401_problem() throws Exception {
    List<Endpoint> endpoints = apiEndpoints();
    assertThat(endpoints).as("API handlers found").isNotEmpty();
    assertThat(endpoints).contains(new Endpoint(HttpMethod.GET, "/api/v1/cases"));
    for (Endpoint endpoint : endpoints) {
      MvcResult result =
          mvc.perform(
                  request(endpoint.method(), endpoint.path())
                      .contentType("application/json")
                      .content("{}"))
              .andReturn();
      assertThat(result.getResponse().getStatus()).as(endpoint.toString()).isEqualTo(401);
      assertThat(result.getResponse().getContentType())
          .as(endpoint.toString())
          .startsWith("application/problem+json");
      assertThat(result.getResponse().getHeader("Location")).as(endpoint.toString()).isNull();
    }
  }
}

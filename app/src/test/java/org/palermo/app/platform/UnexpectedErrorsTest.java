package org.palermo.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Red-team re-test of issue 11: a failure no handler answered (a filter's, the multipart parser's,
 * a page handler's) is logged by class and place only, never with its message, which can carry a
 * submitted value, and answered with a generic 500 in the application's format.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedErrorsTest {
  @Test
  void an_unexpected_failure_is_logged_without_its_message_and_answered_as_a_problem(
      CapturedOutput output) throws Exception {
    UnexpectedErrors filter = new UnexpectedErrors(JsonMapper.builder().build());
    for (String uri : new String[] {"/api/v1/cases", "/cases/x/notes"}) {
      MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
      MockHttpServletResponse response = new MockHttpServletResponse();
      filter.doFilter(
          request,
          response,
          (req, res) -> {
            throw new ServletException(
                new IllegalArgumentException("Invalid file name: Drexmoor\u0000.txt"));
          });
      assertThat(response.getStatus()).isEqualTo(500);
      if (uri.startsWith("/api/")) {
        assertThat(response.getContentAsString()).contains("\"code\":\"INTERNAL\"");
      }
    }
    assertThat(output.getAll())
        .contains("java.lang.IllegalArgumentException at")
        .doesNotContain("Drexmoor")
        .doesNotContain("Invalid file name");
  }
}

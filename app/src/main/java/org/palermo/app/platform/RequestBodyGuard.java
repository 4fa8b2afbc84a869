package org.palermo.app.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one edge check of every request body (issue #11 items 10 and 11; ASVS 5.1.3, 13.1.3), before
 * anything parses it: a body longer than {@code palermo.http.max-body-size} (default 5 MB) is
 * refused with 413 — at once when {@code Content-Length} says so, otherwise as soon as the stream
 * passes the limit — and a body that is not well-formed UTF-8, or holds a NUL byte, with 400. Both
 * are problem documents on the API. Multipart uploads keep their own limits ({@code
 * spring.servlet.multipart.*}: 10 MB for an attachment). Every decoded query or form parameter,
 * multipart field and file name is checked here too, before a handler sees it: a C0 control other
 * than tab, CR and LF, or bytes that are not UTF-8, are refused with 400 ({@link
 * #checkParameters}).
 */
public final class RequestBodyGuard extends OncePerRequestFilter {
  private final long maxBytes;
  private final JsonMapper json;

  public RequestBodyGuard(long maxBytes, JsonMapper json) {
    this.maxBytes = maxBytes;
    this.json = json;
  }

  /** The body went past the limit while it was read. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("The request body is longer than " + limit + " bytes.");
    }
  }

  /** The body is not well-formed UTF-8 or holds a NUL byte. */
  public static final class Malformed extends IOException {
    private static final long serialVersionUID = 1L;

    Malformed(String why) {
      super(why);
    }
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    // One rule for every decoded value, before any handler or filter reads it (issue #11 item 11):
    // query and form parameters, multipart fields and file names.
    ErrorCode refused = checkParameters(request, multipart);
    if (refused != null) {
      refuse(
          request,
          response,
          refused,
          refused == ErrorCode.PAYLOAD_TOO_LARGE
              ? (multipart ? ErrorCode.PAYLOAD_TOO_LARGE.title() : tooLargeDetail())
              : "A parameter, field or file name holds a control character or is not valid"
                  + " UTF-8.");
      return;
    }
    if (multipart) {
      chain.doFilter(request, response); // its own limits: spring.servlet.multipart.*
      return;
    }
    if (request.getContentLengthLong() > maxBytes) {
      refuse(request, response, ErrorCode.PAYLOAD_TOO_LARGE, tooLargeDetail());
      return;
    }
    chain.doFilter(new Guarded(request, maxBytes, textual(type)), response);
  }

  /**
   * Decodes the query, a form body or the parts of a multipart body as the container will for the
   * handler, and refuses (400) a value, field or file name with a C0 control character other than
   * tab, CR and LF (PostgreSQL stores no NUL; none is typed), or bytes that are not UTF-8 (a
   * decoding failure, or the U+FFFD the container put in their place), and (413) a body over the
   * container's limits. Null when all is well.
   */
  static ErrorCode checkParameters(HttpServletRequest request, boolean multipart) {
    try {
      for (var e : request.getParameterMap().entrySet()) {
        if (!clean(e.getKey())) {
          return ErrorCode.MALFORMED_REQUEST;
        }
        for (String v : e.getValue()) {
          if (!clean(v)) {
            return ErrorCode.MALFORMED_REQUEST;
          }
        }
      }
      if (multipart) {
        for (jakarta.servlet.http.Part part : request.getParts()) {
          if (!clean(part.getName())) {
            return ErrorCode.MALFORMED_REQUEST;
          }
          String file = part.getSubmittedFileName();
          if (file != null) {
            if (!clean(file)) {
              return ErrorCode.MALFORMED_REQUEST;
            }
          } else if (part.getSize() <= MAX_FIELD_BYTES) {
            try (var in = part.getInputStream()) {
              if (!utf8(in.readAllBytes())) {
                return ErrorCode.MALFORMED_REQUEST;
              }
            }
          }
        }
      }
      return null;
    } catch (IllegalStateException | IOException | ServletException e) {
      if (tooLarge(e)) {
        return ErrorCode.PAYLOAD_TOO_LARGE;
      }
      if (e instanceof IllegalStateException && noMultipartConfig(e)) {
        return null; // not a servlet that takes uploads: the handler refuses the body itself
      }
      return ErrorCode.MALFORMED_REQUEST;
    } catch (RuntimeException e) {
      // Tomcat's InvalidParameterException, InvalidFileNameException (a NUL in a file name), ...
      return tooLarge(e) ? ErrorCode.PAYLOAD_TOO_LARGE : ErrorCode.MALFORMED_REQUEST;
    }
  }

  /** Multipart fields that are not files are checked up to this size (a form field is small). */
  private static final long MAX_FIELD_BYTES = 1024 * 1024;

  private static boolean noMultipartConfig(Throwable e) {
    return e.getMessage() != null && e.getMessage().contains("multi-part configuration");
  }

  private static boolean tooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String name = t.getClass().getSimpleName();
      if (name.equals("InvalidParameterException")) {
        // Tomcat's, with the status it would answer: 413 for a form over its limit.
        try {
          if (Integer.valueOf(413).equals(t.getClass().getMethod("getErrorCode").invoke(t))) {
            return true;
          }
        } catch (ReflectiveOperationException ignored) {
          // another class of that name: not a size limit
        }
      }
      if (name.contains("SizeLimitExceeded")
          || name.contains("SizeException")
          || name.equals("MaxUploadSizeExceededException")) {
        return true;
      }
    }
    return false;
  }

  /**
   * No C0 control other than tab, CR and LF, and no U+FFFD standing for bytes that were not UTF-8.
   */
  static boolean clean(String s) {
    if (s == null) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == '\uFFFD') {
        return false;
      }
    }
    return true;
  }

  /** Whether the bytes are well-formed UTF-8 and decode to a {@link #clean} text. */
  static boolean utf8(byte[] bytes) {
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
              .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
      return clean(s);
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  String tooLargeDetail() {
    return "Send at most " + maxBytes / (1024 * 1024) + " MB per request.";
  }

  private void refuse(
      HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
      throws IOException {
    // The unread body is not drained: the connection is closed after the answer.
    response.setHeader("Connection", "close");
    if (ApiProblems.machine(request.getRequestURI().substring(request.getContextPath().length()))) {
      ApiProblems.write(response, json, code, detail);
    } else {
      response.sendError(code.status().value());
    }
  }

  /** JSON, text and forms are text; anything else (an image, a zip) is bytes, not checked. */
  static boolean textual(String type) {
    if (type == null) {
      return true;
    }
    String t = type.toLowerCase(Locale.ROOT);
    if (t.contains("charset=")
        && !t.contains("charset=utf-8")
        && !t.contains("charset=\"utf-8\"")) {
      return true; // a declared other charset is refused too: the API speaks UTF-8 only
    }
    return t.startsWith("application/json")
        || t.startsWith("application/problem+json")
        || t.startsWith("application/merge-patch+json")
        || t.startsWith("text/")
        || t.startsWith("application/x-www-form-urlencoded")
        || t.contains("+json");
  }

  /**
   * Wraps the stream only when a reader asks for it: taking the container's stream early would stop
   * Tomcat from parsing a form body into parameters.
   */
  private static final class Guarded extends HttpServletRequestWrapper {
    private final long max;
    private final boolean text;
    private ServletInputStream in;
    private BufferedReader reader;

    Guarded(HttpServletRequest request, long max, boolean text) {
      super(request);
      this.max = max;
      this.text = text;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (in == null) {
        in = new Checked(super.getInputStream(), max, text);
      }
      return in;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      if (reader == null) {
        reader =
            new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
      }
      return reader;
    }
  }

  /** Counts bytes and, for text, checks UTF-8 (RFC 3629) byte by byte as they pass. */
  private static final class Checked extends ServletInputStream {
    private final ServletInputStream in;
    private final long max;
    private final boolean text;
    private long count;
    private int pending; // continuation bytes still expected
    private int lowest = 0x80; // the lowest valid value of the next continuation byte
    private int highest = 0xBF;

    Checked(ServletInputStream in, long max, boolean text) {
      this.in = in;
      this.max = max;
      this.text = text;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b < 0) {
        end();
        return b;
      }
      check(b);
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = in.read(buf, off, len);
      if (n < 0) {
        end();
        return n;
      }
      for (int i = 0; i < n; i++) {
        check(buf[off + i] & 0xFF);
      }
      return n;
    }

    private void end() throws IOException {
      if (text && pending > 0) {
        throw new Malformed("The request body is not valid UTF-8.");
      }
    }

    private void check(int b) throws IOException {
      if (++count > max) {
        throw new TooLarge(max);
      }
      if (!text) {
        return;
      }
      if (pending > 0) {
        if (b < lowest || b > highest) {
          throw new Malformed("The request body is not valid UTF-8.");
        }
        pending--;
        lowest = 0x80;
        highest = 0xBF;
        return;
      }
      if (b == 0) {
        throw new Malformed("The request body holds a NUL character.");
      }
      if (b < 0x80) {
        return;
      }
      if (b >= 0xC2 && b <= 0xDF) {
        pending = 1;
      } else if (b == 0xE0) {
        pending = 2;
        lowest = 0xA0;
      } else if (b == 0xED) {
        pending = 2;
        highest = 0x9F; // no UTF-16 surrogates
      } else if (b >= 0xE1 && b <= 0xEF) {
        pending = 2;
      } else if (b == 0xF0) {
        pending = 3;
        lowest = 0x90;
      } else if (b >= 0xF1 && b <= 0xF3) {
        pending = 3;
      } else if (b == 0xF4) {
        pending = 3;
        highest = 0x8F;
      } else {
        throw new Malformed("The request body is not valid UTF-8.");
      }
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}

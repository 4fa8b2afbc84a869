package org.palermo.linkage.clk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.palermo.linkage.clk.ClkMatcher.Encoded;
import org.palermo.linkage.io.LinkageInputException;

/**
 * The encoded file of {@code palermo link encode}: JSON lines, UTF-8. The first line is the header,
 * the parameters of the encoding and the fingerprint of the secret (never the secret):
 *
 * <pre>{"format":"palermo-clk","version":1,"q":2,"length":1024,"hardening":"BALANCED",
 * "weights":"name:12,birth_date:40,sex:2,citizenship:6,birth_place:3",
 * "key_fingerprint":"<32 hex>","bits":2048,"records":2}</pre>
 *
 * then one line a record, its id and its bits in base64 ({@link Bits#toBase64}):
 *
 * <pre>{"id":"r1","clk":"..."}</pre>
 *
 * Nothing else: no name, no date, no plaintext of any field. The file is written beside the target
 * and moved into place, so a failure leaves nothing behind. The reader accepts exactly this form
 * (flat objects, string and integer values) and names the line and the field of any problem.
 */
public final class EncodedFile {
  public static final String FORMAT = "palermo-clk";

  /** A file read back: its parameters and records. */
  public record Contents(ClkParameters parameters, List<Encoded> records) {}

  private EncodedFile() {}

  public static void write(Path out, ClkParameters p, List<Encoded> records) throws IOException {
    Path dir = out.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".clk-", ".tmp");
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        w.write("{\"format\":\"" + FORMAT + "\",\"version\":" + p.version());
        w.write(",\"q\":" + p.q() + ",\"length\":" + p.length());
        w.write(",\"hardening\":\"" + p.hardening() + "\"");
        w.write(",\"weights\":" + quote(p.weightsText()));
        w.write(",\"key_fingerprint\":" + quote(p.keyFingerprint()));
        w.write(",\"bits\":" + p.encodedLength() + ",\"records\":" + records.size() + "}\n");
        for (Encoded e : records) {
          w.write("{\"id\":" + quote(e.id()) + ",\"clk\":\"" + Bits.toBase64(e.bits()) + "\"}\n");
        }
      }
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static Contents read(Path file) throws IOException, LinkageInputException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (BufferedReader in =
        new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
      String first = in.readLine();
      if (first == null) {
        throw at(1, null, "the file is empty: a header line is needed");
      }
      Map<String, String> h = object(first, 1);
      if (!FORMAT.equals(h.get("format"))) {
        throw at(1, "format", "not an encoded file of palermo link encode (\"" + FORMAT + "\")");
      }
      ClkParameters p;
      int records;
      try {
        p =
            new ClkParameters(
                integer(h, "version", 1),
                integer(h, "q", 1),
                integer(h, "length", 1),
                Hardening.valueOf(required(h, "hardening", 1)),
                ClkParameters.parseWeights(required(h, "weights", 1)),
                required(h, "key_fingerprint", 1));
        records = integer(h, "records", 1);
      } catch (IllegalArgumentException e) {
        throw at(1, null, "bad parameters: " + e.getMessage());
      }
      if (p.version() != ClkParameters.VERSION) {
        throw at(1, "version", "version " + p.version() + " is not known to this Palermo");
      }
      if (integer(h, "bits", 1) != p.encodedLength()) {
        throw at(1, "bits", "does not agree with the length and the hardening");
      }
      List<Encoded> out = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      String line;
      long number = 1;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        Map<String, String> r = object(line, number);
        String id = required(r, "id", number);
        if (id.isEmpty()) {
          throw at(number, "id", "the id is empty");
        }
        if (!ids.add(id)) {
          throw at(number, "id", "the id \"" + id + "\" appears twice");
        }
        try {
          out.add(new Encoded(id, Bits.fromBase64(required(r, "clk", number), p.encodedLength())));
        } catch (IllegalArgumentException e) {
          throw at(number, "clk", e.getMessage());
        }
      }
      if (out.size() != records) {
        throw at(1, "records", "says " + records + " records where the file has " + out.size());
      }
      return new Contents(p, out);
    } catch (CharacterCodingException e) {
      throw new LinkageInputException("the file is not UTF-8 text");
    }
  }

  private static LinkageInputException at(long line, String field, String problem) {
    return new LinkageInputException(
        field == null
            ? "line " + line + ": " + problem
            : "line " + line + ", field " + field + ": " + problem);
  }

  private static String required(Map<String, String> o, String key, long line)
      throws LinkageInputException {
    String v = o.get(key);
    if (v == null) {
      throw at(line, key, "missing");
    }
    return v;
  }

  private static int integer(Map<String, String> o, String key, long line)
      throws LinkageInputException {
    try {
      return Integer.parseInt(required(o, key, line));
    } catch (NumberFormatException e) {
      throw at(line, key, "not an integer");
    }
  }

  /** A flat JSON object of string and integer values, all held as strings. */
  static Map<String, String> object(String s, long line) throws LinkageInputException {
    Map<String, String> o = new LinkedHashMap<>();
    int[] i = {0};
    skip(s, i);
    expect(s, i, '{', line);
    skip(s, i);
    if (peek(s, i) == '}') {
      i[0]++;
    } else {
      while (true) {
        skip(s, i);
        String key = string(s, i, line);
        skip(s, i);
        expect(s, i, ':', line);
        skip(s, i);
        String value;
        if (peek(s, i) == '"') {
          value = string(s, i, line);
        } else {
          int start = i[0];
          while (i[0] < s.length()
              && (Character.isDigit(s.charAt(i[0])) || s.charAt(i[0]) == '-')) {
            i[0]++;
          }
          if (start == i[0]) {
            throw at(line, key, "not a string or an integer");
          }
          value = s.substring(start, i[0]);
        }
        if (o.put(key, value) != null) {
          throw at(line, key, "appears twice");
        }
        skip(s, i);
        char c = peek(s, i);
        i[0]++;
        if (c == '}') {
          break;
        }
        if (c != ',') {
          throw at(line, null, "malformed JSON at character " + i[0]);
        }
      }
    }
    skip(s, i);
    if (i[0] != s.length()) {
      throw at(line, null, "malformed JSON: text after the object");
    }
    return o;
  }

  private static char peek(String s, int[] i) {
    return i[0] < s.length() ? s.charAt(i[0]) : '\0';
  }

  private static void skip(String s, int[] i) {
    while (i[0] < s.length() && Character.isWhitespace(s.charAt(i[0]))) {
      i[0]++;
    }
  }

  private static void expect(String s, int[] i, char c, long line) throws LinkageInputException {
    if (peek(s, i) != c) {
      throw at(line, null, "malformed JSON: '" + c + "' expected at character " + (i[0] + 1));
    }
    i[0]++;
  }

  private static String string(String s, int[] i, long line) throws LinkageInputException {
    expect(s, i, '"', line);
    StringBuilder b = new StringBuilder();
    while (true) {
      if (i[0] >= s.length()) {
        throw at(line, null, "malformed JSON: unterminated string");
      }
      char c = s.charAt(i[0]++);
      if (c == '"') {
        return b.toString();
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (i[0] >= s.length()) {
        throw at(line, null, "malformed JSON: unterminated string");
      }
      char e = s.charAt(i[0]++);
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'u' -> {
          if (i[0] + 4 > s.length()) {
            throw at(line, null, "malformed JSON: bad \\u escape");
          }
          try {
            b.append((char) Integer.parseInt(s.substring(i[0], i[0] + 4), 16));
          } catch (NumberFormatException x) {
            throw at(line, null, "malformed JSON: bad \\u escape");
          }
          i[0] += 4;
        }
        default -> throw at(line, null, "malformed JSON: bad escape \\" + e);
      }
    }
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}

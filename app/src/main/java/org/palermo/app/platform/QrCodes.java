package org.palermo.app.platform;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.util.Map;

/**
 * Renders a QR code as inline SVG, so no image request and no script is needed: the second factor's
 * enrolment and the printed rights pages. ZXing encodes; this only draws the modules, a run of dark
 * modules on a row as one rectangle, which keeps the code a few kilobytes.
 */
public final class QrCodes {
  private QrCodes() {}

  /** The QR code of {@code text}, {@code title} its accessible name, drawn {@code size} px wide. */
  public static String svg(String text, String title, int size) {
    try {
      BitMatrix m =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.CHARACTER_SET, "UTF-8"));
      StringBuilder path = new StringBuilder();
      for (int y = 0; y < m.getHeight(); y++) {
        for (int x = 0; x < m.getWidth(); x++) {
          if (m.get(x, y)) {
            int start = x;
            while (x + 1 < m.getWidth() && m.get(x + 1, y)) {
              x++;
            }
            int run = x - start + 1;
            path.append('M').append(start).append(',').append(y);
            path.append('h').append(run).append("v1h-").append(run).append('z');
          }
        }
      }
      return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 "
          + m.getWidth()
          + " "
          + m.getHeight()
          + "\" width=\""
          + size
          + "\" height=\""
          + size
          + "\""
          + " shape-rendering=\"crispEdges\"><title>"
          + escape(title)
          + "</title>"
          + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
          + path
          + "\"/></svg>";
    } catch (WriterException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The QR code drawn 220 px wide. */
  public static String svg(String text, String title) {
    return svg(text, title, 220);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

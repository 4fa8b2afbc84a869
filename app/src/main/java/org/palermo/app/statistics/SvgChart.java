package org.palermo.app.statistics;

import java.math.BigDecimal;
import java.util.List;
import org.palermo.app.statistics.StatTable.Cell;
import org.palermo.app.statistics.StatTable.Row;
import org.springframework.web.util.HtmlUtils;

/**
 * A horizontal bar chart of one column of a {@link StatTable}, drawn on the server as SVG: no
 * script, no library, no inline style (CSP). Accessible: {@code role="img"} labelled by its {@code
 * <title>} and {@code <desc>}; the table beside it is the full alternative. In a right-to-left
 * language the chart is mirrored: labels on the right, bars growing leftwards from the right-hand
 * axis, values to their left. Suppressed cells draw no bar and show {@code x}; total rows are not
 * drawn.
 */
final class SvgChart {
  static final int WIDTH = 640;
  static final int LABEL_WIDTH = 220;
  static final int VALUE_WIDTH = 70;
  static final int ROW = 26;
  static final int BAR = 18;

  private SvgChart() {}

  static String render(StatTable table, boolean rtl) {
    List<Row> rows = table.rows().stream().filter(r -> !r.total()).toList();
    int column = table.chartColumn();
    double max = 0;
    for (Row r : rows) {
      max = Math.max(max, value(r.cells().get(column)));
    }
    int height = Math.max(1, rows.size()) * ROW + 10;
    int plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    String id = "chart-" + table.id();
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"statistics-chart\" role=\"img\"")
        .append(" width=\"100%\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" aria-labelledby=\"")
        .append(id)
        .append("-title ")
        .append(id)
        .append("-desc\"")
        .append(rtl ? " direction=\"rtl\"" : "")
        .append(">");
    s.append("<title id=\"").append(id).append("-title\">").append(esc(table.title()));
    s.append(" — ").append(esc(table.headings().get(column + 1))).append("</title>");
    s.append("<desc id=\"").append(id).append("-desc\">").append(esc(table.description()));
    s.append("</desc>");
    int axis = rtl ? WIDTH - LABEL_WIDTH : LABEL_WIDTH;
    s.append("<line class=\"statistics-axis\" x1=\"").append(axis).append("\" y1=\"0\" x2=\"");
    s.append(axis).append("\" y2=\"").append(height).append("\"/>");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      Cell c = r.cells().get(column);
      int y = 5 + i * ROW;
      int length = max <= 0 ? 0 : (int) Math.round(value(c) / max * plot);
      int labelX = rtl ? WIDTH - LABEL_WIDTH + 8 : LABEL_WIDTH - 8;
      s.append("<text class=\"statistics-label\" x=\"").append(labelX).append("\" y=\"");
      s.append(y + BAR - 4).append("\" text-anchor=\"end\">").append(esc(r.label()));
      s.append("</text>");
      if (length > 0) {
        int x = rtl ? axis - length : axis;
        s.append("<rect class=\"statistics-bar\" x=\"").append(x).append("\" y=\"").append(y);
        s.append("\" width=\"").append(length).append("\" height=\"").append(BAR).append("\"/>");
      }
      int valueX = rtl ? axis - length - 4 : axis + length + 4;
      s.append("<text class=\"statistics-value\" x=\"").append(valueX).append("\" y=\"");
      s.append(y + BAR - 4).append("\" text-anchor=\"start\">").append(esc(c.text()));
      s.append("</text>");
    }
    return s.append("</svg>").toString();
  }

  private static double value(Cell c) {
    if (c.suppressed() || c.value() == null) {
      return 0;
    }
    return c.value() instanceof BigDecimal d ? d.doubleValue() : c.value().doubleValue();
  }

  private static String esc(String s) {
    return HtmlUtils.htmlEscape(s == null ? "" : s);
  }
}

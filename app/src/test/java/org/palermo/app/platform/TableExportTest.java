package org.palermo.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.palermo.app.platform.TableExport.Format;
import org.palermo.app.platform.TableExport.Table;

class TableExportTest {
  static final Table HOSTILE =
      new Table(
          "Cases",
          List.of("Reference", "Name", "Count"),
          List.of(
              Arrays.asList("PAL-1", "=HYPERLINK(\"http://x\",\"y\")", 3),
              Arrays.asList("PAL-2", "+1-2", null),
              Arrays.asList("PAL-3", "@SUM(A1)", -4),
              Arrays.asList("PAL-4", "-2+3", 0),
              Arrays.asList("PAL-5", "\tcmd", 1),
              Arrays.asList("PAL-6", "Amira Haddad, \"Mimi\"", 2),
              Arrays.asList("PAL-7", "أمينة", 5)));

  @Test
  void csv_cells_that_start_like_formulas_are_inert_text_and_quoting_survives() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TableExport.write(HOSTILE, Format.CSV, out);
    String csv = out.toString(StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFFReference,Name,Count\r\n");
    assertThat(csv).contains("PAL-1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",3\r\n");
    assertThat(csv).contains("PAL-2,'+1-2,\r\n");
    assertThat(csv).contains("PAL-3,'@SUM(A1),-4\r\n");
    assertThat(csv).contains("PAL-4,'-2+3,0\r\n");
    assertThat(csv).contains("PAL-5,'\tcmd,1\r\n");
    assertThat(csv).contains("PAL-6,\"Amira Haddad, \"\"Mimi\"\"\",2\r\n");
    assertThat(csv).contains("PAL-7,أمينة,5\r\n");
  }

  @Test
  void xlsx_holds_no_formula_cells_keeps_text_as_recorded_and_numbers_stay_numbers()
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TableExport.write(HOSTILE, Format.XLSX, out);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      Sheet sheet = wb.getSheet("Cases");
      assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Name");
      for (int r = 1; r <= 7; r++) {
        for (Cell cell : sheet.getRow(r)) {
          assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
        }
      }
      // Inline strings are never evaluated: the value stays exactly as recorded, no apostrophe.
      assertThat(sheet.getRow(1).getCell(1).getStringCellValue())
          .isEqualTo("=HYPERLINK(\"http://x\",\"y\")");
      assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("+1-2");
      assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).isEqualTo("-2+3");
      for (int r = 1; r <= 7; r++) {
        assertThat(sheet.getRow(r).getCell(1).getCellType()).isEqualTo(CellType.STRING);
      }
      assertThat(sheet.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(-4.0);
      assertThat(sheet.getRow(7).getCell(1).getStringCellValue()).isEqualTo("أمينة");
    }
  }

  @Test
  void an_unknown_format_is_a_validation_problem() {
    assertThat(Format.parse(" XLSX ")).isEqualTo(Format.XLSX);
    assertThatThrownBy(() -> Format.parse("pdf"))
        .isInstanceOf(PalermoException.class)
        .hasMessageContaining("csv or xlsx");
  }
}

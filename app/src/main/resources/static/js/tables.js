// Phone width (issue #14 item 18): tables reflow into stacked rows on a narrow screen (CSS), and
// each cell shows the name of its column. Templates may set data-label themselves; this fills in
// the rest from the table's header row. Progressive enhancement: without script the rows still
// stack, without the column names.
(() => {
  for (const table of document.querySelectorAll("main table")) {
    const head = table.tHead && table.tHead.rows[0];
    if (!head) {
      continue;
    }
    const names = Array.from(head.cells, (c) => c.textContent.trim());
    for (const body of table.tBodies) {
      for (const row of body.rows) {
        let column = 0;
        for (const cell of row.cells) {
          const name = names[column];
          if (name && !cell.hasAttribute("data-label")) {
            cell.setAttribute("data-label", name);
          }
          column += cell.colSpan || 1;
        }
      }
    }
  }
})();

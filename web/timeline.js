// Events per week, stacked by type, as SVG bars; dragging across weeks selects a date range
// (a click clears it). No charting library: a few dozen bars do not need one.
"use strict";
const SVG_NS = "http://www.w3.org/2000/svg";

function svgEl(name, attrs) {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

function addDays(iso, days) {
  const d = new Date(iso + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// weeks: [{week: "YYYY-MM-DD" (a Monday), counts: {type: n}}] in date order.
function renderTimeline(svg, weeks, types, colours, selection, onBrush) {
  const width = svg.clientWidth || 400, height = 110, axis = 16;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.replaceChildren();
  if (weeks.length === 0) return;
  // Every week between the first and the last, empty ones included, so time reads evenly.
  const all = [];
  const byWeek = new Map(weeks.map((w) => [w.week, w.counts]));
  for (let w = weeks[0].week; w <= weeks[weeks.length - 1].week; w = addDays(w, 7)) {
    all.push({ week: w, counts: byWeek.get(w) || {} });
  }
  const max = Math.max(1, ...all.map((w) => Object.values(w.counts).reduce((a, b) => a + b, 0)));
  const step = width / all.length;
  const inSelection = (w) => !selection.from || (w >= addDays(selection.from, -6) && w <= (selection.to || w));
  all.forEach((w, i) => {
    let y = height - axis;
    for (const type of types) {
      const n = w.counts[type] || 0;
      if (!n) continue;
      const h = ((height - axis - 4) * n) / max;
      y -= h;
      const bar = svgEl("rect", {
        x: i * step + 0.5, y, width: Math.max(1, step - 1), height: h, fill: colours[type],
        opacity: inSelection(w.week) ? 1 : 0.3, "data-week": w.week,
      });
      const title = svgEl("title", {});
      title.textContent = `${w.week}: ${n} × ${typeName(type)}`;
      bar.appendChild(title);
      svg.appendChild(bar);
    }
  });
  // Year and month ticks, left to right, each skipped where it would overlap the one before
  // (about 6 px a character at this size).
  let free = 0;
  all.forEach((w, i) => {
    if (w.week.slice(8, 10) <= "07" && (i === 0 || all[i - 1].week.slice(5, 7) !== w.week.slice(5, 7))) {
      const text = w.week.slice(5, 7) === "01" || i === 0 ? w.week.slice(0, 7) : w.week.slice(5, 7);
      const x = i * step + 1;
      if (x < free) return;
      const label = svgEl("text", { x, y: height - 3, "font-size": 10, fill: "#555" });
      label.textContent = text;
      svg.appendChild(label);
      free = x + text.length * 6 + 4;
    }
  });
  const brush = svgEl("rect", { class: "brush", x: 0, y: 0, width: 0, height: height - axis, visibility: "hidden" });
  svg.appendChild(brush);
  const weekAt = (clientX) => {
    const box = svg.getBoundingClientRect();
    const x = ((clientX - box.left) / box.width) * width;
    return Math.min(all.length - 1, Math.max(0, Math.floor(x / step)));
  };
  // The drag's first week is kept on the element, not in this closure: a refresh that redraws the
  // timeline in the middle of a drag (answers arriving late) must not lose it.
  const indexOf = (week) => {
    const i = all.findIndex((w) => w.week >= week);
    return i < 0 ? all.length - 1 : i;
  };
  const dragStart = () => (svg.dataset.dragFrom ? indexOf(svg.dataset.dragFrom) : null);
  svg.onpointerdown = (e) => {
    svg.dataset.dragFrom = all[weekAt(e.clientX)].week;
    svg.setPointerCapture(e.pointerId);
  };
  svg.onpointermove = (e) => {
    const start = dragStart();
    if (start === null) return;
    const a = Math.min(start, weekAt(e.clientX)), b = Math.max(start, weekAt(e.clientX));
    brush.setAttribute("x", a * step);
    brush.setAttribute("width", (b - a + 1) * step);
    brush.setAttribute("visibility", "visible");
  };
  svg.onpointerup = (e) => {
    const start = dragStart();
    if (start === null) return;
    delete svg.dataset.dragFrom;
    const end = weekAt(e.clientX);
    const a = Math.min(start, end), b = Math.max(start, end);
    brush.setAttribute("visibility", "hidden");
    if (a === b && e.detail <= 1 && selection.from) {
      onBrush(null, null);  // a click clears the selection
    } else {
      onBrush(all[a].week, addDays(all[b].week, 6));
    }
  };
}

// Small SVG charts drawn here (no chart library to ship): titled, with axis labels, legend outside.

const NS = "http://www.w3.org/2000/svg";
export const PALETTE = ["#4C72B0", "#DD8452", "#55A868", "#C44E52", "#8172B3", "#937860", "#DA8BC3"];

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

function niceMax(value) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

// Grouped vertical bars. categories: x labels; series: [{name, values:[...]}].
export function barChart({ title, xLabel, yLabel, categories, series, max, format = (v) => String(v) }) {
  const width = Math.max(360, 90 + categories.length * (28 + 22 * series.length));
  const height = 260;
  const left = 56;
  const right = 12;
  const top = 34;
  const bottom = 62 + (series.length > 1 ? 18 : 0);
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const top_ = max ?? niceMax(Math.max(0, ...series.flatMap((x) => x.values.map((v) => v ?? 0))));
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img", width, height });
  svg.append(s("title", {}, title));
  svg.append(s("text", { x: width / 2, y: 18, "text-anchor": "middle", class: "chart-title" }, title));
  for (let i = 0; i <= 4; i += 1) {
    const v = (top_ * i) / 4;
    const y = top + plotH - (plotH * i) / 4;
    svg.append(s("line", { x1: left, x2: left + plotW, y1: y, y2: y, class: "grid" }));
    svg.append(s("text", { x: left - 6, y: y + 4, "text-anchor": "end", class: "tick" }, format(v)));
  }
  const groupW = plotW / Math.max(1, categories.length);
  const barW = Math.min(36, (groupW - 12) / series.length);
  categories.forEach((cat, ci) => {
    const x0 = left + ci * groupW + (groupW - barW * series.length) / 2;
    series.forEach((ser, si) => {
      const v = ser.values[ci] ?? 0;
      const hgt = top_ ? (plotH * v) / top_ : 0;
      const rect = s("rect", {
        x: x0 + si * barW,
        y: top + plotH - hgt,
        width: Math.max(1, barW - 2),
        height: Math.max(0, hgt),
        fill: ser.color || PALETTE[si % PALETTE.length],
      });
      rect.append(s("title", {}, `${ser.name ? `${ser.name}, ` : ""}${cat}: ${format(v)}`));
      svg.append(rect);
      svg.append(
        s("text", { x: x0 + si * barW + barW / 2 - 1, y: top + plotH - hgt - 3, "text-anchor": "middle", class: "value" }, format(v)),
      );
    });
    const label = String(cat).length > 14 ? `${String(cat).slice(0, 13)}…` : String(cat);
    svg.append(s("text", { x: left + ci * groupW + groupW / 2, y: top + plotH + 14, "text-anchor": "middle", class: "tick" }, label));
  });
  svg.append(s("line", { x1: left, x2: left + plotW, y1: top + plotH, y2: top + plotH, class: "axis" }));
  svg.append(s("line", { x1: left, x2: left, y1: top, y2: top + plotH, class: "axis" }));
  svg.append(s("text", { x: left + plotW / 2, y: top + plotH + 34, "text-anchor": "middle", class: "axis-label" }, xLabel));
  svg.append(
    s("text", { x: 14, y: top + plotH / 2, "text-anchor": "middle", class: "axis-label", transform: `rotate(-90 14 ${top + plotH / 2})` }, yLabel),
  );
  if (series.length > 1) {
    // The legend sits under the axis label, outside the plot, so it never covers a bar.
    let x = left;
    const y = height - 10;
    series.forEach((ser, si) => {
      svg.append(s("rect", { x, y: y - 9, width: 10, height: 10, fill: ser.color || PALETTE[si % PALETTE.length] }));
      const t = s("text", { x: x + 14, y, class: "legend" }, ser.name);
      svg.append(t);
      x += 24 + 7 * ser.name.length;
    });
  }
  return svg;
}

// A histogram of values in [0, 1] (e.g. quality scores), with a threshold marked.
export function histogram({ title, xLabel, values, bins = 10, threshold }) {
  const counts = new Array(bins).fill(0);
  for (const v of values) {
    if (v === null || v === undefined) continue;
    counts[Math.min(bins - 1, Math.max(0, Math.floor(v * bins)))] += 1;
  }
  const categories = counts.map((_, i) => `${(i / bins).toFixed(1)}–${((i + 1) / bins).toFixed(1)}`);
  const colors = categories.map((_, i) => (threshold !== undefined && (i + 1) / bins <= threshold ? "#C44E52" : "#55A868"));
  const svg = barChart({
    title,
    xLabel,
    yLabel: "entries",
    categories,
    series: [{ name: "entries", values: counts }],
  });
  // Colour bars below the threshold apart (red) from those at or above it (green).
  svg.querySelectorAll("rect[fill]").forEach((rect, i) => {
    if (i < colors.length) rect.setAttribute("fill", colors[i]);
  });
  return svg;
}

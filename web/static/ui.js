// Small DOM helpers: elements from data with textContent only (no HTML from the server is parsed).

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key === "value") el.value = value;
    else if (key === "checked") el.checked = Boolean(value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function fmt(value, digits = 3) {
  if (value === null || value === undefined) return "–";
  if (typeof value === "number") {
    if (Number.isInteger(value)) return value.toLocaleString("en");
    return value.toFixed(digits).replace(/0+$/, "").replace(/\.$/, "");
  }
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function pct(value) {
  return value === null || value === undefined ? "–" : `${(100 * value).toFixed(1)}%`;
}

export function statusBadge(status) {
  return h("span", { class: `badge status-${status}`, "data-status": status }, status);
}

export function progressBar(value) {
  const v = Math.max(0, Math.min(100, Number(value) || 0));
  return h(
    "div",
    { class: "progress", role: "progressbar", "aria-valuenow": String(v), title: `${v.toFixed(0)}%` },
    h("div", { class: "progress-fill", style: `width:${v}%` }),
  );
}

export function duration(run) {
  if (!run.started_at) return "–";
  const start = Date.parse(run.started_at);
  const end = run.finished_at ? Date.parse(run.finished_at) : Date.now();
  const s = Math.max(0, (end - start) / 1000);
  if (s < 60) return `${s.toFixed(1)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}

export function when(iso) {
  if (!iso) return "–";
  const d = new Date(iso);
  return d.toLocaleString("en-GB", { dateStyle: "short", timeStyle: "medium" });
}

export function errorBox(err) {
  const box = h("div", { class: "error", role: "alert" }, h("strong", {}, err.message || String(err)));
  if (err.code) box.append(h("code", { class: "code" }, ` ${err.code}`));
  if (err.hint) box.append(h("div", { class: "hint" }, `Hint: ${err.hint}`));
  return box;
}

export function jsonBlock(value, open = false) {
  return h(
    "details",
    { class: "json", open },
    h("summary", {}, Array.isArray(value) ? `${value.length} items` : "JSON"),
    h("pre", {}, JSON.stringify(value, null, 2)),
  );
}

export function toast(message, kind = "info") {
  const el = h("div", { class: `toast toast-${kind}`, role: "status" }, message);
  document.body.append(el);
  setTimeout(() => el.remove(), 4000);
}

export function table(columns, rows, { onRow, rowClass } = {}) {
  return h(
    "table",
    { class: "table" },
    h("thead", {}, h("tr", {}, columns.map((c) => h("th", { class: c.class }, c.title)))),
    h(
      "tbody",
      {},
      rows.map((row) =>
        h(
          "tr",
          {
            class: [onRow ? "clickable" : "", rowClass ? rowClass(row) : ""].join(" ").trim() || undefined,
            onclick: onRow ? () => onRow(row) : undefined,
          },
          columns.map((c) => h("td", { class: c.class }, c.render(row))),
        ),
      ),
    ),
  );
}

// Data: the person's datasets (apart from run outputs), a dataset page, and HF / Kaggle search.

import { api, query, session, tool } from "./api.js";
import { barChart } from "./charts.js";
import { clear, errorBox, fmt, h, table, toast } from "./ui.js";

function size(bytes) {
  if (bytes === null || bytes === undefined) return "";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1048576) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

function credentialsForm() {
  const c = session.credentials;
  const hf = h("input", { type: "password", id: "hf-token", placeholder: "hf_…", value: c.hf_token || "", autocomplete: "off" });
  const ku = h("input", { id: "kaggle-username", placeholder: "username", value: c.kaggle_username || "", autocomplete: "off" });
  const kk = h("input", { type: "password", id: "kaggle-key", placeholder: "key", value: c.kaggle_key || "", autocomplete: "off" });
  return h(
    "details",
    { class: "credentials" },
    h("summary", {}, "Credentials (kept in this browser tab only, never stored on the server)"),
    h(
      "form",
      {
        class: "inline-form",
        onsubmit: (e) => {
          e.preventDefault();
          session.setCredentials({ hf_token: hf.value.trim(), kaggle_username: ku.value.trim(), kaggle_key: kk.value.trim() });
          toast("Credentials kept for this browser session.");
        },
      },
      h("label", {}, "Hugging Face token ", hf),
      h("label", {}, "Kaggle username ", ku),
      h("label", {}, "Kaggle key ", kk),
      h("button", { type: "submit" }, "Use"),
    ),
  );
}

export async function renderData(root) {
  const mine = h("div", { id: "my-datasets" }, h("p", { class: "muted" }, "loading…"));
  const outputs = h("div", { id: "run-outputs" });
  const outputsTitle = h("summary", {}, "Run outputs (files forgeflow wrote)");
  const q = h("input", { id: "search-query", placeholder: "e.g. sentiment, imdb, titanic", "aria-label": "search" });
  const source = h("select", { id: "search-source", "aria-label": "source" }, ["all", "huggingface", "kaggle", "local"].map((s) => h("option", { value: s }, s)));
  const results = h("div", { id: "search-results" });
  const searchForm = h("form", { class: "filters" }, q, source, h("button", { type: "submit", class: "primary" }, "Search"));
  clear(
    root,
    h("h2", {}, "Data"),
    h("section", {}, h("h3", {}, "Your datasets"), mine),
    h("section", {}, h("h3", {}, "Find datasets on Hugging Face and Kaggle"), credentialsForm(), searchForm, results),
    h("section", {}, h("details", {}, outputsTitle, outputs)),
  );
  const open = (item) => (location.hash = `#/data/view${query({ dataset: item.id })}`);
  try {
    // The listing itself keeps the person's data and forgeflow's outputs apart.
    const out = await tool("list_local_datasets", {});
    const own = out.datasets || [];
    const made = out.outputs || [];
    const cols = [
      { title: "name", render: (d) => h("a", { href: `#/data/view${query({ dataset: d.id })}`, onclick: (e) => e.stopPropagation() }, d.title || d.id) },
      { title: "source", render: (d) => d.source },
      { title: "format", render: (d) => d.format || "" },
      { title: "size", render: (d) => size(d.size) },
      { title: "description", render: (d) => h("span", { class: "muted small" }, d.description || "") },
    ];
    const outputCols = [
      { title: "file", render: (d) => h("a", { href: `#/data/view${query({ dataset: d.id })}`, onclick: (e) => e.stopPropagation() }, d.id) },
      { title: "made by", render: (d) => d.tool || h("span", { class: "muted" }, "unknown") },
      {
        title: "run",
        render: (d) => (d.run_id ? h("a", { href: `#/runs/${encodeURIComponent(d.run_id)}`, onclick: (e) => e.stopPropagation() }, d.run_id) : ""),
      },
      { title: "size", render: (d) => size(d.size) },
    ];
    clear(mine, own.length ? table(cols, own, { onRow: open }) : h("p", { class: "muted" }, "No dataset yet."));
    const more = (out.output_count || 0) > made.length ? h("p", { class: "muted small" }, `showing the newest ${made.length} of ${out.output_count}`) : null;
    clear(outputs, made.length ? [table(outputCols, made, { onRow: open }), more] : h("p", { class: "muted" }, "None."));
    clear(outputsTitle, `Run outputs (files forgeflow wrote): ${out.output_count || 0}`);
  } catch (err) {
    clear(mine, errorBox(err));
  }
  searchForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!q.value.trim()) return;
    clear(results, h("p", { class: "muted" }, "searching…"));
    try {
      const found = await api(`/api/search${query({ query: q.value.trim(), source: source.value, limit: 8 })}`, { credentials: true });
      const rows = [];
      for (const src of ["huggingface", "kaggle", "local"]) for (const d of found[src] || []) rows.push({ ...d, source: src });
      clear(
        results,
        (found.errors || []).map((er) => errorBox({ message: `${er.source || ""}: ${er.message || er.error || JSON.stringify(er)}`, hint: er.hint })),
        rows.length
          ? table(
              [
                { title: "dataset", render: (d) => h("div", {}, h("strong", {}, d.id), h("div", { class: "muted small" }, d.title && d.title !== d.id ? d.title : "")) },
                { title: "source", render: (d) => d.source },
                { title: "size", render: (d) => size(d.size) },
                { title: "", render: (d) => (d.source === "local" ? h("a", { href: `#/data/view${query({ dataset: d.id })}` }, "open") : h("button", { class: "download-ds", onclick: () => download(d) }, "Download")) },
              ],
              rows,
            )
          : h("p", { class: "muted" }, "Nothing found."),
      );
    } catch (err) {
      clear(results, errorBox(err));
    }
  });

  async function download(d) {
    toast(`Downloading ${d.id}…`);
    try {
      const out = await api("/api/datasets/download", { method: "POST", body: { source: d.source, dataset_id: d.id }, credentials: true });
      toast(out.message || `downloaded to ${out.path}`);
      location.hash = `#/data/view${query({ dataset: out.path })}`;
    } catch (err) {
      results.prepend(errorBox(err));
    }
  }
}

export async function renderDataset(root, params) {
  const dataset = params.dataset;
  const head = h("div", {}, h("p", { class: "muted" }, "loading…"));
  const preview = h("div", { id: "preview" });
  clear(root, h("h2", {}, "Dataset ", h("code", {}, dataset)), head, h("h3", {}, "Rows"), preview);
  try {
    const info = await tool("inspect_dataset", { dataset, sample_rows: 0 });
    const dist = info.label_distribution;
    clear(
      head,
      h("p", {}, `${fmt(info.rows)} rows · ${info.columns.length} columns · source ${info.source}`),
      h(
        "div",
        { class: "two-col" },
        h(
          "div",
          {},
          h("h3", {}, "Columns"),
          table(
            [
              { title: "column", render: (c) => h("code", {}, c.name) },
              { title: "type", render: (c) => c.dtype },
              { title: "missing", render: (c) => (c.missing ? h("span", { class: "warn" }, fmt(c.missing)) : "0") },
            ],
            info.columns,
          ),
        ),
        h(
          "div",
          {},
          h("h3", {}, `Label distribution${info.label_column ? ` (${info.label_column})` : ""}`),
          dist
            ? barChart({ title: `Rows per ${info.label_column}`, xLabel: info.label_column, yLabel: "rows", categories: Object.keys(dist), series: [{ name: "rows", values: Object.values(dist) }] })
            : h("p", { class: "muted" }, "No label column found."),
        ),
      ),
    );
  } catch (err) {
    clear(head, errorBox(err));
  }
  let offset = 0;
  const limit = 20;
  async function page() {
    try {
      const out = await api(`/data/preview${query({ dataset, offset, limit })}`);
      const prev = h("button", { disabled: offset === 0, onclick: () => ((offset = Math.max(0, offset - limit)), page()) }, "← previous");
      const next = h("button", { id: "next-page", disabled: offset + limit >= out.total, onclick: () => ((offset += limit), page()) }, "next →");
      clear(
        preview,
        h("div", { class: "pager" }, prev, h("span", { id: "page-info" }, `rows ${out.total ? offset + 1 : 0}–${Math.min(offset + limit, out.total)} of ${fmt(out.total)}`), next),
        h(
          "div",
          { class: "scroll-x" },
          h(
            "table",
            { class: "table rows" },
            h("thead", {}, h("tr", {}, h("th", {}, "#"), out.columns.map((c) => h("th", { title: out.dtypes[c] }, c)))),
            h("tbody", {}, out.rows.map((r, i) => h("tr", {}, h("td", { class: "muted" }, offset + i), r.map((v) => h("td", { class: v === null ? "null" : "" }, v === null ? "∅" : fmt(v, 4)))))),
          ),
        ),
      );
    } catch (err) {
      clear(preview, errorBox(err));
    }
  }
  await page();
}

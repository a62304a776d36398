// Labeling workbench: LF table, rows an LF votes on, edit/add LFs and re-apply, correct labels, export.

import { api, downloadFile, fileUrl, query } from "./api.js";
import { barChart } from "./charts.js";
import { clear, errorBox, fmt, h, pct, table, toast, when } from "./ui.js";

export function describe(spec) {
  if (!spec || typeof spec !== "object") return "";
  switch (spec.kind) {
    case "keyword":
      return `${spec.column} has ${spec.mode === "all" ? "all" : "any"} of ${JSON.stringify(spec.keywords)}`;
    case "regex":
      return `${spec.column} matches /${spec.pattern}/${spec.ignore_case ? "i" : ""}`;
    case "threshold":
      return spec.op === "between" ? `${spec.value} ≤ ${spec.column} ≤ ${spec.high}` : `${spec.column} ${spec.op} ${spec.value}`;
    case "category":
      return `${spec.column} in ${JSON.stringify(spec.values)}`;
    case "missing":
      return `${spec.column} is missing`;
    case "and":
    case "or":
      return `(${(spec.conditions || []).map(describe).join(` ${spec.kind} `)})`;
    case "not":
      return `not ${describe(spec.condition)}`;
    case "code":
      return "Python code (sandboxed)";
    default:
      return JSON.stringify(spec);
  }
}

function labelingRuns(runs) {
  return runs.filter((r) => ((r.result || {}).steps || []).some((s) => s.tool === "label_dataset" && s.status === "completed"));
}

export async function renderLabelingList(root) {
  const slot = h("div", { id: "labeling-runs" }, h("p", { class: "muted" }, "loading…"));
  clear(root, h("h2", {}, "Labeling"), h("p", { class: "muted" }, "Labeling runs; open one to review its labeling functions and rows, fix labels and export."), slot);
  try {
    const { runs } = await api("/runs?status=completed&limit=200");
    const found = labelingRuns(runs);
    clear(
      slot,
      found.length
        ? table(
            [
              { title: "goal", render: (r) => r.goal },
              {
                title: "result",
                render: (r) => {
                  const step = r.result.steps.find((s) => s.tool === "label_dataset");
                  const m = (step.output || {}).metrics || {};
                  return `${step.output.rows} rows · AUC ${fmt(m.auc)} (${m.measured_on || "?"}) · ${step.output.lf_count} LFs`;
                },
              },
              { title: "when", render: (r) => when(r.finished_at) },
            ],
            found,
            { onRow: (r) => (location.hash = `#/labeling/${r.run_id}`) },
          )
        : h("p", { class: "muted" }, "No labeling run yet. Ask for one in the chat, e.g. “label bc_pool.csv with weak supervision, hand labels in the label column”."),
    );
  } catch (err) {
    clear(slot, errorBox(err));
  }
}

export async function renderWorkbench(root, params) {
  const runId = params.id;
  const top = h("div", { id: "wb-summary" }, h("p", { class: "muted" }, "opening the workbench…"));
  const change = h("div", { id: "wb-change" });
  const lfSlot = h("div", { id: "lf-table" });
  const editor = h("div", { id: "lf-editor" });
  const lfRows = h("div", { id: "lf-rows" });
  const rowsSlot = h("div", { id: "wb-rows" });
  const chartSlot = h("div", { id: "wb-chart" });
  const exportSlot = h("div", { id: "wb-export" });
  clear(
    root,
    h("h2", {}, "Labeling workbench ", h("a", { class: "small", href: `#/runs/${runId}` }, `run ${runId}`)),
    top,
    change,
    h("section", {}, h("h3", {}, "Labeling functions"), editor, lfSlot, lfRows),
    h("section", {}, h("h3", {}, "Labeled rows"), rowsSlot),
    h("section", {}, h("h3", {}, "Export"), exportSlot),
    h("section", {}, h("details", {}, h("summary", {}, "LF summary chart"), chartSlot)),
  );

  let state = null;
  let lfs = [];
  let dirty = false;
  let selected = null;

  async function open() {
    state = await api("/labeling/workbench", { method: "POST", body: { run_id: runId } });
    lfs = state.labeling_functions.map((f) => ({ ...f }));
    dirty = false;
  }

  function summary() {
    const lm = state.label_model;
    const on = lm.on_hand_labels || {};
    const dist = state.label_distribution;
    clear(
      top,
      h(
        "div",
        { class: "cards" },
        h("div", { class: "card" }, h("div", { class: "big" }, fmt(state.rows)), "rows"),
        h("div", { class: "card", id: "hand-count" }, h("div", { class: "big" }, fmt(state.hand_labels.count)), `hand labels (${state.hand_labels.corrections} corrections)`),
        h("div", { class: "card" }, h("div", { class: "big", id: "wb-version" }, `v${state.version}`), "version"),
        h("div", { class: "card" }, h("div", { class: "big" }, pct(state.matrix.coverage)), `coverage · overlap ${pct(state.matrix.overlap)} · conflict ${pct(state.matrix.conflict)}`),
        h(
          "div",
          { class: "card wide", id: "label-model" },
          h("strong", {}, `Label model result (${lm.method.replace("_", " ")})`),
          h("div", {}, `AUC ${fmt(on.auc)} · accuracy ${fmt(on.accuracy)} · macro-F1 ${fmt(on.f1_macro)} on ${fmt(on.n)} hand labels`),
          h("div", { class: "muted small" }, lm.reason),
          h("div", { class: "muted small" }, lm.note),
        ),
      ),
      h(
        "div",
        { class: "two-col" },
        barChart({ title: "Labels per class (current version)", xLabel: "class", yLabel: "rows", categories: Object.keys(dist), series: [{ name: "rows", values: Object.values(dist) }] }),
        h(
          "div",
          {},
          h("h4", {}, "Versions"),
          table(
            [
              { title: "v", render: (v) => `v${v.version}` },
              { title: "what", render: (v) => v.note },
              { title: "LFs", render: (v) => v.lf_count },
              { title: "AUC on hand labels", render: (v) => fmt(((v.label_model || {}).on_hand_labels || {}).auc) },
              { title: "labels changed", render: (v) => (v.rows_changed === undefined ? "–" : v.rows_changed) },
            ],
            state.versions,
          ),
          h("p", { class: "muted small" }, `Hand labels: ${state.hand_labels.source}; `, Object.entries(state.hand_labels.per_class).map(([c, n]) => `${c} ${n}`).join(", ")),
        ),
      ),
    );
  }

  function lfTable() {
    const byName = Object.fromEntries(state.lf_summary.map((r) => [r.name, r]));
    const staged = dirty ? h("p", { class: "warn", id: "staged-note" }, "You have edits not applied yet. Re-apply to see the label model's new result.") : "";
    const reapply = h("button", { id: "reapply", class: "primary", disabled: !dirty, onclick: reapplyNow }, "Re-apply labeling functions");
    const add = h("button", { id: "add-lf", onclick: () => edit(null) }, "+ Add a labeling function");
    clear(
      lfSlot,
      h("div", { class: "actions" }, add, reapply),
      staged,
      h(
        "div",
        { class: "scroll-x" },
        table(
          [
            { title: "name", render: (f) => h("code", {}, f.name) },
            { title: "votes", render: (f) => f.label || ((byName[f.name] || {}).polarity || []).join(", ") },
            { title: "rule", render: (f) => h("span", { class: "small" }, describe(f)) },
            { title: "coverage", class: "num", render: (f) => (byName[f.name] ? pct(byName[f.name].coverage) : h("span", { class: "muted" }, "not applied")) },
            { title: "overlaps", class: "num", render: (f) => (byName[f.name] ? pct(byName[f.name].overlaps) : "") },
            { title: "conflicts", class: "num", render: (f) => (byName[f.name] ? pct(byName[f.name].conflicts) : "") },
            {
              title: "accuracy on hand labels",
              class: "num",
              render: (f) => {
                const r = byName[f.name];
                if (!r) return "";
                if (r.hand_accuracy === null || r.hand_accuracy === undefined) return h("span", { class: "muted no-votes" }, "no hand-label votes");
                return h("span", { title: `${r.hand_correct} of ${r.hand_votes} right` }, `${pct(r.hand_accuracy)} (${r.hand_correct}/${r.hand_votes})`);
              },
            },
            { title: "error", render: (f) => ((byName[f.name] || {}).error ? h("span", { class: "warn" }, byName[f.name].error) : "") },
            {
              title: "",
              render: (f) =>
                h(
                  "span",
                  { class: "row-actions" },
                  h("button", { class: "small edit-lf", onclick: (e) => (e.stopPropagation(), edit(f)) }, "Edit"),
                  h("button", { class: "small danger remove-lf", onclick: (e) => (e.stopPropagation(), remove(f)) }, "Remove"),
                ),
            },
          ],
          lfs,
          { onRow: (f) => showLfRows(f.name), rowClass: (f) => `lf-row ${f.name === selected ? "selected" : ""}` },
        ),
      ),
    );
  }

  function template() {
    const column = state.text_columns[0] || state.columns[0];
    const text = Boolean(state.text_columns[0]);
    return text
      ? { name: "my_new_lf", label: state.classes[0], kind: "keyword", column, keywords: ["word"] }
      : { name: "my_new_lf", label: state.classes[0], kind: "threshold", column, op: ">", value: 0 };
  }

  function edit(spec) {
    const creating = spec === null;
    const area = h("textarea", { id: "lf-json", rows: 10, spellcheck: "false" }, JSON.stringify(creating ? template() : spec, null, 2));
    const problem = h("div", { class: "warn" });
    clear(
      editor,
      h(
        "div",
        { class: "editor" },
        h("h4", {}, creating ? "New labeling function" : `Edit ${spec.name}`),
        h("p", { class: "muted small" }, `Declarative: {"name", "label" (one of ${state.classes.join(", ")}), "kind": keyword | regex | threshold | category | missing | and | or | not, "column", …}. Columns: ${state.columns.slice(0, 40).join(", ")}`),
        area,
        problem,
        h(
          "div",
          { class: "actions" },
          h(
            "button",
            {
              id: "lf-save",
              class: "primary",
              onclick: () => {
                let value;
                try {
                  value = JSON.parse(area.value);
                } catch (err) {
                  problem.textContent = `Not valid JSON: ${err.message}`;
                  return;
                }
                if (!value || typeof value !== "object" || !value.name) {
                  problem.textContent = "A labeling function is a JSON object with a name.";
                  return;
                }
                if (creating && lfs.some((f) => f.name === value.name)) {
                  problem.textContent = `There is already a labeling function named ${value.name}.`;
                  return;
                }
                if (creating) lfs.push(value);
                else lfs[lfs.indexOf(spec)] = value;
                dirty = true;
                clear(editor);
                lfTable();
              },
            },
            creating ? "Add (apply later)" : "Keep the edit (apply later)",
          ),
          h("button", { onclick: () => clear(editor) }, "Cancel"),
        ),
      ),
    );
    area.focus();
  }

  function remove(spec) {
    lfs = lfs.filter((f) => f !== spec);
    dirty = true;
    lfTable();
  }

  async function reapplyNow() {
    const button = lfSlot.querySelector("#reapply");
    button.disabled = true;
    button.textContent = "Re-applying…";
    try {
      const out = await api("/labeling/workbench/apply", { method: "POST", body: { labeling_dir: state.labeling_dir, labeling_functions: lfs } });
      state = out;
      lfs = state.labeling_functions.map((f) => ({ ...f }));
      dirty = false;
      showChange(out.change);
      refresh();
      toast(`Version ${state.version}: ${out.change.rows_changed} labels changed.`);
    } catch (err) {
      clear(change, errorBox(err));
      button.disabled = false;
      button.textContent = "Re-apply labeling functions";
    }
  }

  function showChange(c) {
    const keys = ["auc", "accuracy", "f1_macro"];
    const lfc = c.lf_changes;
    clear(
      change,
      h(
        "div",
        { class: "change-box", id: "change-box" },
        h("h3", {}, `What changed: v${c.before.version} → v${c.after.version}`),
        h(
          "table",
          { class: "table compact" },
          h("thead", {}, h("tr", {}, h("th", {}, ""), h("th", {}, `v${c.before.version} (${c.before.method.replace("_", " ")})`), h("th", {}, `v${c.after.version} (${c.after.method.replace("_", " ")})`))),
          h(
            "tbody",
            {},
            keys.map((k) => h("tr", {}, h("th", {}, `${k} on hand labels`), h("td", {}, fmt(c.before.label_model[k])), h("td", { class: "after" }, fmt(c.after.label_model[k])))),
            ["coverage", "overlap", "conflict"].map((k) => h("tr", {}, h("th", {}, k), h("td", {}, pct(c.before.matrix[k])), h("td", { class: "after" }, pct(c.after.matrix[k])))),
          ),
        ),
        h("p", { id: "rows-changed" }, `${c.rows_changed} labels changed`, c.changed_ids.length ? ` (ids ${c.changed_ids.slice(0, 15).join(", ")}${c.changed_ids.length > 15 ? ", …" : ""})` : "", "."),
        h("p", { class: "muted small" }, `LFs added: ${lfc.added.join(", ") || "none"}; edited: ${lfc.edited.join(", ") || "none"}; removed: ${lfc.removed.join(", ") || "none"}. ${c.end_model_note}.`),
      ),
    );
  }

  function correctControl(row, after) {
    const select = h("select", { class: "correct-select", "aria-label": `label for row ${row.id}` }, state.classes.map((c) => h("option", { value: c }, c)));
    select.value = row.label;
    const button = h(
      "button",
      {
        class: "small correct-btn",
        onclick: async (e) => {
          e.stopPropagation();
          button.disabled = true;
          try {
            const out = await api("/labeling/workbench/corrections", { method: "POST", body: { labeling_dir: state.labeling_dir, corrections: [{ id: row.id, label: select.value }] } });
            state = { ...out, change: undefined };
            toast(`Row ${row.id}: ${out.corrected[0].before} → ${out.corrected[0].after} (now a hand label).`);
            summary();
            lfTable();
            after();
          } catch (err) {
            toast(err.message, "error");
            button.disabled = false;
          }
        },
      },
      "Set",
    );
    return h("span", { class: "correct" }, select, button);
  }

  function rowsTable(out, after, withVote) {
    return h(
      "div",
      { class: "scroll-x" },
      table(
        [
          { title: "id", render: (r) => h("code", {}, r.id) },
          ...out.columns.map((c) => ({ title: c, render: (r) => h("span", { class: "cell" }, fmt(r.values[c], 4)) })),
          ...(withVote ? [{ title: "LF vote", render: (r) => h("span", { class: r.vote === r.label ? "" : "warn" }, r.vote) }] : []),
          { title: "label", render: (r) => h("strong", { class: "label-cell" }, r.label) },
          { title: "confidence", class: "num", render: (r) => pct(r.confidence) },
          { title: "source", render: (r) => h("span", { class: `src src-${r.label_source}` }, r.label_source) },
          { title: "hand label", render: (r) => (r.hand_label ? `${r.hand_label} (${r.hand_source})` : "") },
          { title: "correct it", render: (r) => correctControl(r, after) },
        ],
        out.rows,
        { rowClass: (r) => `data-row ${r.label_source === "hand" ? "hand" : ""}` },
      ),
    );
  }

  async function showLfRows(name) {
    selected = name;
    lfTable();
    let offset = 0;
    const load = async () => {
      try {
        const out = await api(`/labeling/workbench/rows${query({ labeling_dir: state.labeling_dir, lf: name, offset, limit: 10 })}`);
        clear(
          lfRows,
          h(
            "div",
            { class: "lf-rows-box" },
            h("h4", {}, `Rows ${name} votes on (${out.total})`, h("button", { class: "small", onclick: () => ((selected = null), clear(lfRows), lfTable()) }, "close")),
            h("div", { class: "pager" }, h("button", { disabled: offset === 0, onclick: () => ((offset -= 10), load()) }, "←"), `${out.total ? offset + 1 : 0}–${Math.min(offset + 10, out.total)} of ${out.total}`, h("button", { disabled: offset + 10 >= out.total, onclick: () => ((offset += 10), load()) }, "→")),
            rowsTable(out, load, true),
          ),
        );
        lfRows.scrollIntoView({ block: "nearest" });
      } catch (err) {
        clear(lfRows, errorBox(err));
      }
    };
    await load();
  }

  let rowsOffset = 0;
  const filterLabel = h("select", { id: "rows-label", "aria-label": "label filter" });
  const filterSource = h("select", { id: "rows-source", "aria-label": "source filter" }, ["", "hand", "label_model", "majority_vote", "end_model", "prior"].map((s) => h("option", { value: s }, s || "any source")));
  const filterText = h("input", { id: "rows-query", placeholder: "search text", "aria-label": "search rows" });
  async function loadRows() {
    if (!filterLabel.options.length) clear(filterLabel, h("option", { value: "" }, "any label"), state.classes.map((c) => h("option", { value: c }, c)));
    try {
      const out = await api(
        `/labeling/workbench/rows${query({ labeling_dir: state.labeling_dir, label: filterLabel.value, source: filterSource.value, query: filterText.value.trim(), offset: rowsOffset, limit: 15 })}`,
      );
      clear(
        rowsSlot,
        h(
          "form",
          { class: "filters", onsubmit: (e) => (e.preventDefault(), (rowsOffset = 0), loadRows()) },
          filterLabel,
          filterSource,
          filterText,
          h("button", { type: "submit" }, "Filter"),
        ),
        h(
          "div",
          { class: "pager" },
          h("button", { disabled: rowsOffset === 0, onclick: () => ((rowsOffset -= 15), loadRows()) }, "← previous"),
          h("span", { id: "rows-info" }, `rows ${out.total ? rowsOffset + 1 : 0}–${Math.min(rowsOffset + 15, out.total)} of ${out.total}`),
          h("button", { disabled: rowsOffset + 15 >= out.total, onclick: () => ((rowsOffset += 15), loadRows()) }, "next →"),
        ),
        rowsTable(out, loadRows, false),
      );
    } catch (err) {
      clear(rowsSlot, errorBox(err));
    }
  }

  function exportPanel() {
    const result = h("div", { id: "export-result" });
    const run = async (format) => {
      try {
        const out = await api("/labeling/workbench/export", { method: "POST", body: { labeling_dir: state.labeling_dir, format } });
        clear(result, h("p", {}, `Wrote ${out.rows} rows (${out.hand_labels} hand labels) to `, h("code", { class: "export-path" }, out.path), " "));
        const file = await downloadFile(out.path);
        result.append(h("p", { class: "muted small" }, `Downloaded ${file.name} (${file.size} bytes).`));
      } catch (err) {
        clear(result, errorBox(err));
      }
    };
    clear(
      exportSlot,
      h("p", { class: "muted" }, "The current version's labels: id, label, prob_<class>, covered, label_source, hand_label, then the data's columns."),
      h("div", { class: "actions" }, h("button", { id: "export-csv", class: "primary", onclick: () => run("csv") }, "Export CSV"), h("button", { id: "export-parquet", onclick: () => run("parquet") }, "Export Parquet")),
      result,
    );
  }

  async function chart() {
    if (!state.chart) return;
    const img = h("img", { class: "chart-img", alt: "LF summary chart" });
    clear(chartSlot, img);
    try {
      img.src = await fileUrl(state.chart);
    } catch (err) {
      clear(chartSlot, errorBox(err));
    }
  }

  function refresh() {
    summary();
    lfTable();
    clear(lfRows);
    loadRows();
    chart();
  }

  try {
    await open();
  } catch (err) {
    clear(top, errorBox(err));
    return;
  }
  refresh();
  exportPanel();
}

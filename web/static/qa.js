// QA review: entries with their source chunk and judge scores; accept / edit / reject;
// regenerate the rejected; export with splits.

import { api, downloadFrom, query } from "./api.js";
import { barChart, histogram } from "./charts.js";
import { clear, errorBox, fmt, h, table, toast, when } from "./ui.js";

// The latest accept/reject on an entry, unless the entry was rewritten after it.
export function reviewOf(entry) {
  const reviews = (entry.feedback || []).filter((f) => f.feedback_type === "accept" || f.feedback_type === "reject");
  if (!reviews.length) return "unreviewed";
  const last = reviews[reviews.length - 1];
  const meta = entry.metadata || {};
  const written = meta.regenerated_at || meta.generation_time;
  if (meta.regenerated && written && Date.parse(written) > Date.parse(last.created_at)) return "regenerated";
  return last.feedback_type === "accept" ? "accepted" : "rejected";
}

export async function renderQaList(root) {
  const slot = h("div", { id: "qa-datasets" }, h("p", { class: "muted" }, "loading…"));
  clear(root, h("h2", {}, "QA review"), slot);
  try {
    const { datasets } = await api("/api/v1/datasets");
    clear(
      slot,
      datasets.length
        ? table(
            [
              { title: "name", render: (d) => d.name },
              { title: "entries", render: (d) => fmt(d.total_entries ?? d.entries_count ?? d.size ?? "") },
              { title: "version", render: (d) => d.version ?? d.latest_version ?? "" },
              { title: "created", render: (d) => when(d.created_at) },
            ],
            datasets,
            { onRow: (d) => (location.hash = `#/qa/${d.id}`) },
          )
        : h("p", { class: "muted" }, "No QA dataset yet. Ask in the chat, e.g. “build a QA dataset from docs/guide.md, jsonl with splits”."),
    );
  } catch (err) {
    clear(slot, errorBox(err));
  }
}

export async function renderQaDataset(root, params) {
  const id = params.id;
  const head = h("div", { id: "qa-head" }, h("p", { class: "muted" }, "loading…"));
  const bulk = h("div", { id: "qa-bulk", class: "actions" });
  const list = h("div", { id: "qa-entries" });
  const exportSlot = h("div", { id: "qa-export" });
  clear(root, h("h2", {}, "QA review"), head, bulk, list, h("section", {}, h("h3", {}, "Export"), exportSlot));
  let ds = null;
  let chunks = {};

  async function load() {
    ds = await api(`/api/v1/datasets/${encodeURIComponent(id)}`);
    const setId = (ds.generation || {}).chunk_set_id;
    if (ds.project_id && !Object.keys(chunks).length) {
      try {
        const out = await api(`/api/v1/projects/${ds.project_id}/chunks${query({ chunk_set_id: setId, per_page: 500 })}`);
        chunks = Object.fromEntries(out.chunks.map((c) => [c.id, c]));
      } catch {
        chunks = {};
      }
    }
  }

  function render() {
    const entries = ds.entries;
    const counts = { accepted: 0, rejected: 0, unreviewed: 0, regenerated: 0 };
    for (const e of entries) counts[reviewOf(e)] += 1;
    const q = ds.quality_summary || {};
    clear(
      head,
      h("h3", {}, ds.name, h("span", { class: "muted small" }, ` v${ds.version} of ${ds.latest_version} · ${entries.length} entries`)),
      h(
        "div",
        { class: "cards" },
        Object.entries(counts).map(([k, v]) => h("div", { class: `card review-${k}`, id: `count-${k}` }, h("div", { class: "big" }, v), k)),
        h("div", { class: "card" }, h("div", { class: "big" }, fmt(q.average_score, 2)), "average judge score"),
      ),
      h(
        "div",
        { class: "two-col" },
        histogram({ title: "QA quality: judge scores", xLabel: "quality score (red: under 0.8)", values: entries.map((e) => e.quality_score), threshold: 0.8 }),
        q.distribution
          ? barChart({ title: "Entries per quality band", xLabel: "band (high ≥ 0.8, medium ≥ 0.6)", yLabel: "entries", categories: Object.keys(q.distribution), series: [{ name: "entries", values: Object.values(q.distribution) }] })
          : "",
      ),
    );
    const rejected = entries.filter((e) => reviewOf(e) === "rejected").map((e) => e.id);
    clear(
      bulk,
      h("button", { id: "regenerate", class: "primary", disabled: !rejected.length, onclick: () => regenerate(rejected) }, `Regenerate the ${rejected.length} rejected`),
    );
    clear(list, entries.map(entryCard));
  }

  function entryCard(e) {
    const status = reviewOf(e);
    const meta = e.metadata || {};
    const checks = meta.quality_checks || {};
    const chunk = chunks[e.source_chunk];
    const comment = h("input", { class: "comment", placeholder: "why (optional; a reason is fed to regeneration)", "aria-label": "comment" });
    const card = h(
      "article",
      { class: `qa-entry review-${status}`, id: `entry-${e.id}`, dataset: { entry: e.id, review: status } },
      h("div", { class: "qa-top" }, h("code", {}, e.id), h("span", { class: `badge review-${status}` }, status), h("span", { class: "score" }, `score ${fmt(e.quality_score, 2)}`), h("span", { class: "muted small" }, `${e.category || ""} · ${e.difficulty || ""} · ${e.mode}`)),
      h("div", { class: "qa-q" }, h("strong", {}, "Q: "), h("span", { class: "q-text" }, e.question)),
      e.answer !== null && e.answer !== undefined ? h("div", { class: "qa-a" }, h("strong", {}, "A: "), h("span", { class: "a-text" }, e.answer)) : "",
      h("div", { class: "checks" }, Object.entries(checks).map(([k, v]) => h("span", { class: `check ${v >= 0.999 ? "ok" : "bad"}` }, `${k} ${fmt(v, 2)}`))),
      (e.quality_reasons || []).length ? h("ul", { class: "reasons" }, e.quality_reasons.map((r) => h("li", {}, r))) : "",
      meta.previous ? h("p", { class: "muted small" }, `Rewritten from: “${meta.previous.question}” (score ${fmt(meta.previous.quality_score, 2)})`) : "",
      h(
        "details",
        { class: "chunk" },
        h("summary", {}, `Source chunk ${e.source_chunk}${chunk && chunk.heading ? ` · ${chunk.heading}` : ""}`),
        chunk ? highlighted(chunk.text, meta.evidence || e.answer) : h("p", { class: "muted" }, "chunk text unavailable"),
      ),
      h(
        "div",
        { class: "actions" },
        h("button", { class: "accept", onclick: () => review(e, "accept", comment.value) }, "Accept"),
        h("button", { class: "reject danger", onclick: () => review(e, "reject", comment.value) }, "Reject"),
        h("button", { class: "edit", onclick: () => editEntry(e, card) }, "Edit"),
        comment,
      ),
    );
    return card;
  }

  function highlighted(text, evidence) {
    const pre = h("pre", { class: "chunk-text" });
    const at = evidence ? text.indexOf(evidence) : -1;
    if (at < 0) pre.append(text);
    else pre.append(text.slice(0, at), h("mark", {}, text.slice(at, at + evidence.length)), text.slice(at + evidence.length));
    return pre;
  }

  async function review(e, kind, comments) {
    try {
      await api(`/api/v1/datasets/${encodeURIComponent(id)}/feedback`, { method: "POST", body: { entry_ids: [e.id], feedback_type: kind, comments: comments || "" } });
      toast(`${e.id} ${kind === "accept" ? "accepted" : "rejected"}.`);
      await load();
      render();
    } catch (err) {
      toast(err.message, "error");
    }
  }

  function editEntry(e, card) {
    const qIn = h("textarea", { class: "edit-q", rows: 2 }, e.question);
    const aIn = h("textarea", { class: "edit-a", rows: 3 }, e.answer || "");
    const box = h(
      "div",
      { class: "editor" },
      h("label", {}, "Question", qIn),
      h("label", {}, "Answer", aIn),
      h(
        "div",
        { class: "actions" },
        h(
          "button",
          {
            class: "primary save-edit",
            onclick: async () => {
              try {
                const out = await api(`/api/v1/datasets/${encodeURIComponent(id)}/entries/${encodeURIComponent(e.id)}`, { method: "PUT", body: { question: qIn.value, answer: aIn.value } });
                toast(`Saved: re-judged at ${fmt(out.entry.quality_score, 2)}.`);
                await load();
                render();
              } catch (err) {
                box.append(errorBox(err));
              }
            },
          },
          "Save (re-judged)",
        ),
        h("button", { onclick: () => box.remove() }, "Cancel"),
      ),
    );
    card.append(box);
  }

  async function regenerate(ids) {
    const button = bulk.querySelector("#regenerate");
    button.disabled = true;
    button.textContent = `Regenerating ${ids.length}…`;
    try {
      const job = await api(`/api/v1/datasets/${encodeURIComponent(id)}/regenerate`, { method: "POST", body: { entry_ids: ids } });
      for (;;) {
        await new Promise((r) => setTimeout(r, 700));
        const st = await api(`/api/v1/datasets/generate/${encodeURIComponent(job.job_id)}/status`);
        if (st.status === "completed" || st.status === "failed") {
          if (st.status === "failed") toast(st.error || "regeneration failed", "error");
          else {
            const res = st.result || {};
            const same = (res.unchanged || []).length;
            toast(`Regenerated ${(res.regenerated || []).length} entries; review them again.${same ? ` ${same} unchanged: the writer found no better question in their chunk.` : ""}`);
          }
          break;
        }
      }
    } catch (err) {
      toast(err.message, "error");
    }
    await load();
    render();
  }

  function exportPanel() {
    const format = h("select", { id: "qa-format", "aria-label": "format" }, ["jsonl", "csv", "parquet"].map((f) => h("option", { value: f }, f)));
    const splits = h("input", { type: "checkbox", id: "qa-splits", checked: true });
    const noRejected = h("input", { type: "checkbox", id: "qa-no-rejected", checked: true });
    const result = h("div", { id: "qa-export-result" });
    clear(
      exportSlot,
      h(
        "div",
        { class: "filters" },
        h("label", {}, "Format ", format),
        h("label", {}, splits, " train / validation / test splits (by source chunk)"),
        h("label", {}, noRejected, " leave out rejected entries"),
        h(
          "button",
          {
            id: "qa-export-btn",
            class: "primary",
            onclick: async () => {
              try {
                const file = await downloadFrom(`/api/v1/datasets/${encodeURIComponent(id)}/download${query({ format: format.value, include_splits: splits.checked, exclude_rejected: noRejected.checked })}`);
                clear(result, h("p", {}, "Downloaded ", h("code", { class: "export-name" }, file.name), ` (${file.size} bytes).`));
              } catch (err) {
                clear(result, errorBox(err));
              }
            },
          },
          "Export",
        ),
      ),
      result,
    );
  }

  try {
    await load();
  } catch (err) {
    clear(head, errorBox(err));
    return;
  }
  render();
  exportPanel();
}

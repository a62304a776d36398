// Runs: a live list with filters, and a run page (plan, steps, attempts, errors, charts).

import { ApiError, api, downloadFile, fileUrl, query, streamEvents } from "./api.js";
import { barChart } from "./charts.js";
import { clear, duration, errorBox, fmt, h, jsonBlock, progressBar, statusBadge, table, toast, when } from "./ui.js";

const STATUSES = ["pending", "running", "interrupted", "completed", "failed", "cancelled"];
const ACTIVE = new Set(["pending", "running"]);

function what(run) {
  const steps = ((run.result || {}).plan || {}).steps || [];
  const tools = steps.map((s) => s.tool).join(" → ");
  return h("div", {}, h("div", { class: "goal" }, run.goal), tools ? h("div", { class: "muted small" }, tools) : "");
}

export async function renderRuns(root, params) {
  const status = h(
    "select",
    { id: "filter-status", "aria-label": "status" },
    h("option", { value: "" }, "any status"),
    STATUSES.map((s) => h("option", { value: s }, s)),
  );
  status.value = params.status || "";
  const thread = h("input", { id: "filter-thread", placeholder: "thread id", value: params.thread_id || "", "aria-label": "thread" });
  const listSlot = h("div", { id: "runs-table" });
  const form = h(
    "form",
    { class: "filters" },
    h("label", {}, "Status ", status),
    h("label", {}, "Thread ", thread),
    h("button", { type: "submit" }, "Filter"),
    h("span", { class: "muted small live-dot" }, "live"),
  );
  clear(root, h("h2", {}, "Runs"), form, listSlot);
  const apply = () => {
    location.hash = `#/runs${query({ status: status.value, thread_id: thread.value.trim() })}`;
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    apply();
  });
  status.addEventListener("change", apply);

  async function load() {
    try {
      const { runs } = await api(`/runs${query({ status: params.status, thread_id: params.thread_id, limit: 100 })}`);
      clear(
        listSlot,
        runs.length
          ? table(
              [
                { title: "status", render: (r) => statusBadge(r.status) },
                { title: "goal or tool", render: what },
                { title: "progress", render: (r) => [progressBar(r.progress), h("div", { class: "muted small" }, r.current_step || "")] },
                { title: "duration", render: duration },
                { title: "started", render: (r) => when(r.created_at) },
                { title: "thread", render: (r) => h("a", { href: `#/runs${query({ thread_id: r.thread_id })}`, onclick: (e) => e.stopPropagation() }, r.thread_id) },
              ],
              runs,
              { onRow: (r) => (location.hash = `#/runs/${r.run_id}`), rowClass: (r) => `run-row run-${r.status}` },
            )
          : h("p", { class: "muted", id: "no-runs" }, "No run matches."),
      );
    } catch (err) {
      clear(listSlot, errorBox(err));
    }
  }
  await load();
  const timer = setInterval(load, 2000);
  return () => clearInterval(timer);
}

// ---- the run page --------------------------------------------------------------------------------

function attemptsTable(output) {
  const history = output.history || [];
  if (!history.length) return null;
  const best = output.best_attempt;
  const keys = [];
  for (const a of history) for (const k of Object.keys(a.metrics || {})) if (!keys.includes(k) && typeof a.metrics[k] !== "object") keys.push(k);
  const target = output.target || {};
  const head = h(
    "tr",
    {},
    h("th", {}, "attempt"),
    history.map((a) => h("th", { class: a.attempt === best ? "best" : "" }, `#${a.attempt}`, a.attempt === best ? h("span", { class: "badge best-badge" }, "best") : "")),
  );
  const rows = keys.map((k) =>
    h(
      "tr",
      { class: k === target.metric ? "target-row" : "" },
      h("th", {}, k, k === target.metric ? h("span", { class: "muted small" }, ` (target ${fmt(target.value)})`) : ""),
      history.map((a) => h("td", { class: a.attempt === best ? "best" : "" }, fmt((a.metrics || {})[k]))),
    ),
  );
  const changes = h(
    "tr",
    {},
    h("th", {}, "what changed"),
    history.map((a) => {
      const list = [...(a.changes || []), ...(a.reason ? [a.reason] : [])];
      return h("td", { class: `changes ${a.attempt === best ? "best" : ""}` }, list.length ? h("ul", {}, list.map((c) => h("li", {}, c))) : h("span", { class: "muted" }, "–"));
    }),
  );
  const metric = target.metric;
  const chart =
    metric && history.length > 1 && history.some((a) => typeof (a.metrics || {})[metric] === "number")
      ? barChart({
          title: `${metric} per attempt (target ${fmt(target.value)})`,
          xLabel: "attempt",
          yLabel: metric,
          categories: history.map((a) => `#${a.attempt}${a.attempt === best ? " (best)" : ""}`),
          series: [{ name: metric, values: history.map((a) => (a.metrics || {})[metric] ?? 0) }],
          max: metric === "auc" || metric === "r2" || metric.includes("accuracy") || metric.includes("f1") || metric.includes("share") ? 1 : undefined,
          format: (v) => fmt(v, 3),
        })
      : null;
  return h(
    "div",
    { class: "attempts" },
    h("h4", {}, `Attempts (${history.length}; target ${target.metric || ""} ${fmt(target.value)}: ${output.target_met ? "met" : "not met"})`),
    h("div", { class: "scroll-x" }, h("table", { class: "table attempts-table" }, h("thead", {}, head), h("tbody", {}, rows, changes))),
    chart,
  );
}

function metricsList(metrics) {
  const plain = Object.entries(metrics || {}).filter(([, v]) => typeof v !== "object" || v === null);
  if (!plain.length) return null;
  return h("dl", { class: "metrics" }, plain.map(([k, v]) => [h("dt", {}, k), h("dd", {}, fmt(v))]));
}

function qaQualityChart(output) {
  const before = (output.quality_before || {}).distribution;
  const after = (output.quality_after || output.quality_summary || {}).distribution;
  if (!after) return null;
  const bands = ["high", "medium", "low"];
  const series = [];
  if (before) series.push({ name: "before regeneration", values: bands.map((b) => before[b] || 0), color: "#8C8C8C" });
  series.push({ name: before ? "after regeneration" : "entries", values: bands.map((b) => after[b] || 0), color: "#55A868" });
  return barChart({ title: "QA quality: entries per judge band", xLabel: "judge band (high ≥ 0.8, medium ≥ 0.6)", yLabel: "entries", categories: bands, series });
}

async function chartImages(artifacts, slot) {
  const images = artifacts.filter((a) => a.kind === "image");
  for (const a of images) {
    const img = h("img", { alt: a.name, class: "chart-img", "data-path": a.path });
    const fig = h("figure", { class: "chart-figure" }, img, h("figcaption", {}, a.name));
    slot.append(fig);
    try {
      img.src = await fileUrl(a.path);
    } catch (err) {
      fig.append(errorBox(err));
    }
  }
}

function stepBlock(step, index) {
  const out = step.output || {};
  const box = h(
    "section",
    { class: `step step-${step.status}`, id: `step-${index}` },
    h("h3", {}, `${index + 1}. `, h("code", {}, step.tool), " ", statusBadge(step.status === "skipped" ? "cancelled" : step.status || "pending"), step.seconds !== undefined ? h("span", { class: "muted small" }, ` ${fmt(step.seconds, 2)} s`) : ""),
  );
  if (step.why) box.append(h("p", { class: "muted" }, step.why));
  box.append(h("h4", {}, "Arguments"), h("pre", { class: "args" }, JSON.stringify(step.args || {}, null, 2)));
  if (step.error) box.append(errorBox(step.error));
  if (step.reason) box.append(h("p", { class: "muted" }, `Skipped: ${step.reason}`));
  if (step.output) {
    if (out.message) box.append(h("p", { class: "step-message" }, out.message));
    const m = metricsList(out.metrics);
    if (m) box.append(h("h4", {}, `Metrics${out.metrics && out.metrics.measured_on ? ` (measured on ${out.metrics.measured_on})` : ""}`), m);
    if (out.metrics_note) box.append(h("p", { class: "muted small" }, out.metrics_note));
    const attempts = attemptsTable(out);
    if (attempts) box.append(attempts);
    const qa = qaQualityChart(out);
    const charts = h("div", { class: "charts" });
    if (qa) charts.append(h("figure", { class: "chart-figure" }, qa));
    box.append(charts);
    chartImages(out.artifacts || [], charts);
    if (step.tool === "label_dataset" || out.lf_summary) box.append(h("p", {}, h("a", { class: "button", href: `#/labeling/${box.dataset.runId || ""}` }, "Open in the labeling workbench")));
    const files = (out.artifacts || []).filter((a) => a.kind !== "image");
    if (files.length) {
      box.append(
        h("h4", {}, "Files"),
        h(
          "ul",
          { class: "files" },
          files.map((a) => h("li", {}, h("a", { href: "#", onclick: (e) => (e.preventDefault(), downloadFile(a.path).catch((err) => toast(err.message, "error"))) }, a.name), " ", h("code", { class: "muted small" }, a.path))),
        ),
      );
    }
    box.append(h("h4", {}, "Output"), jsonBlock(out));
  }
  return box;
}

export async function renderRun(root, params) {
  const runId = params.id;
  const slot = h("div", { id: "run-page" });
  clear(root, slot);
  let controller = null;
  let closed = false;

  async function retry(run) {
    try {
      const next = await api(`/runs/${encodeURIComponent(runId)}/retry`, { method: "POST" });
      location.hash = `#/runs/${next.run_id}`;
    } catch (err) {
      // POST /runs/{id}/retry restarts failed and cancelled runs; any other run (completed,
      // interrupted) is retried as the same goal again on the same thread.
      if (err instanceof ApiError && (err.code === "not_retryable" || ((err.status === 404 || err.status === 405) && err.code.startsWith("http_")))) {
        const next = await api("/generate", { method: "POST", body: { goal: run.goal, thread_id: run.thread_id, mode: "background" } });
        toast("Started the goal again on the same thread.");
        location.hash = `#/runs/${next.run_id}`;
      } else {
        toast(err.message, "error");
      }
    }
  }

  async function render() {
    let run;
    try {
      run = await api(`/runs/${encodeURIComponent(runId)}`);
    } catch (err) {
      clear(slot, h("h2", {}, `Run ${runId}`), errorBox(err));
      return null;
    }
    const result = run.result || {};
    const plan = result.plan || {};
    const steps = result.steps && result.steps.length ? result.steps : (plan.steps || []).map((s) => ({ ...s, status: "pending" }));
    const buttons = h("div", { class: "actions" });
    if (ACTIVE.has(run.status)) {
      buttons.append(
        h("button", { id: "cancel-run", class: "danger", onclick: async () => { await api(`/runs/${encodeURIComponent(runId)}/cancel`, { method: "POST" }); toast("Cancel requested: the run stops at its next step boundary."); render(); } }, "Cancel"),
      );
    } else {
      buttons.append(h("button", { id: "retry-run", onclick: () => retry(run) }, "Retry"));
    }
    const labeling = steps.some((s) => s.tool === "label_dataset" && s.status === "completed");
    if (labeling) buttons.append(h("a", { class: "button primary", href: `#/labeling/${runId}`, id: "open-workbench" }, "Open in the labeling workbench"));
    buttons.append(h("a", { class: "button", href: `#/chat/${run.thread_id}` }, "Open the conversation"));
    clear(
      slot,
      h("h2", {}, run.goal),
      h(
        "div",
        { class: "run-head" },
        statusBadge(run.status),
        progressBar(run.progress),
        h("span", {}, `${fmt(run.progress, 1)}%`),
        h("span", { class: "muted" }, `${run.kind} · ${duration(run)} · started ${when(run.started_at || run.created_at)}`),
        h("span", { class: "muted" }, `thread `, h("a", { href: `#/runs${query({ thread_id: run.thread_id })}` }, run.thread_id)),
        h("code", { class: "muted small" }, run.run_id),
      ),
      run.current_step ? h("p", { class: "muted", id: "current-step" }, run.current_step) : "",
      buttons,
      run.error ? errorBox(run.error) : "",
      result.message ? h("div", { class: "answer" }, h("h3", {}, "Answer"), h("pre", { class: "answer-text" }, result.message)) : "",
      result.question ? h("div", { class: "question" }, h("strong", {}, "Waiting for an answer: "), result.question, " ", h("a", { href: `#/chat/${run.thread_id}` }, "answer it in the chat")) : "",
      h("h3", {}, `Plan (${steps.length} steps)`),
      (plan.notes || []).length ? h("ul", { class: "muted" }, plan.notes.map((n) => h("li", {}, n))) : "",
      steps.map((s, i) => {
        const block = stepBlock(s, i);
        block.querySelectorAll('a[href="#/labeling/"]').forEach((a) => a.setAttribute("href", `#/labeling/${runId}`));
        return block;
      }),
    );
    return run;
  }

  const run = await render();
  if (run && ACTIVE.has(run.status)) {
    controller = new AbortController();
    streamEvents(`/runs/${encodeURIComponent(runId)}/events`, {
      signal: controller.signal,
      onEvent(event, data) {
        const bar = slot.querySelector(".run-head .progress");
        if (data && data.progress !== undefined && bar) bar.replaceWith(progressBar(data.progress));
        const note = slot.querySelector("#current-step");
        if (note && data && (data.message || data.tool)) note.textContent = `${data.tool || ""}: ${data.message || data.status || ""}`;
        if (event === "step" && data.status && data.status !== "started" && !closed) render();
        if (event === "end" && !closed) render();
      },
    }).catch(() => {
      // No live stream (another process ran it): poll until it ends.
      const timer = setInterval(async () => {
        if (closed) return clearInterval(timer);
        const r = await render();
        if (!r || !ACTIVE.has(r.status)) clearInterval(timer);
      }, 1500);
    });
  }
  return () => {
    closed = true;
    if (controller) controller.abort();
  };
}

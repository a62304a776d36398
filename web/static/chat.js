// Chat: a conversation on a thread, streaming the plan, each step's progress and the answer.

import { api, streamEvents } from "./api.js";
import { clear, errorBox, h, progressBar, statusBadge, when } from "./ui.js";

function newThreadId() {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return `thr_${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

function userBubble(text) {
  return h("div", { class: "msg msg-user" }, h("div", { class: "who" }, "you"), h("div", { class: "text" }, text));
}

function answerBubble(text) {
  return h("div", { class: "msg msg-assistant" }, h("div", { class: "who" }, "forgeflow"), h("div", { class: "text" }, text));
}

// One turn's live card: plan steps with their status, a progress bar, the current message.
function runCard() {
  const steps = h("ol", { class: "plan-steps" });
  const bar = h("div", { class: "bar-slot" }, progressBar(0));
  const note = h("div", { class: "muted live-note" }, "planning…");
  const head = h("div", { class: "card-head" }, h("strong", {}, "Plan"), h("span", { class: "run-link" }));
  const card = h("div", { class: "run-card" }, head, steps, bar, note);
  const rows = [];
  return {
    card,
    plan(plan) {
      clear(steps);
      rows.length = 0;
      for (const [i, step] of (plan.steps || []).entries()) {
        const status = h("span", { class: "step-status" }, statusBadge("pending"));
        const line = h(
          "li",
          { class: "plan-step", dataset: { index: String(i) } },
          h("code", {}, step.tool),
          " ",
          h("span", { class: "muted" }, step.why || ""),
          " ",
          status,
        );
        rows.push(status);
        steps.append(line);
      }
      if (!(plan.steps || []).length) steps.append(h("li", { class: "muted" }, plan.question ? "a question first" : "no step"));
    },
    step(event) {
      if (event.index !== undefined && rows[event.index]) {
        const map = { started: "running", completed: "completed", failed: "failed", skipped: "cancelled", unavailable: "failed" };
        if (map[event.status]) clear(rows[event.index], statusBadge(map[event.status]));
      }
      if (event.progress !== undefined) clear(bar, progressBar(event.progress));
      const text = event.message || (event.tool ? `${event.tool}: ${event.status || ""}` : event.status);
      if (text) note.textContent = text;
    },
    link(runId) {
      clear(head.querySelector(".run-link"), h("a", { href: `#/runs/${runId}` }, `run ${runId}`));
    },
    done(status) {
      note.textContent = status === "completed" ? "done" : status;
      if (status === "completed") clear(bar, progressBar(100));
    },
  };
}

export async function renderChat(root, params) {
  let threadId = params.id || null;
  const list = h("ul", { class: "thread-list" });
  const convo = h("div", { class: "conversation", id: "conversation" });
  const input = h("textarea", {
    id: "chat-input",
    rows: 3,
    placeholder: 'What do you want done? e.g. "label bc_pool.csv with weak supervision to AUC 0.95, hand labels in the label column, then train a classifier and evaluate it on bc_test.csv"',
  });
  const send = h("button", { id: "chat-send", class: "primary", type: "submit" }, "Send");
  const form = h("form", { class: "chat-form" }, input, send);
  const title = h("h2", {}, "New conversation");
  clear(
    root,
    h(
      "div",
      { class: "chat-layout" },
      h(
        "aside",
        { class: "threads" },
        h("button", { id: "new-thread", onclick: () => (location.hash = "#/chat") }, "+ New conversation"),
        h("h3", {}, "Earlier conversations"),
        list,
      ),
      h("section", { class: "chat-main" }, title, convo, form),
    ),
  );

  async function loadThreads() {
    try {
      const { threads } = await api("/threads?limit=50");
      clear(
        list,
        threads.length ? "" : h("li", { class: "muted" }, "none yet"),
        threads.map((t) =>
          h(
            "li",
            { class: t.thread_id === threadId ? "active" : "" },
            h("a", { href: `#/chat/${t.thread_id}`, title: t.thread_id }, t.title || t.thread_id),
            h("div", { class: "muted small" }, when(t.updated_at)),
          ),
        ),
      );
    } catch (err) {
      clear(list, errorBox(err));
    }
  }

  let pendingQuestion = null;
  function askInPlace(question, kind) {
    pendingQuestion = question;
    const answer = h("input", { class: "answer-input", placeholder: "your answer", "aria-label": "answer" });
    const box = h(
      "form",
      {
        class: "question",
        onsubmit: (e) => {
          e.preventDefault();
          if (answer.value.trim()) {
            box.querySelectorAll("button,input").forEach((x) => (x.disabled = true));
            turn(answer.value.trim());
          }
        },
      },
      h("div", { class: "q-text" }, h("strong", {}, kind === "confirm" ? "Confirm: " : "Question: "), question),
      kind === "confirm"
        ? [
            h("button", { type: "button", class: "primary", onclick: () => turn("yes") }, "Yes"),
            h("button", { type: "button", onclick: () => turn("no") }, "No"),
          ]
        : [answer, h("button", { class: "primary", type: "submit" }, "Answer")],
    );
    convo.append(box);
    box.scrollIntoView({ block: "end" });
  }

  async function loadThread() {
    if (!threadId) {
      clear(convo, h("p", { class: "muted" }, "Start with a goal in plain words. The plan, each step's progress and the answer stream here; questions are answered in place."));
      return;
    }
    title.textContent = `Conversation ${threadId}`;
    try {
      const thread = await api(`/threads/${encodeURIComponent(threadId)}`);
      title.textContent = thread.title || `Conversation ${threadId}`;
      clear(convo);
      for (const m of thread.messages || []) convo.append(m.role === "user" ? userBubble(m.content) : answerBubble(m.content));
      const runs = thread.runs || [];
      if (runs.length) {
        convo.append(h("p", { class: "muted small" }, "Runs on this thread: ", runs.slice(0, 5).map((r) => [h("a", { href: `#/runs/${r.run_id}` }, r.run_id), " ", statusBadge(r.status), " "])));
      }
      if (thread.waiting_for) {
        const ask = thread.waiting_for;
        askInPlace(typeof ask === "object" ? ask.question : String(ask), typeof ask === "object" ? ask.type : "question");
      }
      convo.scrollTop = convo.scrollHeight;
    } catch (err) {
      clear(convo, errorBox(err));
    }
  }

  async function turn(goal) {
    if (!threadId) {
      threadId = newThreadId();
      history.replaceState(null, "", `#/chat/${threadId}`);
    }
    convo.querySelectorAll(".question").forEach((q) => q.classList.add("answered"));
    convo.append(userBubble(goal));
    const live = runCard();
    convo.append(live.card);
    send.disabled = true;
    let final = null;
    try {
      await streamEvents("/generate", {
        method: "POST",
        body: { goal, thread_id: threadId, mode: "stream" },
        onEvent(event, data) {
          if (data && data.run_id && !final) live.link(data.run_id);
          if (event === "step" && data.type === "plan") live.plan(data.plan || {});
          else if (event === "step" || event === "progress") live.step(data);
          else if (event === "result") final = data;
          else if (event === "error") convo.append(errorBox(data.error || data));
          live.card.scrollIntoView({ block: "end" });
        },
      });
    } catch (err) {
      live.card.remove(); // refused before a run existed (a 4xx): no run to show
      convo.append(errorBox(err));
    } finally {
      send.disabled = false;
    }
    if (final) {
      live.done(final.status);
      if (final.status === "interrupted") {
        const ask = (final.result || {}).interrupt || {};
        askInPlace(final.message || ask.question, ask.type === "confirm" ? "confirm" : "question");
      } else {
        convo.append(answerBubble(final.message || ""));
        const labeling = ((final.result || {}).steps || []).some((s) => s.tool === "label_dataset" && s.status === "completed");
        convo.append(
          h(
            "p",
            { class: "after-run" },
            h("a", { href: `#/runs/${final.run_id}`, class: "button" }, "Open the run page"),
            labeling ? h("a", { href: `#/labeling/${final.run_id}`, class: "button" }, "Review the labels") : "",
          ),
        );
      }
    }
    convo.scrollTop = convo.scrollHeight;
    loadThreads();
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const goal = input.value.trim();
    if (!goal) return;
    input.value = "";
    pendingQuestion = null;
    turn(goal);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) form.requestSubmit();
  });
  await Promise.all([loadThreads(), loadThread()]);
  input.focus();
  return () => {};
}


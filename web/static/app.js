// The console's shell: hash routes, navigation, and the login that keeps the key in this tab.

import { ApiError, api, session, setUnauthorizedHandler } from "./api.js";
import { renderChat } from "./chat.js";
import { renderData, renderDataset } from "./data.js";
import { renderLabelingList, renderWorkbench } from "./labeling.js";
import { renderQaDataset, renderQaList } from "./qa.js";
import { renderRun, renderRuns } from "./runs.js";
import { clear, errorBox, h } from "./ui.js";

const ROUTES = [
  [/^\/chat(?:\/([^/?]+))?$/, (m) => ["chat", renderChat, { id: m[1] }]],
  [/^\/runs$/, () => ["runs", renderRuns, {}]],
  [/^\/runs\/([^/?]+)$/, (m) => ["runs", renderRun, { id: m[1] }]],
  [/^\/data$/, () => ["data", renderData, {}]],
  [/^\/data\/view$/, () => ["data", renderDataset, {}]],
  [/^\/labeling$/, () => ["labeling", renderLabelingList, {}]],
  [/^\/labeling\/([^/?]+)$/, (m) => ["labeling", renderWorkbench, { id: m[1] }]],
  [/^\/qa$/, () => ["qa", renderQaList, {}]],
  [/^\/qa\/([^/?]+)$/, (m) => ["qa", renderQaDataset, { id: m[1] }]],
];

const main = document.getElementById("app");
const nav = document.getElementById("nav");
let authRequired = false;
let cleanup = null;
let loginShown = false;

function parse() {
  const raw = location.hash.replace(/^#/, "") || "/chat";
  const [path, qs] = raw.split("?");
  return { path, params: Object.fromEntries(new URLSearchParams(qs || "")) };
}

function loginView(next, problem) {
  loginShown = true;
  const key = h("input", { id: "api-key", type: "password", autocomplete: "current-password", placeholder: "API key", required: true });
  const form = h(
    "form",
    {
      class: "login",
      onsubmit: async (e) => {
        e.preventDefault();
        session.setKey(key.value.trim());
        try {
          await api("/runs?limit=1");
          const target = next && next !== "/login" ? `#${next}` : "#/chat";
          // The same hash fires no hashchange: render the view directly.
          if (location.hash === target) route();
          else location.hash = target;
        } catch (err) {
          session.setKey("");
          clear(form.querySelector(".problem"), errorBox(err instanceof ApiError && err.status === 401 ? { message: "That key was refused.", hint: "use one of the keys in FORGEFLOW_API_KEYS" } : err));
        }
      },
    },
    h("h2", {}, "Sign in"),
    h("p", {}, "This server asks for an API key (one of FORGEFLOW_API_KEYS). It is kept in this browser tab only and sent as a bearer header."),
    key,
    h("button", { class: "primary", type: "submit", id: "login-submit" }, "Sign in"),
    h("div", { class: "problem" }, problem ? errorBox(problem) : ""),
  );
  clear(main, form);
  key.focus();
}

function renderNav(active) {
  const links = [
    ["chat", "#/chat", "Chat"],
    ["runs", "#/runs", "Runs"],
    ["data", "#/data", "Data"],
    ["labeling", "#/labeling", "Labeling"],
    ["qa", "#/qa", "QA review"],
  ];
  clear(
    nav,
    links.map(([name, href, text]) => h("a", { href, class: name === active ? "active" : "", id: `nav-${name}` }, text)),
    h("span", { class: "spacer" }),
    h("a", { href: "/docs", target: "_blank", rel: "noopener" }, "API docs"),
    authRequired && session.key
      ? h("button", { id: "sign-out", class: "small", onclick: () => (session.setKey(""), (location.hash = "#/login")) }, "Sign out")
      : "",
  );
}

async function route() {
  if (cleanup) {
    try {
      cleanup();
    } catch {
      /* a view's cleanup never blocks the next view */
    }
    cleanup = null;
  }
  const { path, params } = parse();
  if (path === "/login" || (authRequired && !session.key)) {
    renderNav("");
    loginView(path === "/login" ? params.next : path);
    return;
  }
  for (const [re, make] of ROUTES) {
    const m = re.exec(path);
    if (!m) continue;
    loginShown = false;
    const [name, view, extra] = make(m);
    renderNav(name);
    clear(main, h("p", { class: "muted" }, "loading…"));
    try {
      const done = await view(main, { ...params, ...extra });
      if (typeof done === "function") cleanup = done;
    } catch (err) {
      clear(main, errorBox(err));
    }
    return;
  }
  location.hash = "#/chat";
}

setUnauthorizedHandler(() => {
  if (!loginShown) {
    session.setKey("");
    location.hash = `#/login?next=${encodeURIComponent(parse().path)}`;
  }
});

async function start() {
  try {
    const health = await fetch("/health").then((r) => r.json());
    authRequired = Boolean(health.auth);
    document.getElementById("version").textContent = `v${health.version} · LLM ${health.llm}`;
  } catch {
    authRequired = true;
  }
  window.addEventListener("hashchange", route);
  await route();
}

start();

// The console's one way to reach the server: the API key from this browser session, errors as data.

const KEY = "forgeflow.key";
const CREDS = "forgeflow.credentials";

export const session = {
  get key() {
    return sessionStorage.getItem(KEY) || "";
  },
  setKey(value) {
    if (value) sessionStorage.setItem(KEY, value);
    else sessionStorage.removeItem(KEY);
  },
  // Hugging Face / Kaggle credentials: kept in this tab's session only, sent per request.
  get credentials() {
    try {
      return JSON.parse(sessionStorage.getItem(CREDS) || "{}");
    } catch {
      return {};
    }
  },
  setCredentials(values) {
    const clean = Object.fromEntries(Object.entries(values).filter(([, v]) => v));
    sessionStorage.setItem(CREDS, JSON.stringify(clean));
  },
};

export class ApiError extends Error {
  constructor(status, body) {
    const err = (body && body.error) || {};
    const message = typeof err === "string" ? err : err.message || `HTTP ${status}`;
    super(message);
    this.status = status;
    this.code = (typeof err === "object" && err.code) || (body && body.code) || `http_${status}`;
    this.hint = (typeof err === "object" && err.hint) || (body && body.hint) || "";
    this.details = typeof err === "object" ? err.details : undefined;
  }
}

function headers(extra = {}, withCredentials = false) {
  const out = { ...extra };
  if (session.key) out.Authorization = `Bearer ${session.key}`;
  if (withCredentials) {
    const c = session.credentials;
    if (c.hf_token) out["X-HF-Token"] = c.hf_token;
    if (c.kaggle_username) out["X-Kaggle-Username"] = c.kaggle_username;
    if (c.kaggle_key) out["X-Kaggle-Key"] = c.kaggle_key;
  }
  return out;
}

let onUnauthorized = () => {};
export function setUnauthorizedHandler(fn) {
  onUnauthorized = fn;
}

async function raw(path, { method = "GET", body, credentials = false, signal } = {}) {
  const init = { method, headers: headers({}, credentials), signal };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (response.status === 401) onUnauthorized();
  return response;
}

export async function api(path, options = {}) {
  const response = await raw(path, options);
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = { error: { message: text.slice(0, 300) } };
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

export function tool(name, args, options = {}) {
  return api(`/tools/${encodeURIComponent(name)}`, { method: "POST", body: args, ...options }).then(
    (r) => r.output,
  );
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

// Server-sent events over fetch (EventSource cannot send the Authorization header).
export async function streamEvents(path, { method = "GET", body, onEvent, signal } = {}) {
  const response = await raw(path, { method, body, signal });
  if (!response.ok) {
    let parsed = null;
    try {
      parsed = await response.json();
    } catch {
      parsed = null;
    }
    throw new ApiError(response.status, parsed);
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut;
    while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, "");
      let event = "message";
      const data = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (!data.length) continue;
      let parsed;
      try {
        parsed = JSON.parse(data.join("\n"));
      } catch {
        parsed = data.join("\n");
      }
      onEvent(event, parsed);
    }
  }
}

// A workspace file as an object URL (an <img src> cannot carry the key).
const blobCache = new Map();
export async function fileUrl(path) {
  if (blobCache.has(path)) return blobCache.get(path);
  const response = await raw(`/files${query({ path })}`);
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  const url = URL.createObjectURL(await response.blob());
  blobCache.set(path, url);
  return url;
}

export async function downloadFrom(path, filename) {
  const response = await raw(path);
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  const blob = await response.blob();
  const disposition = response.headers.get("content-disposition") || "";
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const name = filename || (match ? decodeURIComponent(match[1]) : "download");
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  return { name, size: blob.size };
}

export function downloadFile(path) {
  return downloadFrom(`/files${query({ path, download: "true" })}`);
}

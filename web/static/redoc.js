// ReDoc from this server's own copy; the spec is fetched with the console's key.
/* global Redoc */
const key = sessionStorage.getItem("forgeflow.key") || "";
const target = document.getElementById("redoc");
fetch("/openapi.json", { headers: key ? { Authorization: `Bearer ${key}` } : {} })
  .then((r) => {
    if (r.status === 401) throw new Error("This server needs an API key: sign in on the console first (/#/login), then reload.");
    return r.json();
  })
  .then((spec) => Redoc.init(spec, { hideDownloadButton: false }, target))
  .catch((err) => {
    target.textContent = String(err.message || err);
  });

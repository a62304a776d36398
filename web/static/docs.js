// Swagger UI from this server's own copy; the spec and "try it out" carry the console's key.
/* global SwaggerUIBundle */
const key = sessionStorage.getItem("forgeflow.key") || "";
const withKey = (request) => {
  if (key) request.headers.Authorization = `Bearer ${key}`;
  return request;
};
SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  requestInterceptor: withKey,
  validatorUrl: null,
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
  layout: "BaseLayout",
});

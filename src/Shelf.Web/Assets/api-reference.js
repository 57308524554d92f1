// Starts Scalar's API reference on /api-reference from the site's own OpenAPI document, with no
// fonts or anything else fetched from the internet. A file of its own: the pages allow no inline script.
Scalar.createApiReference('#app', { url: '/openapi/v1.json', withDefaultFonts: false, hideClientButton: true });

/**
 * The CloudFront Function (viewer request, cloudfront-js-2.0) in front of the app's bucket: the
 * app's own routes (a last path segment without a file extension, such as
 * /ministerium/kompetenzkreis) are answered with /index.html, so that a reload or a shared link
 * opens the right screen; files keep their path, and a missing one is a 404. The same rule as the
 * local server's (packages/local/src/web/static-site.ts).
 *
 * A function rather than the distribution's custom error responses: those apply to every
 * behaviour, and would answer the API's own 403 and 404 under /v1/* with the app's page.
 * The API's paths never reach the bucket's behaviour but `/v1` itself, which stays a 404.
 *
 * Plain ES5 and no imports: the source is sent to CloudFront as it stands.
 */
export const SPA_ROUTING_FUNCTION = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri === '/v1') return request;
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  // A dot after the first character names a file (index-3f2a.js, config.json, favicon.svg).
  if (last.lastIndexOf('.') > 0) return request;
  request.uri = '/index.html';
  return request;
}
`;

/**
 * CORS for the dev servers (scripts/serve.mjs and webpack serve): Excel on the web fetches the
 * functions' metadata from Office's own pages, so those origins, and only those, get an
 * Access-Control-Allow-Origin naming them; no other page can read the add-in's files through a
 * visitor's browser. Never `*`.
 */
const OFFICE_ORIGIN = /^https:\/\/([a-z0-9-]+\.)*(office\.com|officeapps\.live\.com|office365\.com|microsoft365\.com|sharepoint\.com|live\.com)$/i;

function isOfficeOrigin(origin) {
  return typeof origin === 'string' && OFFICE_ORIGIN.test(origin);
}

/** The CORS headers for a request from `origin`: its own name when it is Office's, else none. */
function officeCorsHeaders(origin) {
  return isOfficeOrigin(origin) ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : { Vary: 'Origin' };
}

module.exports = { isOfficeOrigin, officeCorsHeaders };

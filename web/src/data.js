// Where the dashboard's data comes from: the ledger's HTTP API (served dashboard), or JSON embedded in the
// page (a saved report, which must work from a file with no server).

export const FILTERS = ['since', 'until', 'country', 'actor', 'weapon', 'grade', 'type'];
const PAGE = 1000;
const MAX_PAGES = 100;

/** The data embedded by `tallylog report`, or null when the page is the served dashboard. */
export function embedded() {
  const el = document.getElementById('tallylog-data');
  if (!el) return null;
  return JSON.parse(el.textContent);
}

function listOf(body, ...keys) {
  if (Array.isArray(body)) return body;
  for (const key of keys) if (body && Array.isArray(body[key])) return body[key];
  return [];
}

async function getJSON(url) {
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

function query(filters, extra) {
  const params = new URLSearchParams();
  for (const key of FILTERS) if (filters[key]) params.set(key, filters[key]);
  for (const [k, v] of Object.entries(extra || {})) params.set(k, v);
  return params.toString();
}

/** The served ledger: every call goes to the API under the page's own path. */
export class ApiSource {
  constructor(base = 'api/') { this.base = base; }

  async incidents(filters) {
    const items = [];
    let url = `${this.base}incidents?${query(filters, { limit: PAGE, offset: 0 })}`;
    let offset = 0;
    for (let page = 0; page < MAX_PAGES && url; page++) {
      const body = await getJSON(url);
      const got = listOf(body, 'items', 'incidents');
      items.push(...got);
      const next = body && !Array.isArray(body) ? body.next : null;
      if (next === null || next === undefined || next === false || got.length === 0) break;
      if (typeof next === 'number' || /^\d+$/.test(String(next))) {
        offset = Number(next);
        url = `${this.base}incidents?${query(filters, { limit: PAGE, offset })}`;
      } else if (typeof next === 'string') {
        url = next.startsWith('/') || next.startsWith('api/') || next.startsWith('?') ? next : null;
        if (url && url.startsWith('?')) url = `${this.base}incidents${url}`;
      } else {
        break;
      }
    }
    return items;
  }

  async incident(id) {
    return getJSON(`${this.base}incidents/${encodeURIComponent(id)}`);
  }

  async series() {
    try { return listOf(await getJSON(`${this.base}series`), 'series', 'items'); } catch (e) { return []; }
  }

  async reconcile() {
    try { return listOf(await getJSON(`${this.base}reconcile`), 'items', 'rows', 'reconciliation'); } catch (e) { return []; }
  }

  async basemap() {
    return getJSON('static/countries-50m.json');
  }
}

function likeToRegExp(pattern) {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}

/** The same filters as the API's, applied in the page to the incidents a report carries. */
export function matches(inc, f) {
  const day = inc.date ? String(inc.date).slice(0, 10) : null;
  if (f.since && (!day || day < f.since)) return false;
  if (f.until && (!day || day > f.until)) return false;
  if (f.country && String(inc.country || '').toUpperCase() !== f.country.toUpperCase()) return false;
  if (f.actor) {
    const re = f.actor.includes('%') ? likeToRegExp(f.actor) : null;
    const hit = [inc.actor1, inc.actor2].some((a) => a && (re ? re.test(a) : a.toLowerCase() === f.actor.toLowerCase()));
    if (!hit) return false;
  }
  if (f.weapon && !(inc.weapons || []).includes(f.weapon)) return false;
  if (f.grade && inc.grade !== f.grade) return false;
  if (f.type && ![inc.event_type, inc.sub_event_type, inc.kind].some((t) => t && t.toLowerCase() === f.type.toLowerCase())) return false;
  return true;
}

/** A saved report: everything is in the page already. */
export class EmbeddedSource {
  constructor(data) { this.data = data; }
  async incidents(filters) { return (this.data.incidents || []).filter((inc) => matches(inc, filters)); }
  async incident(id) { return (this.data.incidents || []).find((inc) => inc.id === id) || null; }
  async series() { return this.data.series || []; }
  async reconcile() { return this.data.reconcile || []; }
  async basemap() { return this.data.basemap || null; }
}

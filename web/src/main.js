// The tallylog dashboard: filters drive the map, the timeline and the incident table together; choosing an
// incident opens its panel. Served by `tallylog serve` (data from the API) or saved by `tallylog report`
// (data embedded in the page).
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import './style.css';
import { ApiSource, EmbeddedSource, FILTERS, embedded } from './data.js';
import { IncidentMap } from './map.js';
import { drawTimeline } from './timeline.js';
import { renderIncident, renderReconcile, renderTable } from './panel.js';
import { h, clear } from './dom.js';
import { GRADES, WEAPONS, EVENT_TYPES } from './palette.js';

const $ = (id) => document.getElementById(id);

class Dashboard {
  constructor() {
    const data = embedded();
    this.report = data !== null;
    this.source = data ? new EmbeddedSource(data) : new ApiSource();
    this.preset = (data && data.filters) || {};
    this.scheme = 'grade';
    this.incidents = [];
    this.series = [];
    this.lastFocus = null;
    this.form = $('filters');
    this.status = $('status');
    this.map = new IncidentMap($('map'), (id) => this.open(id));
    if (data && data.title) { $('subtitle').textContent = data.title; document.title = `${data.title} — tallylog`; }
  }

  async start() {
    this.fillSelect('f-grade', GRADES);
    this.fillSelect('f-weapon', WEAPONS);
    this.form.addEventListener('submit', (e) => { e.preventDefault(); this.load(); });
    this.form.addEventListener('reset', () => setTimeout(() => this.load(), 0)); // after the fields are cleared
    for (const radio of document.querySelectorAll('input[name="scheme"]')) {
      radio.addEventListener('change', () => { this.scheme = radio.value; this.map.show(this.incidents, this.scheme, false); });
    }
    $('panel-close').addEventListener('click', () => this.close());
    document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !$('panel').hidden) this.close(); });
    window.addEventListener('resize', () => { this.map.invalidate(); this.drawTimeline(); });
    this.readFilters();
    try {
      const [basemap, series, reconcile] = await Promise.all([
        this.source.basemap().catch(() => null), this.source.series(), this.source.reconcile()]);
      this.map.setBasemap(basemap);
      this.series = series;
      renderReconcile($('reconcile'), reconcile);
    } catch (err) {
      this.fail(err);
    }
    await this.load(true);
  }

  fillSelect(id, values) {
    const sel = $(id);
    for (const v of values) sel.append(h('option', { value: v }, v.replace(/_/g, ' ')));
  }

  fillDatalist(id, values) {
    const list = clear($(id));
    for (const v of [...new Set(values.filter(Boolean))].sort()) list.append(h('option', { value: v }));
  }

  /** Filters from the URL (served dashboard) or the report's own, into the form. */
  readFilters() {
    const params = new URLSearchParams(location.hash.slice(1));
    for (const key of FILTERS) {
      const value = params.get(key) || this.preset[key];
      if (value && this.form.elements[key]) this.form.elements[key].value = value;
    }
  }

  filters() {
    const out = {};
    for (const key of FILTERS) {
      const v = (this.form.elements[key].value || '').trim();
      if (v) out[key] = key === 'country' ? v.toUpperCase() : v;
    }
    return out;
  }

  async load(first = false) {
    const filters = this.filters();
    document.body.dataset.state = 'loading';
    this.status.textContent = 'Loading incidents…';
    if (!this.report) {
      const hash = new URLSearchParams(filters).toString();
      history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
    }
    try {
      this.incidents = await this.source.incidents(filters);
    } catch (err) {
      this.fail(err);
      return;
    }
    if (first) {
      this.fillDatalist('countries', this.incidents.map((i) => i.country));
      this.fillDatalist('actors', this.incidents.flatMap((i) => [i.actor1, i.actor2]));
      this.fillDatalist('types', [...EVENT_TYPES, ...this.incidents.flatMap((i) => [i.event_type, i.sub_event_type, i.kind])]);
    }
    const mapped = this.map.show(this.incidents, this.scheme, true);
    this.drawTimeline();
    renderTable($('incident-table'), this.incidents, (id) => this.open(id));
    const n = this.incidents.length;
    this.status.textContent = `${n} incident${n === 1 ? '' : 's'}, ${mapped} on the map`;
    Object.assign(document.body.dataset, { state: 'ready', incidents: String(n), mapped: String(mapped) });
  }

  drawTimeline() {
    const f = this.filters();
    const inScope = (sr) => !f.country || !(sr.region || []).length || sr.region.includes(f.country);
    const series = this.series.filter(inScope).map((sr) => ({ ...sr, points: (sr.points || []).filter((p) =>
      (!f.since || !p.as_of || String(p.as_of) >= f.since) && (!f.until || !p.as_of || String(p.as_of) <= f.until)) }));
    const drawn = drawTimeline($('timeline'), this.incidents, series);
    Object.assign(document.body.dataset, { bars: String(drawn.bars), claims: String(drawn.points) });
  }

  async open(id) {
    const panel = $('panel');
    if (panel.hidden) this.lastFocus = document.activeElement;
    panel.hidden = false;
    document.body.classList.add('panel-open');
    const body = $('panel-body');
    clear(body).append(h('p', {}, 'Loading…'));
    try {
      const inc = await this.source.incident(id);
      if (!inc) throw new Error(`no incident ${id}`);
      renderIncident(body, inc);
      panel.dataset.id = id;
    } catch (err) {
      clear(body).append(h('p', { class: 'error' }, `Could not load ${id}: ${err.message}`));
    }
    this.map.invalidate();
    const heading = $('panel-title');
    (heading || $('panel-close')).focus();
  }

  close() {
    $('panel').hidden = true;
    document.body.classList.remove('panel-open');
    this.map.invalidate();
    if (this.lastFocus && document.contains(this.lastFocus)) this.lastFocus.focus();
  }

  fail(err) {
    document.body.dataset.state = 'error';
    this.status.textContent = `Error: ${err.message}`;
  }
}

window.addEventListener('DOMContentLoaded', () => {
  const dashboard = new Dashboard();
  window.tallylogDashboard = dashboard;
  dashboard.start();
});

// The incident panel (fields, each source with its evidence sentences highlighted, conflicts between
// sources) and the tables. Every ledger string goes in as text.
import { h, clear, safeHref } from './dom.js';

const label = (v) => (v === null || v === undefined || v === '' ? '—' : String(v).replace(/_/g, ' '));

function range(best, low, high) {
  if (best === null || best === undefined) return '—';
  return low !== null && low !== undefined && high !== null && high !== undefined && (low !== best || high !== best)
    ? `${best} (sources say ${low}–${high})` : String(best);
}

function field(dl, name, value) {
  dl.append(h('dt', {}, name), h('dd', {}, value === null || value === undefined ? '—' : value));
}

function place(inc) {
  const parts = [inc.place_name, inc.admin1, inc.country].filter(Boolean);
  const coords = inc.latitude !== null && inc.latitude !== undefined
    ? ` (${Number(inc.latitude).toFixed(3)}, ${Number(inc.longitude).toFixed(3)})` : '';
  return (parts.join(', ') || 'unknown place') + coords;
}

function sourceItem(m) {
  const href = safeHref(m.url);
  const name = m.outlet || m.source || m.report_id || 'source';
  const head = h('p', { class: 'source-head' },
    href ? h('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, name) : h('strong', {}, name),
    ` — ${m.published ? String(m.published).slice(0, 10) : 'undated'}`);
  const item = h('li', { class: 'source' }, head);
  if (m.title) item.append(h('p', { class: 'source-title' }, m.title));
  const facts = [];
  if (m.status) facts.push(`status ${label(m.status)}`);
  if (m.date) facts.push(`date ${m.date}`);
  if (m.place_name) facts.push(`place ${m.place_name}`);
  if (m.fatalities !== null && m.fatalities !== undefined) facts.push(`killed ${m.fatalities}`);
  if (m.injured !== null && m.injured !== undefined) facts.push(`injured ${m.injured}`);
  const who = (m.attribution || []).map((a) => `${a.speaker || '?'}${a.via ? ` via ${a.via}` : ''}`).join('; ');
  if (who) facts.push(`says: ${who}`);
  if (facts.length) item.append(h('p', { class: 'source-facts' }, facts.join(' · ')));
  for (const ev of m.evidence || []) {
    if (!ev || !ev.text) continue;
    item.append(h('blockquote', { class: 'evidence' }, h('mark', {}, ev.text)));
  }
  return item;
}

/** Fill the panel with one incident (the API's detail or a report's incident with its sources). */
export function renderIncident(el, inc) {
  clear(el);
  const title = `${label(inc.sub_event_type || inc.event_type || 'Incident')} at ${inc.place_name || 'unknown place'}`;
  el.append(h('h2', { id: 'panel-title', tabindex: '-1' }, title));
  const dl = h('dl', { class: 'fields' });
  field(dl, 'Incident', inc.id);
  field(dl, 'Date', inc.date ? `${inc.date}${inc.date_precision && inc.date_precision !== 'day' ? ` (${label(inc.date_precision)})` : ''}` : 'undated');
  field(dl, 'Place', place(inc));
  field(dl, 'Event type', [inc.event_type, inc.sub_event_type].filter(Boolean).join(' / ') || null);
  field(dl, 'Kind', label(inc.kind));
  field(dl, 'Actors', inc.actor2 ? `${inc.actor1 || 'unknown'} → ${inc.actor2}` : inc.actor1 || null);
  field(dl, 'Weapons', (inc.weapons || []).map(label).join(', ') || null);
  field(dl, 'Killed', range(inc.fatalities_best, inc.fatalities_low, inc.fatalities_high));
  field(dl, 'Injured', range(inc.injured_best, inc.injured_low, inc.injured_high));
  const reason = inc.candidates && inc.candidates.grade_reason;
  field(dl, 'Grade', `${label(inc.grade)}${reason ? ` (${reason})` : ''}`);
  field(dl, 'Sources', `${inc.n_sources ?? '—'} sources, ${inc.n_mentions ?? '—'} mentions`);
  el.append(dl);

  const conflicts = inc.conflicts || [];
  if (conflicts.length) {
    el.append(h('h3', {}, 'Where sources disagree'));
    const ul = h('ul', { class: 'conflicts' });
    for (const c of conflicts) {
      const values = (c.candidates || []).map((v) => {
        const n = (v.mention_ids || v.mentions || []).length;
        return `${typeof v.value === 'object' && v.value ? (v.value.name || JSON.stringify(v.value)) : label(v.value)} (${n} mention${n === 1 ? '' : 's'})`;
      }).join(' vs ');
      ul.append(h('li', {}, h('strong', {}, label(c.field)), `: ${values}`, c.note ? h('span', { class: 'note' }, ` — ${c.note}`) : null));
    }
    el.append(ul);
  }
  const sources = inc.mentions || inc.sources || [];
  el.append(h('h3', {}, `Sources (${sources.length})`));
  const list = h('ol', { class: 'sources' });
  for (const m of sources) list.append(sourceItem(m));
  el.append(list);
}

function sourceNames(inc) {
  const names = [...new Set((inc.sources || []).map((s) => s.outlet || s.report_id).filter(Boolean))];
  const n = inc.n_sources ?? names.length;
  return names.length ? `${n}: ${names.join('; ')}` : String(n ?? '—');
}

/** The incident table: one row per incident, each opened by a real button. */
export function renderTable(el, incidents, onOpen, max = 500) {
  clear(el);
  const table = h('table', { class: 'incidents' },
    h('caption', {}, `${incidents.length} incident${incidents.length === 1 ? '' : 's'}${incidents.length > max ? ` (first ${max} listed)` : ''}`),
    h('thead', {}, h('tr', {}, ...['Date', 'Incident', 'Country', 'Actor', 'Killed', 'Grade', 'Sources'].map((c) => h('th', { scope: 'col' }, c)))));
  const body = h('tbody');
  for (const inc of incidents.slice(0, max)) {
    body.append(h('tr', {},
      h('td', {}, inc.date || 'undated'),
      h('td', {}, h('button', { type: 'button', class: 'link', dataset: { id: inc.id }, onclick: () => onOpen(inc.id) },
        `${label(inc.sub_event_type || inc.event_type)} at ${inc.place_name || '?'}`)),
      h('td', {}, inc.country || '—'),
      h('td', {}, inc.actor1 || '—'),
      h('td', {}, inc.fatalities_best ?? '—'),
      h('td', {}, label(inc.grade)),
      h('td', {}, sourceNames(inc))));
  }
  table.append(body);
  el.append(table);
}

/** Published counts against the ledger. */
export function renderReconcile(el, rows) {
  clear(el);
  if (!rows.length) { el.append(h('p', { class: 'empty' }, 'No published counts in the ledger.')); return; }
  const table = h('table', { class: 'reconcile' },
    h('caption', {}, 'Published counts against the ledger'),
    h('thead', {}, h('tr', {}, ...['Series', 'As of', 'Claimed', 'Ledger', 'Gap', 'Explanation'].map((c) => h('th', { scope: 'col' }, c)))));
  const body = h('tbody');
  for (const r of rows) {
    body.append(h('tr', {}, h('td', {}, r.series), h('td', {}, r.as_of || '?'), h('td', {}, r.claimed),
      h('td', {}, r.ledger_total), h('td', {}, r.gap), h('td', {}, r.explanation)));
  }
  table.append(body);
  el.append(table);
}

// The timeline, hand-drawn SVG: incidents per day (bars) above, the ledger's cumulative count (line) below
// with every official count claim drawn as a point over it.
import { s, h, clear } from './dom.js';
import { seriesColour } from './palette.js';

const DAY = 86400000;
const toTime = (d) => Date.parse(`${String(d).slice(0, 10)}T00:00:00Z`);
const iso = (t) => new Date(t).toISOString().slice(0, 10);

/** Daily counts and the running total of dated incidents, in date order. */
export function dailyCounts(incidents) {
  const byDay = new Map();
  let undated = 0;
  for (const inc of incidents) {
    const t = inc.date ? toTime(inc.date) : NaN;
    if (Number.isNaN(t)) { undated++; continue; }
    byDay.set(t, (byDay.get(t) || 0) + 1);
  }
  const days = [...byDay.keys()].sort((a, b) => a - b);
  let total = 0;
  const rows = days.map((t) => { total += byDay.get(t); return { t, n: byDay.get(t), cum: total }; });
  return { rows, undated };
}

/** Claim points [{t, value, label, series}] from the series list (API or report shape). */
export function claimPoints(series) {
  const out = [];
  series.forEach((sr, i) => {
    if (sr.unit && sr.unit !== 'attacks') return; // the ledger line counts incidents: only tallies of attacks compare
    const name = sr.series || sr.label || sr.key || `series ${i + 1}`;
    for (const p of sr.points || []) {
      const t = p.as_of ? toTime(p.as_of) : NaN;
      if (Number.isNaN(t) || typeof p.value !== 'number') continue;
      out.push({ t, value: p.value, series: i, name, speaker: p.speaker || '' });
    }
  });
  return out;
}

function ticks(lo, hi, n) {
  if (hi <= lo) return [lo];
  const raw = (hi - lo) / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((st) => st >= raw) || raw;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(v);
  return out;
}

/** Draw into `el` (cleared first). */
export function drawTimeline(el, incidents, series) {
  clear(el);
  const { rows, undated } = dailyCounts(incidents);
  const points = claimPoints(series);
  const width = Math.max(300, el.clientWidth || 600);
  const height = 260;
  const m = { l: 44, r: 12, t: 10, b: 26 };
  const barH = 70, gap = 22;
  const lineTop = m.t + barH + gap, lineH = height - lineTop - m.b;
  const times = [...rows.map((r) => r.t), ...points.map((p) => p.t)];
  if (!times.length) {
    el.append(h('p', { class: 'empty' }, 'No dated incidents or count claims match these filters.'));
    return { bars: 0, points: 0 };
  }
  let t0 = Math.min(...times) - DAY, t1 = Math.max(...times) + DAY;
  const x = (t) => m.l + ((t - t0) / (t1 - t0)) * (width - m.l - m.r);
  const maxN = Math.max(1, ...rows.map((r) => r.n));
  const maxCum = Math.max(1, ...rows.map((r) => r.cum), ...points.map((p) => p.value));
  const yBar = (n) => m.t + barH - (n / maxN) * barH;
  const yCum = (v) => lineTop + lineH - (v / maxCum) * lineH;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'timeline-svg',
    'aria-label': `Timeline: ${rows.reduce((a, r) => a + r.n, 0)} dated incidents over ${rows.length} days, ${points.length} count claims` });
  svg.append(s('title', {}, 'Incidents per day; cumulative ledger count with official count claims'));

  // axes and grid
  const dayW = Math.max(2, Math.min(14, ((width - m.l - m.r) / ((t1 - t0) / DAY)) * 0.8));
  for (const v of ticks(0, maxN, 2)) {
    svg.append(s('line', { x1: m.l, x2: width - m.r, y1: yBar(v), y2: yBar(v), class: 'grid' }));
    svg.append(s('text', { x: m.l - 6, y: yBar(v) + 4, class: 'tick', 'text-anchor': 'end' }, String(v)));
  }
  for (const v of ticks(0, maxCum, 4)) {
    svg.append(s('line', { x1: m.l, x2: width - m.r, y1: yCum(v), y2: yCum(v), class: 'grid' }));
    svg.append(s('text', { x: m.l - 6, y: yCum(v) + 4, class: 'tick', 'text-anchor': 'end' }, String(v)));
  }
  const nTicks = Math.max(2, Math.floor((width - m.l - m.r) / 110));
  const span = (t1 - t0) / DAY;
  const stepDays = Math.max(1, Math.ceil(span / nTicks));
  for (let t = t0 + DAY; t < t1; t += stepDays * DAY) {
    svg.append(s('text', { x: x(t), y: height - 8, class: 'tick', 'text-anchor': 'middle' }, iso(t)));
  }
  svg.append(s('text', { x: m.l, y: m.t + 8, class: 'axis-label' }, 'incidents per day'));
  svg.append(s('text', { x: m.l, y: lineTop - 6, class: 'axis-label' }, 'cumulative: ledger (line) and official counts (points)'));

  // bars
  for (const r of rows) {
    svg.append(s('rect', { x: x(r.t) - dayW / 2, y: yBar(r.n), width: dayW, height: m.t + barH - yBar(r.n), class: 'bar' },
      s('title', {}, `${iso(r.t)}: ${r.n} incident${r.n === 1 ? '' : 's'}`)));
  }
  // cumulative step line
  if (rows.length) {
    let d = `M${x(rows[0].t)},${yCum(0)}`;
    for (const r of rows) d += ` L${x(r.t)},${yCum(r.cum - r.n)} L${x(r.t)},${yCum(r.cum)}`;
    d += ` L${x(t1)},${yCum(rows[rows.length - 1].cum)}`;
    svg.append(s('path', { d, class: 'cum-line' }, s('title', {}, `ledger: ${rows[rows.length - 1].cum} dated incidents`)));
  }
  // claim points
  for (const p of points) {
    svg.append(s('circle', { cx: x(p.t), cy: yCum(p.value), r: 4.5, class: 'claim', fill: seriesColour(p.series) },
      s('title', {}, `${iso(p.t)}: ${p.value} (${p.name}${p.speaker ? `, ${p.speaker}` : ''})`)));
  }
  el.append(svg);

  const key = h('ul', { class: 'timeline-key' },
    h('li', {}, h('span', { class: 'key-bar' }), 'incidents per day'),
    h('li', {}, h('span', { class: 'key-line' }), 'ledger, cumulative'));
  const names = new Map(points.map((p) => [p.series, p.name]));
  for (const [i, name] of names) {
    const dot = h('span', { class: 'key-dot' });
    dot.style.background = seriesColour(i);
    key.append(h('li', {}, dot, name));
  }
  el.append(key);
  if (undated) el.append(h('p', { class: 'note' }, `${undated} undated incident${undated === 1 ? '' : 's'} not on the timeline.`));
  return { bars: rows.length, points: points.length };
}

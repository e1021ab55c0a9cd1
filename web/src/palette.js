// Colours for grades and event types (Okabe-Ito, readable with the common colour-vision deficiencies).

export const GRADES = ['confirmed', 'corroborated', 'single_source', 'claimed_only', 'contested', 'denied'];
export const EVENT_TYPES = ['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests',
  'Riots', 'Strategic developments'];
export const WEAPONS = ['drone', 'rocket', 'missile', 'mortar', 'artillery', 'airstrike', 'ied', 'small_arms', 'other'];

const GRADE_COLOURS = {
  confirmed: '#009E73', corroborated: '#0072B2', single_source: '#E69F00', claimed_only: '#CC79A7',
  contested: '#D55E00', denied: '#444444',
};
const TYPE_COLOURS = {
  'Battles': '#D55E00', 'Explosions/Remote violence': '#0072B2', 'Violence against civilians': '#CC79A7',
  'Protests': '#009E73', 'Riots': '#E69F00', 'Strategic developments': '#56B4E9',
};
const SERIES_COLOURS = ['#D55E00', '#0072B2', '#CC79A7', '#009E73', '#E69F00', '#56B4E9', '#444444'];
export const UNKNOWN = '#8a8a8a';

/** The colour of an incident under the chosen scheme ('grade' or 'type'). */
export function colourOf(incident, scheme) {
  if (scheme === 'type') return TYPE_COLOURS[incident.event_type] || UNKNOWN;
  return GRADE_COLOURS[incident.grade] || UNKNOWN;
}

/** Legend entries (label, colour) for a scheme. */
export function legend(scheme) {
  const table = scheme === 'type' ? TYPE_COLOURS : GRADE_COLOURS;
  return [...Object.entries(table).map(([k, c]) => [k.replace('_', ' '), c]), ['unknown', UNKNOWN]];
}

export function seriesColour(i) {
  return SERIES_COLOURS[i % SERIES_COLOURS.length];
}

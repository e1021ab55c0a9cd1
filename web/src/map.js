// The incident map: Natural Earth country outlines as the only basemap (no tiles), one marker per incident,
// coloured by grade or event type, clustered where they are dense.
import L from './leaflet-global.js';
import 'leaflet.markercluster';
import { feature } from 'topojson-client';
import { colourOf, legend } from './palette.js';
import { h, clear } from './dom.js';

export class IncidentMap {
  /** el: the map container; onOpen(id): called when a marker is chosen. */
  constructor(el, onOpen) {
    this.onOpen = onOpen;
    this.map = L.map(el, { worldCopyJump: false, minZoom: 1, maxZoom: 12, zoomSnap: 0.5, keyboard: true,
      attributionControl: false });
    L.control.attribution({ prefix: false }).addAttribution('Boundaries: Natural Earth').addTo(this.map);
    this.map.setView([30, 30], 2);
    this.cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 30, disableClusteringAtZoom: 10,
      spiderfyOnMaxZoom: true, chunkedLoading: true });
    this.map.addLayer(this.cluster);
    this.legendControl = L.control({ position: 'bottomright' });
    this.legendControl.onAdd = () => { this.legendEl = h('div', { class: 'map-legend' }); return this.legendEl; };
    this.legendControl.addTo(this.map);
    this.mapped = 0;
  }

  setBasemap(topology) {
    if (!topology || !topology.objects) return;
    const key = topology.objects.countries ? 'countries' : Object.keys(topology.objects)[0];
    const countries = feature(topology, topology.objects[key]);
    L.geoJSON(countries, { interactive: false,
      style: { color: '#8c8c84', weight: 0.7, fillColor: '#f3f1ea', fillOpacity: 1 } }).addTo(this.map);
    this.cluster.bringToFront?.();
  }

  /** Show these incidents; returns how many have coordinates. */
  show(incidents, scheme, fit = true) {
    this.cluster.clearLayers();
    const markers = [];
    for (const inc of incidents) {
      const lat = Number(inc.latitude), lon = Number(inc.longitude);
      if (inc.latitude === null || inc.latitude === undefined || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
      const dot = h('span', { class: 'tl-dot' });
      dot.style.background = colourOf(inc, scheme);
      const label = `${inc.date || 'undated'}: ${inc.sub_event_type || inc.event_type || 'incident'} at ${inc.place_name || '?'} (${inc.grade || 'ungraded'})`;
      const icon = L.divIcon({ html: dot, className: 'tl-marker', iconSize: [16, 16], iconAnchor: [8, 8] });
      const marker = L.marker([lat, lon], { icon, keyboard: true, title: label, alt: label, riseOnHover: true });
      marker.incidentId = inc.id;
      marker.on('click', () => this.onOpen(inc.id));
      marker.on('add', () => { const el = marker.getElement(); if (el) { el.dataset.id = inc.id; el.setAttribute('role', 'button'); el.setAttribute('aria-label', label); } });
      markers.push(marker);
    }
    this.cluster.addLayers(markers);
    this.mapped = markers.length;
    this.renderLegend(scheme);
    if (fit && markers.length) {
      const bounds = L.latLngBounds(markers.map((m) => m.getLatLng()));
      this.map.fitBounds(bounds.pad(0.15), { maxZoom: 7, animate: false });
    }
    return markers.length;
  }

  renderLegend(scheme) {
    if (!this.legendEl) return;
    clear(this.legendEl);
    this.legendEl.append(h('strong', {}, scheme === 'type' ? 'Event type' : 'Grade'));
    for (const [name, colour] of legend(scheme)) {
      const sw = h('span', { class: 'swatch' });
      sw.style.background = colour;
      this.legendEl.append(h('div', {}, sw, name));
    }
  }

  invalidate() { this.map.invalidateSize(); }
}

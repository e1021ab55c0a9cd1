// leaflet.markercluster extends the global `L`; make the bundled Leaflet that global before it loads.
import L from 'leaflet';

window.L = L;
export default L;

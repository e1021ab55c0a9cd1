// Builds the dashboard into src/tallylog/serve/static/: app.js and app.css (every library bundled, nothing
// fetched at run time), index.html, the Natural Earth basemap (world-atlas TopoJSON) and the third-party
// licence files. Run with `npm ci && npm run build`; the output is committed so a Python install needs no npm.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'src', 'tallylog', 'serve', 'static');
const modules = join(here, 'node_modules');

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'licenses'), { recursive: true });

await build({
  entryPoints: { app: join(here, 'src', 'main.js') },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  outdir: out,
  legalComments: 'none', // licences are shipped as files in licenses/
  loader: { '.png': 'dataurl', '.svg': 'dataurl' },
  logLevel: 'info',
});

// Leaflet's default attribution prefix links to its web site; the dashboard sets its own attribution, and
// the built files must reference no external URL.
const appJs = join(out, 'app.js');
writeFileSync(appJs, readFileSync(appJs, 'utf8').replace(/<a href="https:\/\/leafletjs\.com"[^"]*"[^>]*>/g, '<a>'));

copyFileSync(join(here, 'src', 'index.html'), join(out, 'index.html'));
copyFileSync(join(modules, 'world-atlas', 'countries-50m.json'), join(out, 'countries-50m.json'));
const licences = {
  'leaflet.LICENSE.txt': join(modules, 'leaflet', 'LICENSE'),
  'leaflet.markercluster.LICENSE.txt': join(modules, 'leaflet.markercluster', 'MIT-LICENCE.txt'),
  'topojson-client.LICENSE.txt': join(modules, 'topojson-client', 'LICENSE'),
  'world-atlas.LICENSE.txt': join(modules, 'world-atlas', 'LICENSE'),
};
for (const [name, path] of Object.entries(licences)) copyFileSync(path, join(out, 'licenses', name));
copyFileSync(join(here, 'THIRD_PARTY.md'), join(out, 'licenses', 'README.md'));

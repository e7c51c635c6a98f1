// Builds the demo server's React example page (src/main/react/react-example.jsx) into one ES module with esbuild.
// Run by longrun-server's Maven build (exec-maven-plugin, generate-resources) with the output folder as argument;
// installs the repository's npm workspace first (`npm ci` at the root) when node_modules is missing or older than
// package-lock.json, so a plain ./mvnw package works on a fresh clone.

import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../../..');
const outDir = resolve(process.argv[2] || join(root, 'longrun-server/target/classes/static/react'));

const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules/.package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.log(`Installing the npm workspace in ${root} (npm ci)`);
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('npm ci failed: the React example page needs react, @tanstack/react-query and esbuild from the npm registry.');
    process.exit(r.status ?? 1);
  }
}

const esbuild = await import(pathToFileURL(join(root, 'node_modules/esbuild/lib/main.js')).href);
await esbuild.build({
  entryPoints: [join(here, 'react-example.jsx')],
  outfile: join(outDir, 'react-example.js'),
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
console.log(`Built ${join(outDir, 'react-example.js')}`);

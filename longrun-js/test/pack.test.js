// `npm pack` gives a tarball a project can install and import, with type declarations for TypeScript users.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

test('the packed tarball installs into a fresh project and its entry points import', () => {
  const work = mkdtempSync(join(tmpdir(), 'longrun-pack-'));
  try {
    const out = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: packageDir, encoding: 'utf8' }));
    const files = out[0].files.map((/** @type {{path: string}} */ f) => f.path);
    for (const f of ['src/longrun-client.js', 'src/react.js', 'src/query.js', 'src/longrun-words.js', 'src/longrun-format.js',
      'types/longrun-client.d.ts', 'types/react.d.ts', 'types/query.d.ts', 'types/longrun-words.d.ts', 'README.md']) {
      assert.ok(files.includes(f), `${f} is in the tarball (${files.join(', ')})`);
    }
    assert.ok(!files.some((/** @type {string} */ f) => f.startsWith('test/')), 'tests stay out of the tarball');
    const app = join(work, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(work, out[0].filename)], { cwd: app, encoding: 'utf8' });
    assert.ok(existsSync(join(app, 'node_modules/@longrun/client/types/longrun-client.d.ts')));
    const printed = execFileSync('node', ['--input-type=module', '-e',
      "import { startJob, watchJob, isTerminal } from '@longrun/client'; console.log(typeof startJob, typeof watchJob, isTerminal('failed'))"],
      { cwd: app, encoding: 'utf8' });
    assert.equal(printed.trim(), 'function function true');
    assert.ok(existsSync(join(app, 'node_modules/@longrun/client/types/longrun-words.d.ts')));
    const said = execFileSync('node', ['--input-type=module', '-e',
      "import { sentence, progressOf } from '@longrun/client/words'; " +
      "const job = { status: 'running', progress_message: null, current_step: 2, total_steps: 4 }; " +
      "console.log(sentence(job) + ' ' + progressOf(job))"],
      { cwd: app, encoding: 'utf8' });
    assert.equal(said.trim(), 'Working on it. 25', 'the words of the cards, from the package');
    assert.deepEqual(readdirSync(join(app, 'node_modules')).filter(d => !d.startsWith('.')), ['@longrun'], 'no dependency is pulled in');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

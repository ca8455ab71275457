import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { GENERATED_LIST_MARKER } from '../../server/src/service/index';
import { installDebianPackages } from '../e2e/provisionTools.mjs';

// The hooks of .pre-commit-hooks.yaml run by Debian's pre-commit through `try-repo`, which clones this
// repository, installs it as pre-commit's node language does (npm install, which builds through
// `prepare`; npm pack; npm install -g) and runs the hook in a scratch git repository.
const root = join(__dirname, '..', '..');
const PRE_COMMIT = '/usr/bin/pre-commit';

/** pre-commit is present, or installed now; under CI a failed install fails the test instead of skipping it. */
function preCommitAvailable(): { ok: true } | { ok: false; reason: string } {
  if (existsSync(PRE_COMMIT)) return { ok: true };
  console.log('pre-commit: installing Debian package pre-commit');
  const installed = installDebianPackages(['pre-commit']);
  return installed.ok && !existsSync(PRE_COMMIT) ? { ok: false, reason: 'apt-get reported success but /usr/bin/pre-commit is missing' } : installed;
}

const available = preCommitAvailable();
if (!available.ok && process.env.CI) throw new Error(`pre-commit cannot be installed: ${available.reason}`);
const skip = available.ok ? false : `pre-commit unavailable (${available.reason}); under CI this fails`;

let scratch: string;
let project: string;
let env: NodeJS.ProcessEnv;

function git(args: string[]) {
  const run = spawnSync('git', args, { cwd: project, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
}

/** `pre-commit try-repo <this repository> [hook] --files ...` in the scratch repository. */
function tryRepo(hook: string[], files: string[]) {
  const started = Date.now();
  const run = spawnSync(PRE_COMMIT, ['try-repo', root, ...hook, '--verbose', '--color=never', '--files', ...files], { cwd: project, env, encoding: 'utf8', timeout: 600_000 });
  console.log(`pre-commit try-repo ${[...hook, ...files].join(' ')}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

before(() => {
  if (skip) return;
  scratch = mkdtempSync(join(tmpdir(), 'carnk-pre-commit-'));
  project = join(scratch, 'thesis');
  mkdirSync(join(project, 'notes'), { recursive: true });
  // npm may take packages from its cache (filled by `npm ci`) before asking the registry.
  env = { ...process.env, npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  git(['init', '-q']);
  git(['config', 'user.email', 'test@example.invalid']);
  git(['config', 'user.name', 'carnk test']);
  // A Quarto book whose second chapter uses what the first defines, a note outside the book, and a generated list.
  writeFileSync(join(project, '_quarto.yml'), 'project:\n  type: book\nbook:\n  title: Thesis\n  chapters:\n    - index.qmd\n    - methods.qmd\n');
  writeFileSync(join(project, 'index.qmd'), '# Introduction\n\nNatural killer (NK) cells kill tumour cells. NK cells need no prior sensitisation.\n');
  writeFileSync(join(project, 'methods.qmd'), '# Methods\n\nNK cells were expanded for 14 days.\n');
  writeFileSync(join(project, 'notes', 'bad.md'), 'NK cells kill tumour cells without prior sensitisation.\n');
  writeFileSync(join(project, '_abbreviations.md'), `${GENERATED_LIST_MARKER}\n\n| Abbreviation | Definition |\n|---|---|\n| NK | natural killer |\n`);
  git(['add', '-A']);
  git(['commit', '-q', '-m', 'manuscripts']);
});

after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('pre-commit hooks', { skip }, () => {
  test('one try-repo run: carnk-lint fails the bad manuscript (and a chapter read alone), not the clean chapter or the generated list; carnk-lint-book passes the book read in order', () => {
    // The second chapter alone has an undefined NK: only the book hook, reading the chapters in order, may pass it.
    const alone = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'lint', '--max-warnings=0', 'methods.qmd'], { cwd: project, encoding: 'utf8' });
    assert.equal(alone.status, 1, alone.stdout);
    // Both hooks in one run: try-repo installs the hook environment afresh on every call (about a minute).
    const run = tryRepo([], ['notes/bad.md', 'index.qmd', '_abbreviations.md', 'methods.qmd', '_quarto.yml']);
    assert.equal(run.code, 1, run.output);
    const lint = /carnk lint \(abbreviations and terminology\)\.+Failed\n([\s\S]*?)(?=carnk lint \(whole book\))/.exec(run.output);
    assert.ok(lint, run.output);
    const reported = lint[1]!.split('\n').filter((line) => /^\S+\.(md|qmd)$/.test(line));
    // methods.qmd alone is reported too: that is why the book hook exists.
    assert.deepEqual(reported.sort(), ['methods.qmd', 'notes/bad.md']);
    assert.match(lint[1]!, /notes\/bad\.md\n\s+1:1\s+warning\s+'NK' is not defined in the main text.*undefined-abbreviation/);
    assert.match(run.output, /carnk lint \(whole book\)\.+Passed/);
  });
});

#!/usr/bin/env node
// The web edition of the knowledge base (issue 11) as a reader's browser and the W3C see it.
//
//   node check_html.js TOOLS_DIR DIGIVESTLAND SOURCE_DIR
//
// Runs `digivestland kunnskapsgrunnlag` on the shipped inputs into a temporary OUT, then for each
// .html the manifest lists as kunnskapsgrunnlag-html (one per målform, both required):
//   - axe-core (WCAG 2.0/2.1 A and AA, and best practice) in Debian's headless chromium through
//     puppeteer-core: no violation, and no rule axe could not decide ("incomplete") left unlisted;
//   - the Nu HTML checker (vnu-jar, run with Debian's java): no error, no warning.
// Then it proves the checks can fail: broken copies (an image without alt text, a duplicate id, no
// lang, a skipped heading level) must each be rejected by the check named for it.
// TOOLS_DIR holds node_modules from tests/html/package-lock.json (ctest fixture html_tools_setup).
'use strict';
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [toolsDir, cli, sourceDir] = process.argv.slice(2);
if (!sourceDir) {
  console.error('usage: check_html.js TOOLS_DIR DIGIVESTLAND SOURCE_DIR');
  process.exit(2);
}
const modules = path.join(toolsDir, 'node_modules');
const puppeteer = require(path.join(modules, 'puppeteer-core'));
const axeSource = fs.readFileSync(path.join(modules, 'axe-core', 'axe.min.js'), 'utf8');
const vnuJar = path.join(modules, 'vnu-jar', 'build', 'dist', 'vnu.jar');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

let failures = 0;
function fail(message) {
  console.log('FAIL ' + message);
  failures++;
}

function generate(work) {
  const out = path.join(work, 'out');
  execFileSync(cli, ['--quiet', '--inputs', path.join(sourceDir, 'inputs'), '--templates', path.join(sourceDir, 'templates'),
                     '--out', out, 'kunnskapsgrunnlag'], { stdio: 'inherit' });
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
  const pages = manifest.filter((e) => e.kind === 'kunnskapsgrunnlag-html').map((e) => path.join(out, e.path));
  if (pages.length !== 2) fail(`manifest lists ${pages.length} kunnskapsgrunnlag-html files, expected 2 (nb and nn)`);
  return pages;
}

async function axe(browser, file) {
  const page = await browser.newPage();
  try {
    await page.goto('file://' + file, { waitUntil: 'load' });
    await page.addScriptTag({ content: axeSource });
    return await page.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      const brief = (list) => list.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
      return { violations: brief(r.violations), incomplete: brief(r.incomplete) };
    }, AXE_TAGS);
  } finally {
    await page.close();
  }
}

// Nu's messages of type "error" and the warnings ("info" with subType "warning"). With
// --format json Nu writes its report to stderr and exits 1 when there are errors.
function vnu(files) {
  const r = spawnSync('java', ['-jar', vnuJar, '--format', 'json', ...files], { encoding: 'utf8' });
  if (r.error || !r.stderr) throw new Error('vnu did not run: ' + (r.error || r.stdout));
  const messages = JSON.parse(r.stderr).messages;
  return messages.filter((m) => m.type === 'error' || m.subType === 'warning' || m.type === 'non-document-error');
}

function describeVnu(m) {
  return `${path.basename(decodeURIComponent(m.url || ''))}:${m.lastLine || '?'}: ${m.type}${m.subType ? '/' + m.subType : ''}: ${m.message}`;
}

// Broken copies of a good page, each with the check that must reject it.
const BREAKAGES = [
  { name: 'image-without-alt', axe: 'image-alt',
    edit: (h) => h.replace('</h1>', '</h1>\n<img src="logo.png">') },
  { name: 'no-lang', axe: 'html-has-lang', edit: (h) => h.replace(/<html lang="[^"]+">/, '<html>') },
  { name: 'skipped-heading-level', axe: 'heading-order', edit: (h) => h.replace(/<h3( id="[^"]+")>/, '<h5$1>').replace(/<\/h3>/, '</h5>') },
  { name: 'duplicate-id', vnu: /Duplicate ID/, edit: (h) => h.replace(/<h2 id="([^"]+)">/, '<h2 id="$1"><span id="$1"></span>') },
];

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-html-'));
  const browser = await puppeteer.launch({
    executablePath: chromium, headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--user-data-dir=' + path.join(work, 'profile')],
  });
  try {
    const pages = generate(work);
    for (const file of pages) {
      const html = fs.readFileSync(file, 'utf8');
      if (/<script/i.test(html)) fail(`${path.basename(file)}: has a script`);
      const r = await axe(browser, file);
      console.log(`axe ${path.basename(file)}: ${r.violations.length} violation(s), ${r.incomplete.length} to review`);
      for (const v of r.violations) fail(`axe ${path.basename(file)}: ${v.id}: ${v.help} at ${v.nodes.join(', ')}`);
      for (const v of r.incomplete) console.log(`  to review (not counted): ${v.id}: ${v.help} at ${v.nodes.join(', ')}`);
    }
    const messages = vnu(pages);
    console.log(`Nu HTML checker: ${messages.length} error(s) and warning(s) in ${pages.length} file(s)`);
    for (const m of messages) fail('vnu ' + describeVnu(m));

    // The checks can fail.
    const good = fs.readFileSync(pages[0], 'utf8');
    for (const b of BREAKAGES) {
      const broken = path.join(work, `broken-${b.name}.html`);
      const edited = b.edit(good);
      if (edited === good) { fail(`breakage ${b.name} changed nothing`); continue; }
      fs.writeFileSync(broken, edited);
      if (b.axe) {
        const r = await axe(browser, broken);
        const caught = r.violations.some((v) => v.id === b.axe);
        console.log(`broken copy ${b.name}: axe ${caught ? 'rejects it' : 'MISSES it'} (${b.axe})`);
        if (!caught) fail(`axe did not report ${b.axe} on ${b.name}`);
      }
      if (b.vnu) {
        const caught = vnu([broken]).some((m) => m.type === 'error' && b.vnu.test(m.message));
        console.log(`broken copy ${b.name}: Nu ${caught ? 'rejects it' : 'MISSES it'} (${b.vnu})`);
        if (!caught) fail(`Nu did not report ${b.vnu} on ${b.name}`);
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
  console.log(failures ? `${failures} failure(s)` : 'html checks: all passed');
  process.exit(failures ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

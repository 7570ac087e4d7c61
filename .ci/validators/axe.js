#!/usr/bin/env node
// Runs axe-core (WCAG 2.0 A/AA and 2.1 AA rules) on every HTML page of one or
// more built sites, in Debian's headless Chromium, at a desktop and a phone
// viewport. Each site is served over http on 127.0.0.1 by a tiny static server
// written here (node's http module). Every request that leaves localhost is
// answered from the site folder when it is under the site's base URL (the 404
// page links there) and refused otherwise, so nothing goes to the network.
//
//   node axe.js --site LABEL DIR BASE_URL [--site LABEL DIR BASE_URL ...]
//
// Prints each violation with its page, viewport, rule id and target selectors,
// then a summary; exits 1 on any violation or on a page that fails to load.
'use strict';

const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];
const VIEWPORTS = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '375x812', width: 375, height: 812 },
];
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const PAGE_TIMEOUT_MS = 30000;
// Also load a missing address a few folders deep: the server answers it with
// 404.html, as a web server would, so that page is checked where it is met.
const MISSING_PATH = '/khong-co-trang-nay/a/b/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
  '.json': 'application/json',
};

function parseArgs(argv) {
  const sites = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--site' && i + 3 < argv.length) {
      sites.push({ label: argv[i + 1], dir: path.resolve(argv[i + 2]), baseUrl: argv[i + 3] });
      i += 3;
    } else {
      throw new Error(`usage: axe.js --site LABEL DIR BASE_URL [...] (at ${argv[i]})`);
    }
  }
  if (sites.length === 0) throw new Error('usage: axe.js --site LABEL DIR BASE_URL [...]');
  return sites;
}

// A file of the site for a URL path: `/x/` is `/x/index.html`. Null when the
// path leaves the folder or names no file.
function resolveFile(root, urlPath) {
  let p;
  try {
    p = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (p.endsWith('/')) p += 'index.html';
  const file = path.normalize(path.join(root, p));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    let st = fs.statSync(file);
    if (st.isDirectory()) {
      const idx = path.join(file, 'index.html');
      st = fs.statSync(idx);
      return st.isFile() ? idx : null;
    }
    return st.isFile() ? file : null;
  } catch {
    return null;
  }
}

function contentType(file) {
  return TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

function serve(root) {
  const server = http.createServer((req, res) => {
    const file = resolveFile(root, new URL(req.url, 'http://localhost').pathname);
    if (!file) {
      const notFound = path.join(root, '404.html');
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : 'not found');
      return;
    }
    res.writeHead(200, { 'content-type': contentType(file) });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function htmlFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && e.name.endsWith('.html')) out.push(full);
    }
  };
  walk(root);
  return out.sort();
}

// The URL path of a page file: `a/b/index.html` is `/a/b/`.
function urlPathOf(root, file) {
  const rel = path.relative(root, file).split(path.sep).map(encodeURIComponent).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return '/' + rel.slice(0, -'index.html'.length);
  return '/' + rel;
}

async function newTab(browser, site, origin, viewport, report) {
  const problems = report.problems;
  const page = await browser.newPage();
  const here = () => page.url().replace(origin, '');
  await page.setViewport({ width: viewport.width, height: viewport.height });
  page.setDefaultNavigationTimeout(PAGE_TIMEOUT_MS);
  await page.setRequestInterception(true);
  const base = site.baseUrl.endsWith('/') ? site.baseUrl : site.baseUrl + '/';
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith(origin + '/') || url === origin || url.startsWith('data:')) {
      req.continue();
    } else if (url.startsWith(base)) {
      // The 404 page links with the absolute base URL: answer from the folder.
      const file = resolveFile(site.dir, '/' + url.slice(base.length));
      if (file) {
        report.fromBase += 1;
        req.respond({ status: 200, contentType: contentType(file), body: fs.readFileSync(file) });
      } else {
        problems.push(`${site.label} ${here()} @${viewport.name}: missing ${url}`);
        req.respond({ status: 404, contentType: 'text/plain', body: 'not found' });
      }
    } else {
      report.blocked.add(url);
      req.abort('blockedbyclient');
    }
  });
  page.on('response', (res) => {
    const url = res.url();
    // A page's own status is checked where it is loaded; this catches its
    // stylesheet, images, icon and the like.
    if (res.status() >= 400 && url.startsWith(origin) && res.request().resourceType() !== 'document') {
      problems.push(`${site.label} ${here()} @${viewport.name}: HTTP ${res.status()} for ${url.replace(origin, '')}`);
    }
  });
  page.on('pageerror', (err) => {
    problems.push(`${site.label} ${here()} @${viewport.name}: script error: ${err.message}`);
  });
  return page;
}

async function checkOne(page, site, origin, urlPath, viewport, report) {
  const url = origin + urlPath;
  const resp = await page.goto(url, { waitUntil: 'load' });
  const expected = urlPath === MISSING_PATH ? 404 : 200;
  if (!resp || resp.status() !== expected) {
    report.problems.push(`${site.label} ${urlPath} @${viewport.name}: HTTP ${resp ? resp.status() : 'no response'}`);
    return;
  }
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    (tags) =>
      window.axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    AXE_TAGS,
  );
  report.runs += 1;
  for (const v of result.violations) {
    report.violations += v.nodes.length;
    report.rules.set(v.id, (report.rules.get(v.id) || 0) + v.nodes.length);
    const lines = [`${site.label} ${urlPath} @${viewport.name}: ${v.id} (${v.impact}) ${v.help} [${v.nodes.length} node(s)]`];
    for (const n of v.nodes) {
      lines.push(`    target: ${n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' | ')}`);
      if (n.failureSummary) lines.push(`      ${n.failureSummary.replace(/\n/g, '\n      ')}`);
    }
    console.log(lines.join('\n'));
  }
}

async function checkSite(browser, site) {
  const server = await serve(site.dir);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const pages = htmlFiles(site.dir).map((f) => urlPathOf(site.dir, f));
  const hasNotFound = fs.existsSync(path.join(site.dir, '404.html'));
  if (hasNotFound) pages.push(MISSING_PATH);
  const report = { label: site.label, pages: pages.length, runs: 0, violations: 0, rules: new Map(), problems: [], fromBase: 0, blocked: new Set() };
  const started = Date.now();
  try {
    // One tab per viewport, working through the pages side by side.
    await Promise.all(
      VIEWPORTS.map(async (vp) => {
        const tab = await newTab(browser, site, origin, vp, report);
        for (const p of pages) {
          try {
            await checkOne(tab, site, origin, p, vp, report);
          } catch (err) {
            report.problems.push(`${site.label} ${p} @${vp.name}: ${err.message}`);
          }
        }
        await tab.close();
      }),
    );
  } finally {
    server.close();
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const rules = [...report.rules].map(([id, n]) => `${id}: ${n}`).join(', ');
  console.log(
    `axe ${site.label}: ${report.pages} pages${hasNotFound ? ` (${report.pages - 1} files + 404.html at ${MISSING_PATH})` : ''} x ${VIEWPORTS.length} viewports = ${report.runs} runs, ` +
      `${report.violations} violation node(s)${rules ? ` (${rules})` : ''}, ${report.problems.length} load problem(s), ${secs}s`,
  );
  if (report.fromBase) console.log(`  ${report.fromBase} request(s) under ${site.baseUrl} answered from the folder`);
  if (report.blocked.size) console.log(`  ${report.blocked.size} other address(es) not fetched: ${[...report.blocked].slice(0, 5).join(' ')}`);
  for (const p of report.problems) console.log(`  problem: ${p}`);
  return report;
}

async function main() {
  const sites = parseArgs(process.argv.slice(2));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'axe-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: false, // `--headless` is passed below, as Debian's chromium wants it
    pipe: true,
    userDataDir: profile,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  });
  let failed = false;
  try {
    console.log(`axe-core ${JSON.parse(fs.readFileSync(require.resolve('axe-core/package.json'))).version}, ${await browser.version()}, tags ${AXE_TAGS.join(',')}`);
    for (const site of sites) {
      const r = await checkSite(browser, site);
      if (r.violations > 0 || r.problems.length > 0 || r.pages === 0) failed = true;
    }
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(`axe.js: ${err.stack || err}`);
  process.exit(2);
});

// Runs queries through the site's own search script (search.js, as the
// browser does) over a built site's index files, read from disk.
// Usage: node query.js <built site> < queries (one JSON per line:
// {"q": "...", "year": "", "kind": ""}); prints, per query, a JSON line
// with the paths of the first results.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const site = process.argv[2];
const core = require(path.join(site, "search.js"));
const dir = path.join(site, "tim-kiem", "chi-muc");
const store = {};
const context = vm.createContext({ campaignSearchData: (name, data) => { store[name] = data; } });
function load(name) {
  if (!store[name]) {
    vm.runInContext(fs.readFileSync(path.join(dir, name + ".js"), "utf8"), context);
  }
  return Promise.resolve(store[name]);
}
const loaded = new Set();
const realLoad = load;
function counting(name) {
  loaded.add(name);
  return realLoad(name);
}
(async () => {
  const manifest = await load("manifest");
  const searcher = new core.Searcher(counting, manifest);
  const lines = fs.readFileSync(0, "utf8").split("\n").filter(Boolean);
  for (const line of lines) {
    const query = JSON.parse(line);
    loaded.clear();
    const found = await searcher.search(query.q, { year: query.year, kind: query.kind });
    const top = await Promise.all(found.ids.slice(0, query.top || 5).map(searcher.record));
    const files = ["manifest", "../../search"].concat([...loaded]);
    const bytes = files.reduce((n, f) => n + fs.statSync(path.join(dir, f + ".js")).size, 0);
    console.log(JSON.stringify({ q: query.q, total: found.ids.length, top: top.map((r) => r[0]), titles: top.map((r) => r[1]), bytes }));
  }
})().catch((e) => { console.error(e); process.exit(1); });

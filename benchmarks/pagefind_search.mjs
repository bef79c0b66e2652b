/* Pagefind's own search (pagefind.js and its WebAssembly) over a built site, in Node, for the relevance
 * benchmark (benchmarks/relevance.py). Usage: node pagefind_search.mjs SITE_DIR < queries.json
 * Reads a JSON list of queries; writes a JSON list, per query: the URLs of the first five results and the
 * files fetched before the first result was known (pagefind.js, its data and the first result's fragment),
 * each query from a cold start, as a visitor's first search. The files are served from 127.0.0.1 by this
 * script, which notes what it sends. Beyond the first five results, up to 15 are read, so that the practice
 * pages among them can be counted (relevance.py skips the other pages). */

import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const site = path.resolve(process.argv[2]);
let served = [];

const server = http.createServer((request, response) => {
  const name = path.join(site, decodeURIComponent(new URL(request.url, "http://x").pathname));
  if (!name.startsWith(site) || !fs.existsSync(name) || !fs.statSync(name).isFile()) {
    response.writeHead(404);
    response.end();
    return;
  }
  const body = fs.readFileSync(name);
  served.push(path.relative(site, name));
  const type = name.endsWith(".wasm") ? "application/wasm" : "application/octet-stream";
  response.writeHead(200, { "Content-Type": type, "Content-Length": body.length });
  response.end(body);
});

async function main() {
  const queries = JSON.parse(fs.readFileSync(0, "utf8"));
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${server.address().port}/pagefind/`;
  const script = path.join(site, "pagefind", "pagefind.js");
  const out = [];
  for (let n = 0; n < queries.length; n++) {
    const pagefind = await import(pathToFileURL(script).href + `?cold=${n}`); // a fresh module: a cold start
    served = [];
    await pagefind.options({ basePath: base });
    const found = await pagefind.search(queries[n]);
    const urls = [];
    let files = null;
    for (const result of found.results.slice(0, 15)) {
      const data = await result.data();
      if (files === null) {
        files = served.slice();
      }
      urls.push(data.url);
    }
    files = ["pagefind/pagefind.js"].concat(files === null ? served : files);
    out.push({ query: queries[n], urls, files });
    await pagefind.destroy();
  }
  server.close();
  process.stdout.write(JSON.stringify(out));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + "\n");
  process.exit(1);
});

// A site built for an address with a path (--base-url .../equality), served
// under that path as its host would: on every page, in Chromium, every
// stylesheet, image and script loads, and every link and image address of
// the site (theme's and Markdown's) answers 200.
// Usage: node subpath.mjs EQSITE_BINARY SITE_FOLDER OUTPUT_FOLDER
import { chromium } from "playwright-core";
import { startServer } from "./server.mjs";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const [bin, site, out] = process.argv.slice(2);
if (!bin || !site || !out) {
  console.error("usage: node subpath.mjs EQSITE_BINARY SITE_FOLDER OUTPUT_FOLDER");
  process.exit(2);
}
const basePath = "/equality/";
const server = await startServer(path.resolve(out), basePath);
const origin = `http://127.0.0.1:${server.port}`;
fs.rmSync(out, { recursive: true, force: true });
execFileSync(bin, ["build", site, "-o", out, "--quiet", "--base-url", origin + basePath.slice(0, -1)], { stdio: "inherit" });

const pages = [];
(function walk(dir, prefix) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory()) walk(path.join(dir, e.name), prefix + e.name + "/");
    else if (e.name === "index.html") pages.push(basePath + prefix);
  }
})(out, "");

const problems = [];
const statusOf = new Map();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const failed = [];
  page.on("response", (r) => { if (r.status() >= 400 && r.url().startsWith(origin)) failed.push(`${r.status()} ${r.url()}`); });
  page.on("requestfailed", (r) => failed.push(`failed ${r.url()}`));
  for (const route of pages) {
    failed.length = 0;
    await page.goto(origin + route, { waitUntil: "load" });
    const sheets = await page.evaluate(() => document.styleSheets.length);
    const addresses = await page.evaluate(() =>
      [...document.querySelectorAll("a[href], link[href], img[src]")].map((e) => e.href || e.src));
    const mine = [...new Set(addresses.filter((a) => a.startsWith(origin)).map((a) => a.split("#")[0]))];
    for (const a of mine) {
      if (!statusOf.has(a)) statusOf.set(a, (await context.request.get(a)).status());
      if (statusOf.get(a) !== 200) failed.push(`${statusOf.get(a)} ${a} (linked)`);
    }
    const outside = mine.filter((a) => !a.startsWith(origin + basePath));
    const ok = failed.length === 0 && sheets > 0 && outside.length === 0;
    if (!ok) problems.push(route);
    console.log(`${ok ? "ok  " : "FAIL"} ${route} (${mine.length} addresses)` +
      (sheets > 0 ? "" : " [no stylesheet]") + failed.map((f) => ` [${f}]`).join("") +
      outside.map((o) => ` [outside ${basePath}: ${o}]`).join(""));
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`subpath: ${pages.length} pages under ${basePath}, ${statusOf.size} addresses, ` +
  `${problems.length ? problems.length + " failed" : "all passed"}`);
process.exit(problems.length ? 1 : 0);

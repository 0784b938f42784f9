// `make screenshots`: one page of each kind of site-example at 390 px and
// 1280 px wide and as printed, into build/screenshots/, for people to
// review (nothing is asserted here; the browser gate asserts).
// Usage: node screenshots.mjs BUILT_SITE_FOLDER OUTPUT_FOLDER
import { chromium } from "playwright-core";
import { startServer } from "./server.mjs";
import fs from "node:fs";
import path from "node:path";

const [site, out] = process.argv.slice(2).map((p) => p && path.resolve(p));
if (!site || !out) {
  console.error("usage: node screenshots.mjs BUILT_SITE_FOLDER OUTPUT_FOLDER");
  process.exit(2);
}
// The first page of each kind, found in the built folder.
const first = (dir, test) => {
  const d = path.join(site, dir);
  if (!fs.existsSync(d)) return null;
  const name = fs.readdirSync(d).sort().find((n) => test(path.join(d, n)));
  return name ? `/${dir}/${name}/` : null;
};
const isDir = (p) => fs.statSync(p).isDirectory();
const school = first("schools", isDir);
const routes = {
  home: "/", duty: "/duty/", policy: "/policy/", objectives: "/objectives/",
  status: fs.existsSync(path.join(site, "objectives/status")) ? first("objectives/status", isDir) : null,
  characteristic: first("characteristics", isDir),
  aim: first("aims", isDir), school, objective: school && first(`${school.slice(1, -1)}/objectives`, isDir),
  "accessibility-plan": school && fs.existsSync(path.join(site, school, "accessibility-plan")) ? `${school}accessibility-plan/` : null,
  data: "/data/", review: "/review/", accessibility: "/accessibility/", "not-found": "/404.html",
  embed: school && `${school}embed/`,
};
fs.mkdirSync(out, { recursive: true });
const server = await startServer(site);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  const page = await browser.newPage();
  for (const [kind, route] of Object.entries(routes)) {
    if (!route) continue;
    for (const width of [390, 1280]) {
      await page.emulateMedia({ media: "screen" });
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`http://127.0.0.1:${server.port}${route}`, { waitUntil: "load" });
      await page.screenshot({ path: path.join(out, `${kind}-${width}.png`), fullPage: true });
    }
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: 794, height: 1123 });  // A4 at 96 dpi
    await page.screenshot({ path: path.join(out, `${kind}-print.png`), fullPage: true });
    console.log(`${kind}: ${route}`);
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`screenshots in ${out}`);

// The browser gate: every HTML page of a built eqsite site, in Debian's
// Chromium (never a downloaded browser), must have
//   - zero axe-core violations for WCAG 2.0/2.1/2.2 A and AA,
//   - zero html-validate errors,
//   - no horizontal page scroll at 320 CSS px (WCAG 1.4.10 reflow).
// On a few pages, Tab from the top must reach the skip link first and
// activating it must move focus to <main>.
// Fragments (fragments/*.html, from `eqsite build --fragments`) are checked
// as a school's CMS would show them: inside a host page, with their
// absolute addresses (the site's real address) answered from the folder.
// Usage: node run.mjs SITE_OUTPUT_FOLDER
// Prints a line per page and "N passed, M failed"; exits 1 on any failure.
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { HtmlValidate } from "html-validate";
import { startServer } from "./server.mjs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(process.argv[2] ?? "");
if (!process.argv[2] || !fs.existsSync(path.join(root, "index.html"))) {
  console.error("usage: node run.mjs SITE_OUTPUT_FOLDER (a built site with index.html)");
  process.exit(2);
}
const outDir = path.join(path.dirname(new URL(import.meta.url).pathname), "out");
// EQSITE_SCREENSHOTS=0: check without saving screenshots (the fixture
// sites, several at once), so out/ is left alone.
const screenshots = process.env.EQSITE_SCREENSHOTS !== "0";
if (screenshots) {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
}

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const KEYBOARD_PAGES = ["/", "/objectives/", "/policy/"];

function htmlPages(dir, prefix = "") {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...htmlPages(path.join(dir, entry.name), rel + "/"));
    else if (entry.name.endsWith(".html")) out.push(rel);
  }
  return out;
}

function routeOf(file) {
  if (file === "index.html") return "/";
  if (file.endsWith("/index.html")) return "/" + file.slice(0, -"index.html".length);
  return "/" + file;
}

// A page of another website with a fragment pasted into its main content.
// The host has ids of its own, among them ones eqsite's pages use
// ("objectives", "schools", "the-duty"): the fragment's ids are prefixed,
// so none repeats (html-validate's no-dup-id would fail the page).
function hostPage(fragment) {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Equality information - a school website</title>
</head>
<body>
<header><p>A school website</p><p><a href="#content">Skip to the content</a></p></header>
<main id="content">
<p id="objectives">Equality objectives</p>
<p id="schools">Our school's equality information, from our trust:</p>
<p id="the-duty">We publish it every year.</p>
${fragment}
</main>
</body>
</html>
`;
}
// The site's own address, as the sitemap gives it.
const siteOrigin = (() => {
  const sitemap = path.join(root, "sitemap.xml");
  const m = fs.existsSync(sitemap) && fs.readFileSync(sitemap, "utf8").match(/<loc>(https?:\/\/[^/<]+)/);
  return m ? m[1] : null;
})();

const validator = new HtmlValidate(JSON.parse(fs.readFileSync(new URL("./htmlvalidate.json", import.meta.url))));
const server = await startServer(root);
const base = `http://127.0.0.1:${server.port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
if (siteOrigin) {
  // Absolute addresses of the site (in fragments) are answered from the folder.
  await context.route(siteOrigin + "/**", async (r) => {
    let rel = decodeURIComponent(new URL(r.request().url()).pathname);
    if (rel.endsWith("/")) rel += "index.html";
    const file = path.join(root, path.normalize(rel));
    if (file.startsWith(root + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile())
      await r.fulfill({ path: file });
    else await r.fulfill({ status: 404, body: "Not found" });
  });
}

let passed = 0;
let failed = 0;
try {
  for (const file of htmlPages(root)) {
    const route = routeOf(file);
    const problems = [];

    const fragment = file.startsWith("fragments/");
    const html = fragment ? hostPage(fs.readFileSync(path.join(root, file), "utf8"))
                          : fs.readFileSync(path.join(root, file), "utf8");
    const report = await validator.validateString(html, file);
    for (const r of report.results)
      for (const m of r.messages) problems.push(`html ${m.line}:${m.column} ${m.ruleId}: ${m.message}`);

    await page.setViewportSize({ width: 1280, height: 900 });
    if (fragment) {
      await page.goto(base + "/404.html", { waitUntil: "load" });
      await page.setContent(html, { waitUntil: "load" });
      const styled = await page.evaluate(() => getComputedStyle(document.querySelector(".eqsite-fragment a") ?? document.body).color);
      if (styled !== "rgb(26, 77, 143)") problems.push(`fragment: its stylesheet did not apply (link colour ${styled})`);
    } else {
      await page.goto(base + route, { waitUntil: "load" });
    }
    const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    for (const v of axe.violations)
      problems.push(`axe ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
    const shot = file.replace(/\//g, "_").replace(/\.html$/, "");
    if (screenshots) await page.screenshot({ path: path.join(outDir, `${shot}-1280.png`) });

    await page.setViewportSize({ width: 320, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) problems.push(`reflow: the page scrolls sideways by ${overflow}px at 320px wide`);
    // No table caption is cut off at 320px, and no column: the theme's
    // tables that stack on a narrow screen (review dates, actions) must fit;
    // any other table (figures, or one written in Markdown) may scroll
    // inside its own box if that box can be reached by keyboard.
    const cut = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const found = [];
      const shown = (el) => {
        const r = el.getBoundingClientRect();
        return r.width > 1 && r.height > 1 ? r : null;
      };
      for (const el of document.querySelectorAll("caption, .table-caption")) {
        const r = shown(el);
        if (r && (r.right > width + 1 || r.left < -1))
          found.push(`the caption "${el.textContent.trim().slice(0, 50)}" is cut off at 320px`);
      }
      for (const table of document.querySelectorAll("table")) {
        const box = table.closest(".table-scroll");
        if (!table.classList.contains("stacks") && box && box.scrollWidth > box.clientWidth) {
          if (box.tabIndex !== 0) found.push(`table ${table.id}: it scrolls, but its box cannot be reached by keyboard`);
          continue;
        }
        for (const cell of table.querySelectorAll("th, td")) {
          const r = shown(cell);
          if (r && r.right > width + 1) {
            found.push(`a column of the table "${(table.querySelector("caption") || table).textContent.trim().slice(0, 40)}" is cut off at 320px`);
            break;
          }
        }
      }
      return found;
    });
    problems.push(...cut);
    if (screenshots) await page.screenshot({ path: path.join(outDir, `${shot}-320.png`) });

    // A site that asks for the school filter (scripts: school_filter):
    // typing narrows the list of schools, and says how many are shown.
    if (await page.$("#school-filter-input")) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(base + route, { waitUntil: "load" });
      const first = (await page.textContent(".school-list li a")).trim();
      const total = await page.locator(".school-list li").count();
      if (!(await page.isVisible("#school-filter-input"))) problems.push("school filter: the box is not shown");
      else {
        await page.fill("#school-filter-input", "zzqx-no-such-school");
        const none = await page.locator(".school-list li:visible").count();
        const count = (await page.textContent("#school-filter-count")).trim();
        if (none !== 0) problems.push(`school filter: ${none} schools still shown for a name no school has`);
        if (!/\b0\b/.test(count)) problems.push(`school filter: the count says "${count}" for no school`);
        await page.fill("#school-filter-input", first.split(" ")[0].toLowerCase());
        const some = await page.locator(".school-list li:visible").count();
        if (some < 1 || some > total) problems.push(`school filter: ${some} schools shown for "${first.split(" ")[0]}"`);
        await page.fill("#school-filter-input", "");
        if ((await page.locator(".school-list li:visible").count()) !== total)
          problems.push("school filter: clearing the box does not show every school again");
      }
    }

    if (KEYBOARD_PAGES.includes(route)) {
      // On paper: a link inside the page shows its whole address, and the
      // contact for other formats is kept.
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(base + route, { waitUntil: "load" });
      // Only a site that gives a contact has one to keep.
      const onScreen = await page.evaluate(() => document.querySelector(".site-footer")?.innerText ?? "");
      await page.emulateMedia({ media: "print" });
      const printed = await page.evaluate(() => {
        const a = document.querySelector('main a[href^="/"]');
        const after = a ? getComputedStyle(a, "::after").content : null;
        const footer = document.querySelector(".site-footer");
        return { after, footer: footer ? footer.innerText : "" };
      });
      if (printed.after !== null && !/\(https?:\/\//.test(printed.after))
        problems.push(`print: a link's address prints as ${printed.after}, not in full`);
      // A site that asks for it (scripts: print_date) says the day it is printed.
      if (await page.$("#printed-on")) {
        const on = (await page.textContent("#printed-on")) ?? "";
        if (!on.includes(String(new Date().getFullYear()))) problems.push(`print: the day it was printed is "${on}"`);
      }
      if (/another format/.test(onScreen) && !/another format/.test(printed.footer))
        problems.push("print: the contact for other formats is not printed");
      if (!/Printed from https?:\/\//.test(printed.footer)) problems.push("print: the copy does not say where it was printed from");
      await page.emulateMedia({ media: "screen" });
      await page.goto(base + route, { waitUntil: "load" });
      await page.keyboard.press("Tab");
      const first = await page.evaluate(() => document.activeElement?.className ?? "");
      if (first !== "skip-link") {
        problems.push(`keyboard: the first Tab focuses "${first}", not the skip link`);
      } else {
        await page.keyboard.press("Enter");
        const target = await page.evaluate(() => document.activeElement?.tagName ?? "");
        if (target !== "MAIN") problems.push(`keyboard: the skip link moves focus to ${target}, not <main>`);
      }
    }

    if (problems.length) {
      failed++;
      console.log(`FAIL ${route}`);
      for (const p of problems) console.log(`     ${p}`);
    } else {
      passed++;
      console.log(`ok   ${route}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
if (screenshots) console.log(`screenshots in ${path.relative(process.cwd(), outDir) || outDir}${os.EOL}`);
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed || passed === 0 ? 1 : 0);

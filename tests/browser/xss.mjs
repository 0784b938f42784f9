// Proves that no script written in a site's content can run in a built page.
// It writes a small site whose Markdown bodies (trust home page, a policy
// section, a school, a trust objective) hold every vector of the OWASP "XSS
// Filter Evasion Cheat Sheet" that Markdown can express (link and image
// addresses, reference links, autolinks, titles, alt text, raw and inline
// HTML, entity-encoded and control-character schemes), and whose front
// matter holds hostile text. Every payload, if it ran, would set
// window.__x = '<vector name>'. It builds the site with eqsite, serves it,
// and in Debian's Chromium, on every page that holds a vector:
//   - fails on a page error or a console message (other than a failed
//     resource load), and if window.__x is set: a setter installed before
//     any page script reports every assignment, read also directly;
//   - clicks every <a>, each in a freshly loaded page, so that a javascript:
//     address would run;
//   - fails on any URL attribute whose protocol is not http:, https:,
//     mailto: or tel:, any on* attribute, any <script> (a build has none) or
//     other element that runs or loads active content, and on a page showing
//     a body, raw HTML that is not shown as text.
// Usage: node xss.mjs EQSITE_BINARY SCRATCH_FOLDER
// Prints a line per page and a summary naming each failing vector; exits 1
// on any failure.
import { chromium } from "playwright-core";
import { spawnSync } from "node:child_process";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const [bin, scratch] = process.argv.slice(2).map((a) => a && path.resolve(a));
if (!bin || !scratch) {
  console.error("usage: node xss.mjs EQSITE_BINARY SCRATCH_FOLDER");
  process.exit(2);
}

// ---------------------------------------------------------------- vectors

const P = (n) => `window.__x='${n}'`;  // what every payload does if it runs
const b64 = (s) => Buffer.from(s).toString("base64");
const encodeAll = (s, f) => [...s].map((c) => f(c.charCodeAt(0))).join("");
const JS = "javascript:";

// Addresses that must never become a live link or image source. `angle`:
// only valid inside <...> (spaces), so the bare link form is skipped.
const ADDRESSES = [
  ["js", (n) => JS + P(n)],
  ["js-void", (n) => `${JS}void(${P(n)})`],
  ["js-mixed-case", (n) => "JaVaScRiPt:" + P(n)],
  ["js-upper", (n) => "JAVASCRIPT:" + P(n)],
  ["js-comment-newline", (n) => `${JS}//%0A${P(n)}`],
  ["js-escaped-colon", (n) => "javascript\\:" + P(n)],
  ["js-dec-first", (n) => "&#106;avascript:" + P(n)],
  ["js-dec-all", (n) => encodeAll(JS, (c) => `&#${c};`) + P(n)],
  ["js-dec-padded", (n) => encodeAll(JS, (c) => `&#${String(c).padStart(7, "0")};`) + P(n)],
  ["js-dec-padded-nosemi", (n) => encodeAll(JS, (c) => `&#${String(c).padStart(7, "0")}`) + P(n)],
  ["js-hex-first", (n) => "&#x6A;avascript:" + P(n)],
  ["js-hex-upper-x", (n) => "&#X6A;avascript:" + P(n)],
  ["js-hex-all", (n) => encodeAll(JS, (c) => `&#x${c.toString(16)};`) + P(n)],
  ["js-hex-all-nosemi", (n) => encodeAll(JS, (c) => `&#x${c.toString(16)}`) + P(n)],
  ["js-colon-dec", (n) => "javascript&#58;" + P(n)],
  ["js-colon-hex", (n) => "javascript&#x3A;" + P(n)],
  ["js-colon-named", (n) => "javascript&colon;" + P(n)],
  ["js-tab-entity", (n) => "jav&#x09;ascript:" + P(n)],
  ["js-tab-dec", (n) => "jav&#9;ascript:" + P(n)],
  ["js-newline-entity", (n) => "jav&#x0A;ascript:" + P(n)],
  ["js-cr-entity", (n) => "jav&#x0D;ascript:" + P(n)],
  ["js-nul-entity", (n) => "java&#0;script:" + P(n)],
  ["js-lead-entity-14", (n) => "&#14;javascript:" + P(n)],
  ["js-lead-entity-14-spaces", (n) => "&#14;  javascript:" + P(n), "angle"],
  ["js-lead-entity-space", (n) => "&#32;javascript:" + P(n)],
  ["js-lead-entity-tab", (n) => "&#9;javascript:" + P(n)],
  ["js-lead-spaces", (n) => "  javascript:" + P(n), "angle"],
  ["js-raw-tab", (n) => "jav\tascript:" + P(n), "angle"],
  ["vbscript", (n) => "vbscript:" + P(n)],
  ["vbscript-mixed-case", (n) => "VbScRiPt:" + P(n)],
  ["livescript", (n) => "livescript:" + P(n)],
  ["mocha", (n) => "mocha:" + P(n)],
  ["data-html-base64", (n) => "data:text/html;base64," + b64(`<script>${P(n)}</script>`)],
  ["data-html", (n) => `data:text/html,%3Cscript%3E${P(n)}%3C/script%3E`],
  ["data-mixed-case", (n) => "DaTa:text/html;base64," + b64(`<script>${P(n)}</script>`)],
  ["data-dec-first", (n) => "&#100;ata:text/html;base64," + b64(`<script>${P(n)}</script>`)],
  ["data-svg-base64", (n) => "data:image/svg+xml;base64," + b64(`<svg xmlns="http://www.w3.org/2000/svg" onload="${P(n)}"/>`)],
  ["file", () => "file:///etc/passwd"],
];

// Raw HTML from the cheat sheet; with unsafe_html off it must show as text.
const HTML = [
  ["script", (n) => `<script>${P(n)}</script>`],
  ["script-src-data", (n) => `<SCRIPT SRC=data:,${P(n)}></SCRIPT>`],
  ["script-slash-xss", (n) => `<SCRIPT/XSS SRC="data:,${P(n)}"></SCRIPT>`],
  ["script-extra-lt", (n) => `<<SCRIPT>${P(n)};//\\<</SCRIPT>`],
  ["script-unclosed", (n) => `<SCRIPT SRC=data:,${P(n)}?< B >`],
  ["title-breakout", (n) => `</TITLE><SCRIPT>${P(n)}</SCRIPT>`],
  ["img-js", (n) => `<IMG SRC="javascript:${P(n)};">`],
  ["img-js-noquotes", (n) => `<IMG SRC=JaVaScRiPt:${P(n)}>`],
  ["img-js-grave", (n) => `<IMG SRC=\`javascript:${P(n)}\`>`],
  ["img-tab-entity", (n) => `<IMG SRC="jav&#x09;ascript:${P(n)};">`],
  ["img-malformed", (n) => `<IMG """><SCRIPT>${P(n)}</SCRIPT>">`],
  ["img-onerror", (n) => `<img src=/missing.png onerror=${P(n)}>`],
  ["img-slash-onerror", (n) => `<IMG SRC=/ onerror="${P(n)}"></img>`],
  ["a-onmouseover", (n) => `<a onmouseover="${P(n)}">xxs link</a>`],
  ["a-href-js", (n) => `<A HREF="javascript:${P(n)}">link</A>`],
  ["svg-onload", (n) => `<svg/onload=${P(n)}>`],
  ["body-onload", (n) => `<BODY ONLOAD=${P(n)}>`],
  ["body-nonalpha", (n) => `<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^\`=${P(n)}>`],
  ["iframe-js", (n) => `<IFRAME SRC="javascript:${P(n)};"></IFRAME>`],
  ["iframe-onload", (n) => `<iframe onload=${P(n)}></iframe>`],
  ["input-image", (n) => `<INPUT TYPE="IMAGE" SRC="javascript:${P(n)};">`],
  ["meta-refresh", (n) => `<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:${P(n)};">`],
  ["meta-refresh-data", (n) => `<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html;base64,${b64(`<script>${P(n)}</script>`)}">`],
  ["object-data", (n) => `<OBJECT TYPE="text/html" DATA="data:text/html,<script>${P(n)}</script>"></OBJECT>`],
  ["embed-svg", (n) => `<EMBED SRC="data:image/svg+xml;base64,${b64(`<svg xmlns="http://www.w3.org/2000/svg" onload="${P(n)}"/>`)}">`],
  ["base-href", (n) => `<BASE HREF="javascript:${P(n)};//">`],
  ["link-stylesheet", (n) => `<LINK REL="stylesheet" HREF="javascript:${P(n)};">`],
  ["style-import", (n) => `<STYLE>@import'javascript:${P(n)}';</STYLE>`],
  ["div-background", (n) => `<DIV STYLE="background-image: url(javascript:${P(n)})">`],
  ["table-background", (n) => `<TABLE BACKGROUND="javascript:${P(n)}">`],
  ["details-ontoggle", (n) => `<details open ontoggle=${P(n)}>`],
  ["form-formaction", (n) => `<form><button formaction=javascript:${P(n)}>go</button></form>`],
  ["math-xlink", (n) => `<math><a xlink:href="javascript:${P(n)}">link</a></math>`],
  ["ie-conditional", (n) => `<!--[if gte IE 4]><SCRIPT>${P(n)}</SCRIPT><![endif]-->`],
  ["xml-island", (n) => `<XML ID="I"><X><C><![CDATA[<IMG SRC="javas]]><![CDATA[cript:${P(n)};">]]></C></X></XML>`],
];

const ctrl = (c) => String.fromCharCode(c), hex2 = (c) => c.toString(16).padStart(2, "0");

// Every vector: [name, Markdown]. `html: true` vectors must show as text.
const VECTORS = [
  ...ADDRESSES.flatMap(([id, a, angle]) => [
    ...(angle ? [] : [[`link-${id}`, (n) => `[${n}](${a(n)})`]]),
    [`link-angle-${id}`, (n) => `[${n}](<${a(n)}>)`],
    [`image-${id}`, (n) => `![${n}](<${a(n)}>)`],
    [`ref-${id}`, (n) => `[${n}][${n}]\n\n[${n}]: <${a(n)}>`],
  ]),
  ...Array.from({ length: 31 }, (_, i) => i + 1).flatMap((c) => [
    [`ctrl-${hex2(c)}-angle`, (n) => `[${n}](<${ctrl(c)}${JS}${P(n)}>)`],
    [`ctrl-${hex2(c)}-bare`, (n) => `[${n}](${ctrl(c)}${JS}${P(n)})`],
    [`ctrl-${hex2(c)}-image`, (n) => `![${n}](<${ctrl(c)}${JS}${P(n)}>)`],
  ]),
  ["autolink-js", (n) => `<${JS}${P(n)}>`],
  ["autolink-mixed-case", (n) => `<JaVaScRiPt:${P(n)}>`],
  ["autolink-comment-newline", (n) => `<${JS}//%0A${P(n)}>`],
  ["autolink-vbscript", (n) => `<vbscript:${P(n)}>`],
  ["autolink-livescript", (n) => `<livescript:${P(n)}>`],
  ["autolink-data", (n) => `<data:text/html;base64,${b64(`<script>${P(n)}</script>`)}>`],
  ["autolink-tab-entity", (n) => `<java&#x09;script:${P(n)}>`],
  ["autolink-dec-first", (n) => `<&#106;avascript:${P(n)}>`],
  ["autolink-www-quote", (n) => `www.x.example/'"onmouseover=${P(n)}`],
  ["autolink-https-quote", (n) => `https://x.example/"onmouseover=${P(n)}`],
  ["link-title-quote", (n) => `[${n}](/ok "\\" onmouseover=${P(n)} x=\\"")`],
  ["link-title-entity", (n) => `[${n}](/ok "&quot; onmouseover=${P(n)} x=&quot;")`],
  ["link-title-close", (n) => `[${n}](/ok "\\"><script>${P(n)}</script>")`],
  ["ref-title-quote", (n) => `[${n}][${n}]\n\n[${n}]: /ok "\\"><img src=/missing.png onerror=${P(n)}>"`],
  ["image-title-quote", (n) => `![${n}](/missing.png "\\" onerror=${P(n)} x=\\"")`],
  ["image-title-entity", (n) => `![${n}](/missing.png "&#34; onerror=${P(n)} x=&#34;")`],
  ["image-alt-quote", (n) => `![${n}" onerror="${P(n)}](/missing.png)`],
  ["image-alt-entity", (n) => `![&#34; onerror=${P(n)} x=&#34;](/missing.png)`],
  ["image-alt-html", (n) => `![<img src=/missing.png onerror=${P(n)}>](/missing.png)`],
  ["image-in-link-js", (n) => `[![${n}](/missing.png)](${JS}${P(n)})`],
  ["image-in-link-entity", (n) => `[![${n}](/missing.png)](&#106;avascript:${P(n)})`],
  ["heading-link-js", (n) => `## ${n} [go](${JS}${P(n)})`],
  ["heading-link-entity", (n) => `## ${n} [go](&#106;avascript:${P(n)})`],
  ["heading-image-then-link", (n) => `## Logo ![ ](/missing.png)\n[${n}](<x onerror=${P(n)}//>)`],
  ["heading-image-then-image", (n) => `## Logo ![logo](/missing.png)\n![${n}](<x onerror=${P(n)}// >)`],
  ["heading-image-then-title", (n) => `### ![ ](/missing.png) Logo\n[${n}](/ok "x onerror=${P(n)}// ")`],
  ...HTML.flatMap(([id, h]) => [
    [`html-block-${id}`, (n) => h(n), true],
    [`html-inline-${id}`, (n) => `Text before ${h(n)} text after.`, true],
  ]),
].map(([name, md, html]) => ({ name, md: md(name), html: !!html }));

// Front matter shown on pages: a payload for HTML text and attribute contexts.
const hostile = (n) => `</title><script>${P(n)}</script><img src=/missing.png onerror=${P(n)}>"'><svg onload=${P(n)}>`;
const FRONT = ["fm-trust-name", "fm-home-title", "fm-home-summary", "fm-policy-title", "fm-school-name",
  "fm-school-headteacher", "fm-school-equality-lead", "fm-school-website", "fm-objective-title", "fm-objective-why",
  "fm-objective-owner", "fm-objective-target-group", "fm-objective-measure", "fm-action-text", "fm-action-owner",
  "fm-progress-note"];
const ALL_NAMES = new Set([...VECTORS.map((v) => v.name), ...FRONT]);

// ---------------------------------------------------------------- the site

const q = (s) => JSON.stringify(s);  // a JSON string is a YAML double-quoted scalar
// The markers tell the pages that show a whole body from those that show
// only front matter (lists, other pages).
const BODY_START = "XSS-BODY-START";
const body = [BODY_START, ...VECTORS.map((v) => v.md), "XSS-BODY-END"].join("\n\n") + "\n";

function writeSite(site) {
  fs.rmSync(site, { recursive: true, force: true });
  const put = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(site, rel)), { recursive: true });
    fs.writeFileSync(path.join(site, rel), text);
  };
  put("site.yaml", `trust:\n  name: ${q(hostile("fm-trust-name"))}\n  url: https://xss.example\n` +
    "today: 2026-09-01\ninformation_updated: 2026-01-10\nmarkdown:\n  unsafe_html: false\n");
  put("content/trust/index.md", `---\ntitle: ${q(hostile("fm-home-title"))}\nsummary: ${q(hostile("fm-home-summary"))}\n---\n${body}`);
  put("content/trust/policy/scope.md", `---\ntitle: ${q(hostile("fm-policy-title"))}\nweight: 1\n---\n${body}`);
  put("content/schools/x-school/index.md", "---\n" +
    `name: ${q(hostile("fm-school-name"))}\nphase: primary\nheadteacher: ${q(hostile("fm-school-headteacher"))}\n` +
    `equality_lead: ${q(hostile("fm-school-equality-lead"))}\n` +
    // A website holding a quote, an angle bracket or a backtick is refused
    // before anything is built (checked like trust.url): the payload here is
    // what gets through, an address whose & and = must stay in its href.
    `website: ${q(`https://x.example/fm-school-website&onmouseover=window.__x=1/`)}\n` +
    `objectives_published: 2025-09-01\n---\n${body}`);
  put("content/trust/objectives/x.md", "---\n" +
    `title: ${q(hostile("fm-objective-title"))}\nabout: pupils\naims: [advance-equality]\ncharacteristics: [race]\n` +
    `target_groups: [${q(hostile("fm-objective-target-group"))}]\nwhy: ${q(hostile("fm-objective-why"))}\n` +
    `owner: [${q(hostile("fm-objective-owner"))}]\nstart: 2025-09-01\ndue: 2028-07-31\nstatus: on-track\n` +
    `measures:\n  - ${q(hostile("fm-objective-measure"))}\n` +
    `actions:\n  - text: ${q(hostile("fm-action-text"))}\n    owner: ${q(hostile("fm-action-owner"))}\n    status: planned\n` +
    `progress:\n  - date: 2026-03-01\n    note: ${q(hostile("fm-progress-note"))}\n---\n${body}`);
}

function build(site, out) {
  const r = spawnSync(bin, ["build", site, "-o", out], { encoding: "utf8" });
  if (r.status !== 0) {
    console.error(`eqsite build exited ${r.status ?? r.signal}:\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
}

// ---------------------------------------------------------------- serving

function serve(root) {
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (rel.endsWith("/")) rel += "index.html";
    const file = path.join(root, path.normalize(rel));
    const ok = file.startsWith(root + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile();
    const type = file.endsWith(".html") ? "text/html; charset=utf-8" : file.endsWith(".css") ? "text/css" : "application/octet-stream";
    res.writeHead(ok ? 200 : 404, { "Content-Type": ok ? type : "text/plain" });
    res.end(ok ? fs.readFileSync(file) : "Not found");
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

// Every page holding a vector, as { route, body: does it show a whole body }.
function pagesWithVectors(dir, prefix = "") {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix + e.name;
    if (e.isDirectory()) out.push(...pagesWithVectors(path.join(dir, e.name), rel + "/"));
    if (!e.name.endsWith(".html")) continue;
    const html = fs.readFileSync(path.join(dir, e.name), "utf8");
    if (html.includes("__x"))
      out.push({ route: "/" + rel.replace(/(^|\/)index\.html$/, "$1"), body: html.includes(BODY_START) });
  }
  return out;
}

// ---------------------------------------------------------------- checks

// The vector a piece of page text or an attribute belongs to, or "?".
function vectorIn(...texts) {
  for (const t of texts.filter(Boolean)) {
    if (ALL_NAMES.has(t.trim())) return t.trim();
    const decoded = [t, ...[...t.matchAll(/base64,([A-Za-z0-9+/=]+)/g)].map((m) => Buffer.from(m[1], "base64").toString())];
    try { decoded.push(decodeURIComponent(t)); } catch {}
    for (const d of decoded) {
      const m = d.match(/__x=(?:'|&#39;)([a-z0-9-]+)/);
      if (m && ALL_NAMES.has(m[1])) return m[1];
    }
  }
  return "?";
}

// Runs in the page: every URL attribute with a bad protocol, every on*
// attribute, every element that runs or loads active content or redirects.
function domProblems() {
  const URL_ATTRS = ["href", "src", "action", "formaction", "poster", "background", "data", "cite", "xlink:href", "srcset"];
  const ALLOWED = ["http:", "https:", "mailto:", "tel:"];
  const out = [];
  const label = (el) => (el.textContent || el.getAttribute("alt") || "").trim().slice(0, 80);
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith("on")) out.push({ what: `<${el.localName}> has attribute ${a.name}`, texts: [a.value, label(el)] });
      if (!URL_ATTRS.includes(name)) continue;
      const urls = name === "srcset" ? a.value.split(",").map((s) => s.trim().split(/\s+/)[0]) : [a.value];
      for (const u of urls) {
        let protocol;
        try { protocol = new URL(u, location.href).protocol; } catch { protocol = "(unparsable)"; }
        if (!ALLOWED.includes(protocol))
          out.push({ what: `<${el.localName} ${a.name}> has protocol ${protocol}`, texts: [a.value, label(el)] });
      }
    }
  }
  // A <base> with only a target (the embed pages' own, so links leave the
  // iframe) changes no address; one with an href could.
  for (const el of document.querySelectorAll("script, iframe, frame, object, embed, base[href], meta[http-equiv=refresh i]"))
    out.push({ what: `a <${el.localName}> element exists`, texts: [el.outerHTML, label(el)] });
  return out;
}

// On a page showing a body, raw HTML vectors must appear in the visible
// text (those whose payload is written out, not base64-encoded).
function htmlNotShown(pageText) {
  if (!pageText.includes(BODY_START)) return [];
  return VECTORS.filter((v) => v.html && v.md.includes(`__x='${v.name}'`) && !pageText.includes(`__x='${v.name}'`))
    .map((v) => v.name);
}

// ---------------------------------------------------------------- the browser

// A new tab showing the page; tab.load() loads it again. Navigations other
// than those loads (a clicked link) are cancelled, so the page stays; a
// javascript: address needs no request and runs. Requests that leave the
// test server are cancelled too.
async function openTab(context, base, route, report) {
  const page = await context.newPage();
  page.on("console", (m) => {
    if (!/^Failed to load resource/.test(m.text())) report(route, vectorIn(m.text()), `console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => report(route, vectorIn(e.message), `page error: ${e.message}`));
  let loading = true;
  await page.route("**/*", (r) => {
    const req = r.request();
    if (req.isNavigationRequest() && req.frame() === page.mainFrame() && !loading) return r.abort("aborted");
    return req.url().startsWith(base) ? r.continue() : r.abort("aborted");
  });
  const load = async (waitUntil = "domcontentloaded") => {
    loading = true;
    try {
      // A navigation the last click started late may interrupt this one.
      for (let attempt = 1; ; attempt++)
        try { return await page.goto(base + route, { waitUntil }); } catch (e) { if (attempt === 3) throw e; }
    } finally { loading = false; }
  };
  return { page, load };
}

const readX = (page) => page.evaluate(() => window.__x).catch(() => undefined);

// The checks on the loaded page; returns how many links it has.
async function checkLoaded(context, base, route, report) {
  const { page, load } = await openTab(context, base, route, report);
  await load("load");
  await page.waitForTimeout(200);
  const x = await readX(page);
  if (x !== undefined) report(route, vectorIn(String(x)), `window.__x is ${JSON.stringify(x)} after load`);
  for (const p of await page.evaluate(domProblems)) report(route, vectorIn(...p.texts), p.what);
  for (const name of htmlNotShown(await page.evaluate(() => document.body.innerText)))
    report(route, name, "raw HTML is not shown as text");
  const links = await page.locator("a").count();
  await page.close();
  return links;
}

// Clicks each link in a freshly loaded page. After a click on a scheme
// other than http(s) (livescript:, mailto:) Chromium ignores later
// javascript: clicks in that tab, so the next click gets a new tab.
async function clickLinks(context, base, route, links, report) {
  let tab = null;
  for (let i = 0; i < links; i++) {
    tab ??= await openTab(context, base, route, report);
    await tab.load();
    const a = tab.page.locator("a").nth(i);
    const [text, protocol] = await a.evaluate((e) => [e.textContent.trim().slice(0, 60), e.protocol], null, { timeout: 2000 })
      .catch(() => ["", "?"]);
    const before = await readX(tab.page);
    const clicked = await a.click({ force: true, noWaitAfter: true, timeout: 2000 }).then(() => true, () =>
      a.dispatchEvent("click", {}, { timeout: 2000 }).then(() => true, () => false));
    if (!clicked) report(route, vectorIn(text), `link ${i + 1} "${text}" could not be clicked`);
    await tab.page.waitForTimeout(50);
    const after = await readX(tab.page);
    if (after !== undefined && after !== before)
      report(route, vectorIn(String(after)), `window.__x is ${JSON.stringify(after)} after clicking link ${i + 1} "${text}"`);
    if (protocol !== "http:" && protocol !== "https:") tab = void (await tab.page.close());
  }
  await tab?.page.close();
}

async function main() {
  const site = path.join(scratch, "site");
  const out = path.join(scratch, "public");
  fs.mkdirSync(scratch, { recursive: true });
  writeSite(site);
  build(site, out);

  const pages = pagesWithVectors(out);
  const routes = pages.map((p) => p.route);
  const problems = [];
  const seen = new Set();
  const report = (route, vector, what) => {
    const key = `${route} ${vector} ${what}`;
    if (!seen.has(key)) seen.add(key), problems.push({ route, vector, what });
  };
  for (const must of ["/", "/policy/", "/schools/x-school/", "/objectives/x/"])
    if (!pages.some((p) => p.route === must && p.body)) report(must, "?", "page missing or does not show its Markdown body");
  const html = pages.map((p) => fs.readFileSync(path.join(out, p.route, p.route.endsWith("/") ? "index.html" : ""), "utf8")).join("");
  for (const name of FRONT) if (!html.includes(name)) report("(build)", name, "this front matter is shown on no page");

  const server = await serve(out);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const context = await browser.newContext();
    // Reports every assignment to window.__x, even one made just before a
    // javascript: address replaces the document.
    let current = "";
    await context.exposeBinding("__xssReport", (_src, v) => report(current, vectorIn(String(v)), `script ran: window.__x = ${JSON.stringify(v)}`));
    await context.addInitScript(() => {
      let value;
      Object.defineProperty(window, "__x", {
        get: () => value,
        set: (v) => { value = v; window.__xssReport(String(v)); },
      });
    });
    for (const route of routes) {
      current = route;
      const before = problems.length;
      const links = await checkLoaded(context, base, route, report);
      await clickLinks(context, base, route, links, report);
      const mine = problems.slice(before).filter((p) => p.route === route);
      console.log(`${mine.length ? "FAIL" : "ok  "} ${route} (${links} links clicked)`);
      for (const p of mine) console.log(`     [${p.vector}] ${p.what}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  summarise(routes, problems);
}

// One line per failing vector: what went wrong, and on which pages.
function summarise(routes, problems) {
  for (const p of problems.filter((p) => !routes.includes(p.route))) console.log(`FAIL ${p.route} [${p.vector}] ${p.what}`);
  console.log(`\nxss: ${routes.length} pages, ${VECTORS.length} Markdown vectors in each body, ${FRONT.length} in front matter`);
  if (!problems.length) {
    console.log("xss: no script ran and no unsafe address or attribute was found");
    process.exit(0);
  }
  const byVector = new Map(problems.map((p) => [p.vector, { whats: new Set(), pages: new Set() }]));
  for (const p of problems) {
    byVector.get(p.vector).whats.add(p.what.replace(/ after clicking link \d+ .*/, " after a click"));
    byVector.get(p.vector).pages.add(p.route);
  }
  console.log(`xss: ${problems.length} problems, ${byVector.size} vectors failed:`);
  for (const [name, v] of [...byVector].sort())
    console.log(`  ${name}: ${[...v.whats].join("; ")} (${[...v.pages].join(" ")})`);
  process.exit(1);
}

await main();

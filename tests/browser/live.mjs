// The preview server in a real browser: a page open in Chromium reloads by
// itself after an edit; a content error shows the overlay, which must be
// focused, name the file:line:column and pass axe-core like every page;
// fixing the error removes it without touching the browser.
// Usage: node live.mjs EQSITE_BINARY SITE_FOLDER (a folder it may edit: use a copy)
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const [bin, site] = process.argv.slice(2);
if (!bin || !site) {
  console.error("usage: node live.mjs EQSITE_BINARY SITE_FOLDER");
  process.exit(2);
}
const problems = [];
const check = (ok, what) => { if (!ok) problems.push(what); console.log(`${ok ? "ok  " : "FAIL"} ${what}`); };

const server = spawn(bin, ["serve", site, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
let log = "";
server.stdout.on("data", (d) => { log += d; });
server.stderr.on("data", (d) => { log += d; });
const until = async (test, ms = 15000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100)))
    // While the page reloads, reading it throws: try again.
    if (await Promise.resolve().then(test).catch(() => false)) return true;
  return false;
};
if (!(await until(() => /at (http:\/\/127\.0\.0\.1:\d+\/)/.test(log)))) {
  console.error("eqsite serve did not start:\n" + log);
  server.kill("SIGKILL");
  process.exit(1);
}
const base = log.match(/at (http:\/\/127\.0\.0\.1:\d+\/)/)[1];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + "policy/", { waitUntil: "load" });
  await page.waitForTimeout(500);  // the live-reload stream connects

  // An edit reloads the open page.
  const policyDir = path.join(site, "content/trust/policy");
  const policyFile = path.join(policyDir, fs.readdirSync(policyDir).filter((f) => f.endsWith(".md")).sort()[0]);
  const policy = fs.readFileSync(policyFile, "utf8");
  fs.writeFileSync(policyFile, policy.replace(/\n---\n/, "\n---\nA sentence added while the page was open.\n\n"));
  check(await until(async () => (await page.content()).includes("A sentence added while the page was open.")),
        "the open page reloads itself after an edit");

  // An error: the overlay appears on the open page, focused and accessible.
  const objectiveDir = path.join(site, "content/trust/objectives");
  const objectiveFile = path.join(objectiveDir, fs.readdirSync(objectiveDir).sort()[0]);
  const objective = fs.readFileSync(objectiveFile, "utf8");
  fs.writeFileSync(objectiveFile, objective.replace("---\n", "---\ncharactersitics: [race]\n"));
  check(await until(async () => (await page.$("#eqsite-errors")) !== null), "the error overlay appears by itself");
  const rel = path.relative(site, objectiveFile).split(path.sep).join("/");
  const overlayText = (await page.textContent("#eqsite-errors")) ?? "";
  check(overlayText.includes(`${rel}:2:1`), `the overlay names ${rel}:2:1`);
  check(await page.evaluate(() => document.activeElement?.id === "eqsite-errors"), "the overlay has focus");
  check(await page.evaluate(() => document.getElementById("eqsite-errors")?.getAttribute("role") === "alertdialog"),
        "the overlay is an alert dialog");
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  check(axe.violations.length === 0,
        "axe-core finds no violations with the overlay shown" +
          axe.violations.map((v) => ` [${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}]`).join(""));

  // Fixing it removes the overlay.
  fs.writeFileSync(objectiveFile, objective);
  check(await until(async () => (await page.$("#eqsite-errors")) === null), "fixing the error removes the overlay");
} finally {
  await browser.close();
  server.kill("SIGINT");
}
console.log(`live: ${problems.length ? problems.length + " failed" : "all passed"}`);
process.exit(problems.length ? 1 : 0);

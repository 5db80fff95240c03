import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import type { Block } from "../../src/blocks/block.ts";
import { decodeText } from "../../src/ingest/encoding.ts";
import { ImportError } from "../../src/ingest/importer.ts";
import { prepareFile } from "../../src/ingest/pipeline.ts";
import { listInputs } from "../../src/ingest/read-input.ts";
import { contentHash } from "../../src/ingest/source-hash.ts";
import { parseCopiedText } from "../../src/ingest/text/parse-copied-text.ts";
import { makeArticleId } from "../../src/model/article.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const reference = join(root, "../shared/seed/reference-article.txt");
const FURNITURE = [
  /media playback is unsupported/i,
  /media caption/i,
  /more on this story/i,
  /related internet links/i,
  /not responsible for the content of external/i,
];

const ofType = <T extends Block["type"]>(blocks: Block[], type: T) =>
  blocks.filter((b): b is Extract<Block, { type: T }> => b.type === type);

describe("text importer: the reference article", async () => {
  const prepared = await prepareFile({ name: reference });
  const [a] = prepared.articles;

  test("section, headline, summary and id from the bytes", () => {
    assert.equal(prepared.format, "text");
    assert.equal(a.section, "UK Politics");
    assert.equal(a.headline, "Cameron rejects Russia security call over Litvinenko");
    assert.match(a.summary, /^David Cameron has rejected a call by Russia to restore links/);
    const hash = contentHash(readFileSync(reference));
    assert.equal(a.id, makeArticleId(hash));
    assert.deepEqual(a.origin, { format: "text", path: reference, contentHash: hash });
  });

  test("three media blocks with exact captions, including the glued 'Media caption' form", () => {
    assert.deepEqual(
      ofType(a.blocks, "media").map((m) => m.caption),
      [
        `David Cameron: "The fact is the two governments don't agree on Litvinenko"`,
        "Alexander Litvinenko's widow, Marina, tells BBC World Service that she is still waiting for justice",
        "The BBC's Daniel Sandford travelled to Russia's Kamchatka peninsula to speak to Andrei Lugovoi",
      ],
    );
    assert.ok(ofType(a.blocks, "media").every((m) => m.kind === "video" && m.fallbackText.length > 0));
  });

  test("two crossheads and 30 body paragraphs, no furniture inside any paragraph", () => {
    assert.deepEqual(
      ofType(a.blocks, "crosshead").map((c) => c.text),
      ["Difficult issues", "Not complete thaw"],
    );
    const paragraphs = ofType(a.blocks, "paragraph");
    assert.equal(paragraphs.length, 30);
    for (const p of paragraphs) for (const f of FURNITURE) assert.doesNotMatch(p.text, f);
    // The intro sits below the lead video, so it stays in the body (and the summary repeats it).
    assert.equal(paragraphs[0].text, a.summary);
    assert.equal(a.blocks[0].type, "media");
  });

  test("related-stories and external-links blocks present, empty, at the end", () => {
    const tail = a.blocks.slice(-2);
    assert.deepEqual(
      tail.map((b) => b.type),
      ["related-stories", "external-links"],
    );
    assert.deepEqual(ofType(a.blocks, "related-stories")[0].items, []);
    assert.deepEqual(ofType(a.blocks, "external-links")[0].items, []);
  });

  test("enrichment ran: people are filled", () => {
    assert.ok(a.people.some((p) => p.name === "David Cameron"));
  });
});

describe("text importer: page structure", () => {
  test("a paragraph right under the headline is the standfirst: summary, not repeated in the body", () => {
    const page = parseCopiedText(
      "Ad sales boost Time Warner profit\n\nProfits jumped 76%.\n\nThe firm said so.\n\nMore.\n",
    );
    assert.equal(page.section, undefined);
    assert.equal(page.summary, "Profits jumped 76%.");
    assert.deepEqual(
      page.blocks.map((b) => (b.type === "paragraph" ? b.text : b.type)),
      ["The firm said so.", "More."],
    );
  });

  test("a 'By' line under the headline is the byline; 'By early 2005 …' is body text", () => {
    const page = parseCopiedText(
      "Politics\n\nBudget row grows\n\nBy James Landale, Political correspondent\n\nThe row grew.\n\nIt went on.\n",
    );
    assert.deepEqual(page.byline, [{ name: "James Landale", role: "Political correspondent" }]);
    assert.equal(page.summary, "The row grew.");
    const body = parseCopiedText(
      "Net names approved\n\nBy early 2005 the net could have two new domain names.\n\nMore.\n",
    );
    assert.deepEqual(body.byline, []);
    assert.equal(body.summary, "By early 2005 the net could have two new domain names.");
  });

  test("a date line under the headline is the publication time; share buttons and later page sections are dropped", () => {
    const page = parseCopiedText(
      [
        "Scotland",
        "",
        "Ferry services cut",
        "",
        "3 September 2011 Last updated at 14:37 BST",
        "",
        "By Ann Ross",
        "",
        "Share this page",
        "Facebook",
        "",
        "Ferry services will be cut.",
        "",
        "Islanders protested.",
        "",
        "Top Stories",
        "",
        "Something else entirely",
      ].join("\n"),
    );
    assert.equal(page.section, "Scotland");
    assert.equal(page.published, "2011-09-03T13:37:00.000Z");
    assert.deepEqual(page.byline, [{ name: "Ann Ross" }]);
    assert.equal(page.summary, "Ferry services will be cut.");
    assert.deepEqual(
      page.blocks.map((b) => (b.type === "paragraph" ? b.text : b.type)),
      ["Islanders protested."],
    );
    assert.equal(parseCopiedText("Title here\n\n31 February 2011\n\nBody.\n\nMore.\n").published, undefined);
  });

  test("short first lines that are not section names stay the headline (corpus match previews)", () => {
    const page = parseCopiedText("Blackburn v Burnley\n\nEwood Park\n\nBlackburn will be without their captain.\n");
    assert.equal(page.section, undefined);
    assert.equal(page.headline, "Blackburn v Burnley");
  });

  test("media caption copied on its own paragraph, with a separator, or without the playback line", () => {
    const page = parseCopiedText(
      [
        "Business",
        "",
        "Shares fall",
        "",
        "Media playback is unsupported on your device",
        "",
        "Media caption: The chief executive speaks",
        "",
        "Shares fell.",
        "",
        "Media captionAnalysts react",
        "",
        "They were worried.",
      ].join("\n"),
    );
    assert.equal(page.section, "Business");
    assert.deepEqual(
      ofType(page.blocks, "media").map((m) => m.caption),
      ["The chief executive speaks", "Analysts react"],
    );
    assert.equal(ofType(page.blocks, "paragraph").length, 2);
  });

  test("bullet lines become a list; curly-quoted short lines are crossheads; links in link sections are kept", () => {
    const page = parseCopiedText(
      [
        "Budget unveiled",
        "",
        "The minister spoke.",
        "",
        "He announced:",
        "- More for schools",
        " - Less tax",
        "",
        "‘Bold plans’",
        "",
        "Critics disagreed.",
        "",
        "Related Internet links",
        "",
        "Treasury https://www.gov.uk/treasury",
        "",
        "The BBC is not responsible for the content of external Internet sites",
      ].join("\n"),
    );
    assert.deepEqual(ofType(page.blocks, "list")[0].items, ["More for schools", "Less tax"]);
    assert.deepEqual(
      ofType(page.blocks, "crosshead").map((c) => c.text),
      ["Bold plans"],
    );
    assert.deepEqual(ofType(page.blocks, "external-links")[0].items, [
      { title: "Treasury", url: "https://www.gov.uk/treasury" },
    ]);
    assert.ok(ofType(page.blocks, "paragraph").every((p) => !/responsible/.test(p.text)));
  });

  test("a text whose first line is a sentence has no headline", () => {
    assert.throws(
      () => parseCopiedText("This is a sentence of body text that someone pasted without a title.\n\nMore text.\n"),
      (e: unknown) => e instanceof ImportError && /no headline/.test(e.message),
    );
  });
});

describe("section precedence", () => {
  const business = join(root, "../shared/data/bbc-news-2005/business/001.txt");
  test("a section line wins; then --section; then the folder the file was found in; then News", async () => {
    const ref = await prepareFile({ name: reference }, { defaultSection: "Opinion" });
    assert.equal(ref.articles[0].section, "UK Politics");
    const withOption = await prepareFile({ name: business, folderSection: "Business" }, { defaultSection: "Opinion" });
    assert.equal(withOption.articles[0].section, "Opinion");
    const fromFolder = listInputs([join(root, "../shared/data/bbc-news-2005/business")]).files[0];
    assert.equal(fromFolder.folderSection, "Business");
    assert.equal((await prepareFile(fromFolder)).articles[0].section, "Business");
    assert.equal((await prepareFile({ name: business })).articles[0].section, "News");
  });
});

describe("text encodings", () => {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-enc-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("a UTF-8 BOM is stripped", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Headline\n\nBody.\n")]);
    assert.equal(decodeText(bytes).text, "Headline\n\nBody.\n");
  });

  test("windows-1252 text falls back and says so; £ survives", async () => {
    const path = join(dir, "latin1.txt");
    writeFileSync(
      path,
      Buffer.from("Club signs striker\n\nThe club paid a \xa315.8m fee.\n\nFans cheered.\n", "latin1"),
    );
    const prepared = await prepareFile({ name: path });
    assert.match(prepared.note ?? "", /^not valid UTF-8; read as windows-1252(;|$)/);
    assert.equal(prepared.articles[0].summary, "The club paid a £15.8m fee.");
  });

  test("the corpus's Latin-1 file imports with its pound sign", async () => {
    const prepared = await prepareFile({ name: join(root, "../shared/data/bbc-news-2005/sport/199.txt") });
    assert.ok(prepared.articles[0].blocks.some((b) => b.type === "paragraph" && b.text.includes("£15.8m")));
  });

  test("damaged UTF-8 and non-Western bytes are refused", () => {
    const damaged = Buffer.concat([Buffer.from("Caf\u00e9 owner\n\nIt costs \u00a35 "), Buffer.from([0xa3, 0x35])]);
    assert.throws(() => decodeText(damaged), /invalid UTF-8 at byte \d+ \(the rest is UTF-8/);
    const gbk = Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0xd0, 0xc2, 0xce, 0xc5, 0x0a, 0xb1, 0xea, 0xcc, 0xe2]);
    assert.throws(() => decodeText(gbk), /not plausible windows-1252/);
  });
});

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import type { ImageBlock } from "../../src/blocks/image/schema.ts";
import { htmlImporter } from "../../src/ingest/html/html-importer.ts";
import { type Article, type ArticleInput, parseArticle } from "../../src/model/article.ts";

/**
 * The HTML-import defects issue 12 lists, each on the page it was found on (../shared/data):
 * ctpost's L.A. Auto Show story, the Guardian's whale-strandings photo essay, the NYT opinion column,
 * and the Sky Sports page whose tweets carry part of the story.
 */

const DATA = join(import.meta.dirname, "../../../shared/data");
const BENCH = join(DATA, "article-extraction-benchmark/html");

function importPage(path: string, baseUrl: string): Article {
  const [input] = htmlImporter.parse({ name: "page.html", bytes: readFileSync(path), baseUrl }) as ArticleInput[];
  return parseArticle(input);
}

const ctpost = importPage(
  join(BENCH, "05844573ca7e1fba714d715bb11ca08c26e25328999c74a1cb3bc8a0e4399f0f.html"),
  "https://www.ctpost.com/news/us/article/New-SUVs-and-electric-vehicles-highlight-L-A-14848164.php",
);
const guardian = importPage(
  join(DATA, "readability-news-pages/guardian-1/source.html"),
  "https://www.theguardian.com/environment/2019/jan/03/what-is-the-sea-telling-us-maori-tribes-fearful-over-whale-strandings",
);
const nyt = importPage(
  join(BENCH, "04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34.html"),
  "https://www.nytimes.com/2019/11/19/opinion/republicans-elections-impeachment.html",
);

const images = (a: Article) => a.blocks.filter((b): b is ImageBlock => b.type === "image");
const sentences = (s: string) => s.split(/(?<=[a-z0-9]{2}[.!?]["”’]?)\s+(?=[A-Z“"])/).length;

test("headline: the Guardian's author suffix is not part of it", () => {
  assert.equal(guardian.headline, "'What is the sea telling us?': Māori tribes fearful over whale strandings");
});

test("headline: the NYT's 'Opinion |' section prefix is not part of it", () => {
  assert.equal(nyt.headline, "Republicans Are Following Trump to Nowhere");
});

test("byline: ctpost's 'By TOM KRISHER, AP Auto Writer' is one name, its role apart, no 'By'", () => {
  assert.deepEqual(ctpost.byline, [{ name: "Tom Krisher", role: "AP Auto Writer" }]);
});

test("standfirst: ctpost's 1,767-character description becomes one or two sentences", () => {
  assert.ok(ctpost.summary.length > 0 && ctpost.summary.length <= 320, `${ctpost.summary.length} characters`);
  assert.ok(sentences(ctpost.summary) <= 2, ctpost.summary);
  assert.match(ctpost.summary, /^New electric vehicles/);
});

test("first body block: ctpost's furniture before the story is gone", () => {
  // The lead picture opens the body; the story's first paragraph comes straight after it.
  assert.equal(ctpost.blocks[0].type, "image");
  const first = ctpost.blocks[1];
  assert.equal(first.type, "paragraph");
  assert.match("text" in first ? first.text : "", /^New electric vehicles, several new small SUVs/);
  const text = JSON.stringify(ctpost.blocks);
  for (const furniture of ["Sign In", "print header logo", "print-header-logo", '"text":"https://www.ctpost.com']) {
    assert.ok(!text.includes(furniture), `still has ${furniture}`);
  }
  assert.ok(!ctpost.blocks.some((b) => b.type === "list" && b.items.some((i) => /^Photo:/.test(i))));
  assert.ok(!ctpost.blocks.some((b) => "text" in b && /^Tom Krisher, Ap Auto Writer$/i.test(b.text)));
  assert.ok(!ctpost.blocks.some((b) => b.type === "crosshead" && b.text === ctpost.headline));
});

test("lead image: ctpost's keeps the alt text the page gives the picture", () => {
  const lead = images(ctpost)[0];
  assert.match(lead.src ?? "", /18637072/);
  assert.match(lead.alt, /Karma Automotive/);
  // The "Photo: …, AP" line above the story is the picture's credit, not a bullet.
  assert.equal(lead.credit, "Damian Dovarganes, AP");
});

test("captions: the Guardian's captions belong to their images, not to bullet lists", () => {
  const farm = images(guardian).find((i) => i.alt.startsWith("Hori Parata at his Pātaua farm"));
  assert.ok(farm, "the farm picture is there");
  assert.equal(farm.caption, "Hori Parata at his Pātaua farm, the place where he was born and grew up");
  const captions = new Set(images(guardian).map((i) => i.caption));
  const lists = guardian.blocks.filter((b) => b.type === "list");
  assert.deepEqual(
    lists.filter((l) => l.type === "list" && captions.has(l.items[0])),
    [],
  );
  assert.equal(lists.length, 0, "the photo essay has no real lists");
});

test("renditions: the Guardian's inline images are the widest rendition, with the page's srcset", () => {
  const inline = images(guardian).slice(1);
  assert.ok(inline.length >= 8);
  for (const image of inline) {
    assert.ok(image.sizes.length >= 2, `${image.src} has a srcset`);
    const widest = Math.max(...image.sizes.map((s) => s.width));
    assert.ok(widest > 300);
    assert.ok(!/[?&]width=300&/.test(image.src ?? ""), `${image.src} is not the 300 px rendition`);
  }
});

test("lead image: the Guardian's is the page's picture, not the social-card crop with the logo overlay", () => {
  const lead = guardian.blocks[0];
  assert.equal(lead.type, "image");
  assert.ok(lead.type === "image" && lead.src);
  assert.doesNotMatch(lead.src, /overlay/);
  assert.match(lead.src, /df84b519a877d652e950ecd4248320eec985934e/);
  assert.ok(lead.sizes.length >= 2, "with its srcset");
  // The page's <img> has alt=""; its caption, set apart from any <figure>, describes it.
  assert.equal(lead.caption, "Whale expert Hori Parata.");
  assert.equal(lead.credit, "Adrian Malloch for the Guardian");
  assert.equal(lead.alt, "Whale expert Hori Parata.");
});

test("embedded tweets: Sky Sports' two tweets stay as embeds, with their text", () => {
  const [file, url] = findPage("92101975");
  const sky = importPage(join(BENCH, file), url);
  const embeds = sky.blocks.filter((b) => b.type === "embed");
  assert.equal(embeds.length, 2);
  assert.ok(embeds.every((e) => e.type === "embed" && /twitter\.com\/.+\/status\//.test(e.url)));
  assert.ok(embeds.some((e) => e.type === "embed" && /Club statement/.test(e.title ?? "")));
});

/** A benchmark page's file name and URL by the start of its id. */
function findPage(prefix: string): [string, string] {
  const truth = JSON.parse(
    readFileSync(join(DATA, "article-extraction-benchmark/ground-truth.json"), "utf8"),
  ) as Record<string, { url: string }>;
  const id = Object.keys(truth).find((k) => k.startsWith(prefix));
  assert.ok(id);
  return [`${id}.html`, truth[id].url];
}

import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { deflateSync } from "node:zlib";
import sharp from "sharp";
import { disableUser } from "../../src/auth/users.ts";
import { kyselyOf } from "../../src/store/db.ts";
import { Client } from "./http.ts";
import { type DeskSite, PASSWORDS, startDeskSite } from "./support.ts";

let site: DeskSite;
before(async () => {
  site = await startDeskSite("sqlite", { sample: false });
});
after(() => site.close());

const json = (csrf: string, extra: Record<string, string> = {}) => ({
  "content-type": "application/json",
  "x-csrf-token": csrf,
  ...extra,
});

describe("sessions", () => {
  test("the session cookie is HttpOnly and SameSite=Lax, and a new id is issued at every sign-in", async () => {
    const c = new Client(site);
    const first = await c.signIn(site.users.writer, PASSWORDS.writer);
    assert.equal(first.status, 303);
    const cookie = first.headers.getSetCookie().find((l) => l.startsWith("nd_session="))!;
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.doesNotMatch(cookie, /Secure/i, "plain HTTP site: no Secure flag");
    const planted = c.session!;
    // Signing in again (as anyone) with that cookie gives a new id and ends the old session.
    await c.signIn(site.users.writer, PASSWORDS.writer);
    assert.notEqual(c.session, planted);
    const old = await fetch(`${site.url}/desk`, { headers: { cookie: `nd_session=${planted}` }, redirect: "manual" });
    assert.equal(old.status, 303);
    assert.equal(old.headers.get("location"), "/desk/login");
  });

  test("a cookie stolen before sign-out does not work after it", async () => {
    const c = new Client(site);
    await c.signIn(site.users.writer, PASSWORDS.writer);
    const stolen = c.session!;
    const csrf = await c.csrf();
    const out = await c.fetch("/desk/logout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrf }).toString(),
    });
    assert.equal(out.status, 303);
    const page = await fetch(`${site.url}/desk`, { headers: { cookie: `nd_session=${stolen}` }, redirect: "manual" });
    assert.equal(page.status, 303);
    const api = await fetch(`${site.url}/api/articles`, {
      method: "POST",
      headers: { cookie: `nd_session=${stolen}`, ...json(csrf) },
      body: JSON.stringify({ headline: "Should not exist", section: "News" }),
    });
    assert.equal(api.status, 401);
  });

  test("sign out everywhere ends every session of that person", async () => {
    const a = new Client(site);
    const b = new Client(site);
    await a.signIn(site.users.editor, PASSWORDS.editor);
    await b.signIn(site.users.editor, PASSWORDS.editor);
    const csrf = await a.csrf();
    await a.fetch("/desk/logout-everywhere", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrf }).toString(),
    });
    assert.equal((await b.fetch("/desk")).status, 303);
  });

  test("a disabled user's session stops working at once", async () => {
    const { createUser } = await import("../../src/auth/users.ts");
    await createUser(site.store, {
      email: "leaver@example.org",
      name: "Lee Leaver",
      role: "editor",
      password: "leaver-password",
    });
    const c = new Client(site);
    await c.signIn("leaver@example.org", "leaver-password");
    const csrf = await c.csrf();
    assert.equal((await c.fetch("/desk")).status, 200);
    await disableUser(site.store, "leaver@example.org");
    assert.equal((await c.fetch("/desk")).status, 303);
    const api = await c.fetch("/api/articles", {
      method: "POST",
      headers: json(csrf),
      body: JSON.stringify({ headline: "After leaving", section: "News" }),
    });
    assert.equal(api.status, 401);
    // And cannot sign in again.
    assert.equal((await new Client(site).signIn("leaver@example.org", "leaver-password")).status, 401);
  });

  test("a wrong password and an unknown email get the same answer", async () => {
    const wrong = await new Client(site).signIn(site.users.writer, "not-the-password");
    const unknown = await new Client(site).signIn("nobody@example.org", "not-the-password");
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    const text = (html: string) => /role="alert">([^<]*)</.exec(html)?.[1];
    assert.equal(text(await wrong.text()), text(await unknown.text()));
  });
});

describe("CSRF", () => {
  test("a cross-site form post is refused and changes nothing", async () => {
    const c = new Client(site);
    await c.signIn(site.users.editor, PASSWORDS.editor);
    // What a hostile page can make a browser send: a form post with the cookie, no token, its own Origin.
    const logout = await c.fetch("/desk/logout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
      body: "",
    });
    assert.equal(logout.status, 403);
    assert.equal((await c.fetch("/desk")).status, 200, "still signed in");
    const create = await c.fetch("/api/articles", {
      method: "POST",
      headers: { "content-type": "text/plain", origin: "https://evil.example" },
      body: JSON.stringify({ headline: "Forged", section: "News" }),
    });
    assert.equal(create.status, 403);
    // Even with a stolen token, another origin is refused.
    const csrf = await c.csrf();
    const withToken = await c.fetch("/api/articles", {
      method: "POST",
      headers: json(csrf, { origin: "https://evil.example" }),
      body: JSON.stringify({ headline: "Forged", section: "News" }),
    });
    assert.equal(withToken.status, 403);
    const list = await (await c.fetch("/desk?q=Forged")).text();
    assert.doesNotMatch(list, />Forged</);
  });

  test("the sign-in form itself needs its own token (no login CSRF)", async () => {
    const r = await fetch(`${site.url}/desk/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: site.users.writer, password: PASSWORDS.writer }).toString(),
      redirect: "manual",
    });
    assert.equal(r.status, 403);
    assert.equal(r.headers.getSetCookie().filter((l) => l.startsWith("nd_session=")).length, 0);
  });
});

test("sign-in is rate limited per address and per email", async () => {
  const limited = await startDeskSite("sqlite", {
    sample: false,
    desk: { signInLimits: { perAddress: { perMinute: 1, burst: 50 }, perEmail: { perMinute: 1, burst: 3 } } },
  });
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await new Client(limited).signIn(limited.users.writer, "wrong-guess")).status);
    assert.deepEqual(statuses, [401, 401, 401, 429, 429]);
    // The right password does not get through either while limited.
    const right = await new Client(limited).signIn(limited.users.writer, PASSWORDS.writer);
    assert.equal(right.status, 429);
    assert.ok(Number(right.headers.get("retry-after")) > 0);
  } finally {
    await limited.close();
  }
});

describe("uploads are checked by content", () => {
  let c: Client;
  let csrf: string;
  before(async () => {
    c = new Client(site);
    await c.signIn(site.users.writer, PASSWORDS.writer);
    csrf = await c.csrf();
  });

  const upload = (bytes: Buffer, name: string, type: string) => {
    const form = new FormData();
    form.set("file", new File([new Uint8Array(bytes)], name, { type }));
    form.set("alt", "alt text");
    return c.fetch("/api/media", { method: "POST", headers: { "x-csrf-token": csrf }, body: form });
  };

  /** A PNG whose header declares width × height, with a tiny (invalid) body: sharp reads only the header. */
  function pngClaiming(width: number, height: number): Buffer {
    const crcTable = Array.from({ length: 256 }, (_, n) => {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      return c >>> 0;
    });
    const crc = (buf: Buffer) => {
      let c = 0xffffffff;
      for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
      return (c ^ 0xffffffff) >>> 0;
    };
    const chunk = (type: string, data: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
      const sum = Buffer.alloc(4);
      sum.writeUInt32BE(crc(body));
      return Buffer.concat([len, body, sum]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(width, 0);
    ihdr.writeUInt32BE(height, 4);
    ihdr[8] = 8;
    ihdr[9] = 2;
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", ihdr),
      chunk("IDAT", deflateSync(Buffer.alloc(1024))),
      chunk("IEND", Buffer.alloc(0)),
    ]);
  }

  const cases: [string, () => Promise<Buffer>, string, string, RegExp][] = [
    [
      "an HTML file renamed .jpg",
      async () => Buffer.from("<!doctype html><script>alert(1)</script>"),
      "photo.jpg",
      "image/jpeg",
      /not an image/,
    ],
    [
      "an SVG with a script",
      async () =>
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script></svg>'),
      "logo.svg",
      "image/svg+xml",
      /svg images are not accepted/,
    ],
    [
      "a 100-megapixel decompression bomb",
      async () => pngClaiming(10_000, 10_000),
      "bomb.png",
      "image/png",
      /megapixels/,
    ],
    [
      "a truncated JPEG",
      async () => {
        const full = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#884422" } })
          .jpeg()
          .toBuffer();
        return full.subarray(0, Math.floor(full.length / 2));
      },
      "cut.jpg",
      "image/jpeg",
      /damaged or incomplete/,
    ],
  ];
  for (const [what, bytes, name, type, message] of cases) {
    test(`${what} is refused with a clear message and nothing is stored`, async () => {
      const r = await upload(await bytes(), name, type);
      assert.equal(r.status, 400);
      const { error } = (await r.json()) as { error: { message: string; issues: { path: string }[] } };
      assert.match(error.message, message);
      assert.ok(error.message.startsWith(name), "the message names the file");
      assert.equal(error.issues[0].path, "file");
      assert.deepEqual(readdirSync(site.mediaDir), []);
      const rows = await kyselyOf(site.store).selectFrom("media").select("id").execute();
      assert.equal(rows.length, 0);
    });
  }

  test("a real PNG is accepted and made into AVIF, WebP and JPEG renditions", async () => {
    const png = await sharp({ create: { width: 700, height: 400, channels: 4, background: "#2255aacc" } })
      .png()
      .toBuffer();
    const r = await upload(png, "chart.png", "image/png");
    assert.equal(r.status, 201);
    const { block } = (await r.json()) as { block: { sizes: { width: number }[]; src: string } };
    assert.deepEqual(
      block.sizes.map((s) => s.width),
      [320, 640, 700],
    );
    const files = readdirSync(site.mediaDir).sort();
    assert.equal(files.filter((f) => f.endsWith(".avif")).length, 3);
    assert.equal(files.filter((f) => f.endsWith(".webp")).length, 3);
    assert.equal(files.filter((f) => f.endsWith(".jpg")).length, 4, "three widths and the og:image");
    const served = await fetch(`${site.url}${block.src}`);
    assert.equal(served.status, 200);
    assert.match(served.headers.get("cache-control") ?? "", /max-age=31536000, immutable/);
  });
});

test("hostile HTML in every field is sanitized as the API does", async () => {
  const c = new Client(site);
  await c.signIn(site.users.writer, PASSWORDS.writer);
  const csrf = await c.csrf();
  const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
  const r = await c.fetch("/api/articles", {
    method: "POST",
    headers: json(csrf),
    body: JSON.stringify({
      headline: `Headline ${evil}`,
      summary: `Summary ${evil}`,
      section: `Section ${evil}`,
      byline: [{ name: `Name ${evil}` }],
      blocks: [
        {
          type: "paragraph",
          text: `Para ${evil}`,
          html: `Para <a href="https://example.org" onclick="alert(3)">x</a> ${evil}`,
        },
        { type: "crosshead", text: `Head ${evil}` },
        { type: "quote", text: `Quote ${evil}`, speaker: `Speaker ${evil}` },
      ],
    }),
  });
  const text = await r.text();
  assert.equal(r.status, 201, text);
  assert.doesNotMatch(text, /onerror|onclick|<script|<img/i);
  assert.match(text, /Headline/);
  // A javascript: link loses its address, exactly as for a token.
  const js = await c.fetch("/api/articles", {
    method: "POST",
    headers: json(csrf),
    body: JSON.stringify({
      headline: "Links",
      section: "News",
      blocks: [{ type: "paragraph", text: "x", html: '<a href="javascript:alert(3)">x</a>' }],
    }),
  });
  assert.equal(js.status, 201);
  assert.doesNotMatch(await js.text(), /javascript:/i);
});

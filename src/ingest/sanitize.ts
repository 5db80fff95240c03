import { decodeHTMLStrict } from "entities";
import sanitizeHtml from "sanitize-html";

/**
 * The one sanitizer every importer and the editorial API use. Stored articles hold plain text plus a small set of
 * inline tags; nothing executable (scripts, event handlers, javascript:/data: URLs, styles) survives.
 */

const INLINE_TAGS = [
  "a",
  "em",
  "strong",
  "b",
  "i",
  "u",
  "s",
  "sub",
  "sup",
  "br",
  "code",
  "q",
  "abbr",
  "cite",
  "mark",
  "small",
];
const LINK_SCHEMES = new Set(["http:", "https:", "mailto:", "tel:"]);

/**
 * A URL that is safe to store: resolved against `base` when relative, and only http(s)
 * (plus mailto/tel for links). Returns undefined for javascript:, data:, vbscript: and unparsable URLs.
 */
export function safeUrl(
  raw: string | null | undefined,
  base?: string,
  options: { links?: boolean } = {},
): string | undefined {
  if (!raw) return undefined;
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so strip them first.
  const cleaned = raw.replace(/[\u0000-\u0020\u007f-\u009f]+/g, (m, offset: number) => (offset === 0 ? "" : m)).trim();
  if (!cleaned || cleaned.startsWith("#")) return undefined;
  let url: URL;
  try {
    url = base ? new URL(cleaned.replace(/[\t\n\r]/g, ""), base) : new URL(cleaned.replace(/[\t\n\r]/g, ""));
  } catch {
    return undefined;
  }
  const allowed = options.links
    ? LINK_SCHEMES.has(url.protocol)
    : url.protocol === "http:" || url.protocol === "https:";
  if (!allowed) return undefined;
  const href = url.href;
  return href.length > 4096 ? undefined : href;
}

// The one sanitize-html configuration: every policy below (inline, embed, text) is this base with
// its own tag allow-list, so schemes, dropped elements and protocol-relative URLs are decided once.
const DROPPED_WITH_CONTENT = [
  "script",
  "style",
  "textarea",
  "option",
  "noscript",
  "template",
  "svg",
  "math",
  "iframe",
  "object",
];

function policy(
  allowedTags: string[],
  allowedAttributes: Record<string, string[]>,
  base: string | undefined,
  nonTextTags: string[] = DROPPED_WITH_CONTENT,
): sanitizeHtml.IOptions {
  return {
    allowedTags,
    allowedAttributes,
    allowedSchemes: ["http", "https", "mailto", "tel"],
    // Frames and pictures load without a click, so only web URLs; frames only over TLS.
    allowedSchemesByTag: { iframe: ["https"], img: ["http", "https"] },
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    nonTextTags,
    transformTags: {
      a: (tagName, attribs) => {
        const href = safeUrl(attribs.href, base, { links: true });
        const out: Record<string, string> = {};
        if (href) out.href = href;
        if (attribs.title) out.title = attribs.title;
        return { tagName, attribs: out };
      },
    },
    exclusiveFilter: (frame) => frame.tag === "a" && !frame.attribs.href && !frame.text.trim(),
  };
}

const INLINE_ATTRIBUTES = { a: ["href", "title"], abbr: ["title"] };

/** Embed markup is shown in a sandboxed frame, never inline; even so it keeps only harmless markup. */
const EMBED_TAGS = [...INLINE_TAGS, "p", "blockquote", "div", "span", "figure", "figcaption", "iframe", "img"];
const EMBED_ATTRIBUTES = {
  ...INLINE_ATTRIBUTES,
  "*": ["class", "lang", "dir"],
  blockquote: ["cite"],
  iframe: ["src", "width", "height", "title", "allowfullscreen"],
  img: ["src", "alt", "width", "height"],
};

/**
 * Sanitizes inline markup for a paragraph's `html`: only INLINE_TAGS, links with safe absolute
 * `href` (resolved against `base`), no attributes otherwise.
 */
export function sanitizeInlineHtml(html: string, base?: string): string {
  return sanitizeHtml(html, policy(INLINE_TAGS, INLINE_ATTRIBUTES, base))
    .replace(/\s+/g, " ")
    .trim();
}

/** Sanitizes an embed block's `html`: the inline tags plus quotes, figures, https frames and pictures. */
export function sanitizeEmbedHtml(html: string, base?: string): string {
  const withoutFrameRemoval = DROPPED_WITH_CONTENT.filter((t) => t !== "iframe");
  return sanitizeHtml(html, policy(EMBED_TAGS, EMBED_ATTRIBUTES, base, withoutFrameRemoval)).trim();
}

/**
 * Makes any plain-text field safe to store: markup removed (its text kept, scripts and styles
 * dropped), entities decoded, control characters removed and whitespace collapsed (newlines
 * kept when asked).
 */
/**
 * Characters XML 1.0 cannot carry, NUL apart (refused instead, see `hasNul`): C0 controls other than
 * tab, LF and CR, U+FFFE, U+FFFF and lone surrogates. One of them in a headline would make every
 * feed and sitemap listing it not well-formed.
 */
const XML_INVALID =
  /[\u0001-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripXmlInvalid(text: string): string {
  return text.replace(XML_INVALID, "");
}

export function hasNul(text: string): boolean {
  return text.includes("\u0000");
}

export function safeText(value: string | null | undefined, options: { keepNewlines?: boolean } = {}): string {
  if (!value) return "";
  let text = value;
  // Only real markup goes through the HTML parser; "<The Palace>" in a title is text, not a tag.
  if (HAS_ACTIVE_TAG.test(text)) {
    text = sanitizeHtml(text, policy([], {}, undefined));
  }
  // Every HTML entity, named or numeric, and only with its semicolon ("&para=2" in a URL stays).
  if (text.includes("&")) text = decodeHTMLStrict(text);
  // Literal markup in the text (e.g. an escaped "&lt;script&gt;") that could run if a renderer forgot to
  // escape is dropped too; harmless angle-bracket text such as "<The Palace>" is kept.
  let previous: string;
  do {
    previous = text;
    text = text.replace(LITERAL_ACTIVE_TAG, "");
  } while (text !== previous);
  text = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\ufeff]/g, "");
  return options.keepNewlines
    ? text
        .replace(/[^\S\n]+/g, " ")
        .replace(/ *\n */g, "\n")
        .replace(/\n{3,}/g, "\n\n")
        .trim()
    : text.replace(/\s+/g, " ").trim();
}

const ACTIVE_TAG_NAMES =
  "script|style|iframe|frame|frameset|object|embed|svg|math|img|image|video|audio|source|track|link|meta|base|form|input|button|textarea|select|option|template|noscript|xml|applet|body|html|head|marquee|details|dialog|a|div|span|p|table|b|i|u|em|strong|br|hr|picture|canvas|title";
const LITERAL_ACTIVE_TAG = new RegExp(
  `<\\/?(?:(?:${ACTIVE_TAG_NAMES})(?=[\\s/>])|!--|!\\[CDATA\\[|\\?)[^<>]*>?|<\\/?[a-zA-Z][\\w:-]*\\s(?:[^<>]*\\s)?on\\w+\\s*=[^<>]*>?|<\\/?[a-zA-Z][\\w:-]*\\s[^<>]*javascript:[^<>]*>?`,
  "gi",
);

const HAS_ACTIVE_TAG = new RegExp(LITERAL_ACTIVE_TAG.source, "i");

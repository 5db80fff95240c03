import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { sectionSlug } from "../model/article.ts";

/**
 * The newsroom's own site settings, `newsdesk.config.json`: who the site is (name, description,
 * logo), where it lives (base URL), how it speaks (language, time zone) and how it is organised
 * (ordered sections, a map from imported section names, footer links). Validated with zod like
 * the article model; every error names the file and the field.
 */

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const httpUrl = z
  .string()
  .refine(
    (v) => /^https?:\/\//.test(v) && URL.canParse(v),
    "must be an absolute http(s) URL such as https://news.example.org",
  );

/** A site-relative path (/about) or an absolute http(s) URL. */
const link = z
  .string()
  .min(1)
  .refine((v) => (v.startsWith("/") && !v.startsWith("//")) || (/^https?:\/\//.test(v) && URL.canParse(v)), {
    message: "must be a path starting with / or an absolute http(s) URL",
  });

export const sectionConfig = z
  .object({
    /** Shown in the navigation and as the page title. */
    name: z.string().trim().min(1, "must not be empty").max(60),
    /** The address: /news/<slug>; by default made from the name. */
    slug: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase words joined by '-'")
      .optional(),
    /** Section names as imports spell them ("UK Politics", "politics") that belong here. */
    from: z.array(z.string().trim().min(1, "must not be empty")).default([]),
  })
  .strict();

export const siteConfig = z
  .object({
    name: z.string().trim().min(1, "must not be empty").max(80),
    description: z.string().max(300).default(""),
    /** Logo image: a site path (/static/…, /media/…) or an absolute URL. */
    logo: link.optional(),
    baseUrl: httpUrl.optional(),
    /** Language of the interface and the site's pages; the interface strings follow it (en, fr, ar). */
    language: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, "must be a BCP 47 tag such as en-GB, fr or ar")
      .default("en-GB"),
    timeZone: z
      .string()
      .refine(validTimeZone, "must be an IANA time zone such as Europe/London")
      .default("Europe/London"),
    sections: z.array(sectionConfig).default([]),
    footerLinks: z
      .array(z.object({ label: z.string().trim().min(1, "must not be empty").max(80), href: link }).strict())
      .default([]),
    /** A line under the footer's name and description (the sample newsroom says it is invented). */
    footerNote: z.string().max(500).optional(),
  })
  .strict();

export type SiteConfig = z.infer<typeof siteConfig>;
export type SiteConfigInput = z.input<typeof siteConfig>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

function fieldPath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("") || "(root)";
}

/** Validates a config object; ConfigError names `where` and the first bad field. */
export function parseSiteConfig(input: unknown, where = "newsdesk.config.json"): SiteConfig {
  const result = siteConfig.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((i) => {
      // zod reports unknown keys at the parent; name the key itself.
      const keys = "keys" in i && Array.isArray(i.keys) ? i.keys : [];
      const path = fieldPath([...i.path, ...(keys.length === 1 ? [keys[0]] : [])]);
      return `${path}: ${keys.length > 0 ? `unknown field${keys.length > 1 ? `s ${keys.join(", ")}` : ""}` : i.message}`;
    });
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more: ${issues.slice(1).join("; ")})` : "";
    throw new ConfigError(`${where}: ${issues[0]}${more}`);
  }
  const config = result.data;
  const seen = new Map<string, string>();
  config.sections.forEach((s, i) => {
    const slug = s.slug ?? sectionSlug(s.name);
    if (seen.has(slug))
      throw new ConfigError(
        `${where}: sections[${i}].name: "${s.name}" has the same address as an earlier section (${slug})`,
      );
    seen.set(slug, s.name);
  });
  return config;
}

/** Environment variables that override the file, for deployments (one container image, many sites). */
export const CONFIG_ENV: Record<string, keyof SiteConfig> = {
  NEWSDESK_SITE_NAME: "name",
  NEWSDESK_SITE_DESCRIPTION: "description",
  NEWSDESK_SITE_LOGO: "logo",
  NEWSDESK_BASE_URL: "baseUrl",
  NEWSDESK_LANGUAGE: "language",
  NEWSDESK_TIME_ZONE: "timeZone",
};

/** The config of a site with no file: only its name; nothing about any newsroom in particular. */
export const DEFAULT_CONFIG_INPUT: SiteConfigInput = { name: "Newsdesk" };

/**
 * Reads the config: `path` (from --config or $NEWSDESK_CONFIG), else ./newsdesk.config.json when
 * present, else `fallback`; then the environment overrides. Throws ConfigError naming the file
 * (or variable) and field.
 */
export function loadSiteConfig(
  path: string | undefined,
  options: { env?: NodeJS.ProcessEnv; fallback?: SiteConfigInput; cwdFile?: string } = {},
): SiteConfig {
  const env = options.env ?? process.env;
  const file =
    path ??
    env.NEWSDESK_CONFIG ??
    (existsSync(options.cwdFile ?? "newsdesk.config.json") ? (options.cwdFile ?? "newsdesk.config.json") : undefined);
  let raw: Record<string, unknown> = { ...(options.fallback ?? DEFAULT_CONFIG_INPUT) };
  let where = "the default site config";
  if (file) {
    where = file;
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ConfigError(`${file}: ${code === "ENOENT" ? "no such file" : (error as Error).message}`);
    }
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new ConfigError(`${file}: not valid JSON (${(error as Error).message})`);
    }
    if (raw === null || typeof raw !== "object" || Array.isArray(raw))
      throw new ConfigError(`${file}: must be a JSON object`);
  }
  const overridden: string[] = [];
  for (const [name, field] of Object.entries(CONFIG_ENV)) {
    const value = env[name];
    if (value !== undefined && value !== "") {
      raw = { ...raw, [field]: value };
      overridden.push(`${name} (${field})`);
    }
  }
  return parseSiteConfig(raw, overridden.length > 0 ? `${where} with ${overridden.join(", ")}` : where);
}

/** The slug of a configured section. */
export function configSectionSlug(s: { name: string; slug?: string }): string {
  return s.slug ?? sectionSlug(s.name);
}

/**
 * The section an imported name belongs to: a configured section whose name, slug or `from` list
 * matches (case and spacing ignored), else the name as given.
 */
export function mapSection(config: Pick<SiteConfig, "sections">, name: string): string {
  const key = sectionSlug(name);
  for (const s of config.sections) {
    if (configSectionSlug(s) === key || sectionSlug(s.name) === key || s.from.some((f) => sectionSlug(f) === key))
      return s.name;
  }
  return name;
}

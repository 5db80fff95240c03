import type { DeskSite } from "./support.ts";

/** A cookie jar of one: enough for the desk's session and sign-in cookies. */
export class Client {
  cookies = new Map<string, string>();
  constructor(readonly site: DeskSite) {}

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size && !headers.has("cookie")) headers.set("cookie", this.cookieHeader());
    const response = await fetch(`${this.site.url}${path}`, { redirect: "manual", ...init, headers });
    this.remember(response);
    return response;
  }

  /** Signs in through the form; returns the response of the POST. */
  async signIn(email: string, password: string): Promise<Response> {
    const page = await (await this.fetch("/desk/login")).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? "";
    return this.fetch("/desk/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrf, email, password }).toString(),
    });
  }

  get session(): string | undefined {
    return this.cookies.get("nd_session");
  }

  /** The session's CSRF token, as a desk page carries it. */
  async csrf(): Promise<string> {
    const html = await (await this.fetch("/desk")).text();
    return /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
  }
}

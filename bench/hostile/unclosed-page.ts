/** The hostile HTML page of issue 18, finding 15: inline tags opened and never closed, repeated to `bytes`. */
export function unclosedTagsPage(bytes: number): string {
  const head = `<!doctype html><html><head><title>Unclosed tags</title></head><body><article><h1>Unclosed tags</h1>`;
  const unit = `<p>word <b>bold <i>it <a href="https://example.com/x">link `;
  return head + unit.repeat(Math.ceil((bytes - head.length) / unit.length));
}

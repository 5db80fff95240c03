import type { ImageBlock } from "../blocks/image/schema.ts";
import type { Actor } from "../editorial/actor.ts";
import type { Article } from "../model/article.ts";
import type { Store } from "../store/store.ts";
import { uploadImage } from "./library.ts";
import { MAX_UPLOAD_BYTES, MediaError } from "./process.ts";
import type { MediaStorage } from "./storage.ts";

/**
 * `import --images copy`: every image of an imported article is fetched from its source and put
 * through the media library (checked by content, resized, content-hashed names), and the article's
 * image blocks point at our copies, so the story no longer depends on another site's servers.
 * An image that cannot be copied keeps its address and is reported as a note.
 */
export const IMPORT_ACTOR: Actor = { id: "import", name: "newsdesk import", role: "editor" };
const FETCH_TIMEOUT_MS = 20_000;

export type ImageCopier = (article: Article) => Promise<{ article: Article; notes: string[] }>;

/** The image's bytes, refusing what is not http(s), not a 200, or larger than the upload limit. */
async function download(url: string, fetcher: typeof fetch): Promise<Buffer> {
  const response = await fetcher(url, {
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    headers: { accept: "image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1" },
    redirect: "follow",
  });
  if (!response.ok) throw new MediaError(`the server answered ${response.status}`);
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > MAX_UPLOAD_BYTES)
    throw new MediaError(`the image is ${declared} bytes; the limit is ${MAX_UPLOAD_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.length;
    // Counted as it arrives: a server may send more than it declared, or declare nothing.
    if (size > MAX_UPLOAD_BYTES) throw new MediaError(`the image is over the limit of ${MAX_UPLOAD_BYTES} bytes`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

export function createImageCopier(options: {
  store: Store;
  storage: MediaStorage;
  fetch?: typeof fetch;
  now?: () => Date;
}): ImageCopier {
  const fetcher = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  // One fetch per address per run, whether it failed or not.
  const copies = new Map<string, Promise<Pick<ImageBlock, "src" | "width" | "height" | "sizes">>>();

  const copy = (block: ImageBlock) => {
    const url = block.src!;
    let done = copies.get(url);
    if (!done) {
      done = (async () => {
        const bytes = await download(url, fetcher);
        const copied = await uploadImage(
          options.store,
          options.storage,
          IMPORT_ACTOR,
          { bytes, originalName: url, alt: block.alt, caption: block.caption ?? "", credit: block.credit ?? "" },
          now(),
        );
        return { src: copied.src, width: copied.width, height: copied.height, sizes: copied.sizes };
      })();
      copies.set(url, done);
    }
    return done;
  };

  return async (article) => {
    const notes: string[] = [];
    const blocks = [];
    for (const block of article.blocks) {
      if (block.type !== "image" || !block.src || !/^https?:\/\//i.test(block.src)) {
        blocks.push(block);
        continue;
      }
      try {
        blocks.push({ ...block, ...(await copy(block)) });
      } catch (error) {
        const reason =
          error instanceof MediaError
            ? error.message
            : (((error as Error).cause as Error | undefined)?.message ?? (error as Error).message);
        notes.push(`image ${block.src} not copied (${reason}); it still points at the source`);
        blocks.push(block);
      }
    }
    return { article: { ...article, blocks }, notes };
  };
}

/** The one file-extension → MIME type table, for players whose sources do not declare a type. */
const MEDIA_TYPES: Record<string, string> = {
  mp4: "video/mp4",
  m4v: "video/mp4",
  webm: "video/webm",
  ogv: "video/ogg",
  mov: "video/quicktime",
  m3u8: "application/vnd.apple.mpegurl",
  mpd: "application/dash+xml",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  aac: "audio/aac",
  oga: "audio/ogg",
  ogg: "audio/ogg",
  wav: "audio/wav",
  opus: "audio/ogg",
};

const DECLARED = /^(video|audio|application)\/[\w.+-]+/;

/** The media type of a source: as declared (without parameters), else guessed from the file extension. */
export function mediaType(url: string, declared?: string | null): string | undefined {
  if (declared && DECLARED.test(declared)) return declared.split(";")[0].trim();
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split(/[?#]/)[0];
  }
  const ext = path.split(".").pop()?.toLowerCase() ?? "";
  return MEDIA_TYPES[ext];
}

import type { ImageBlock } from "./schema.ts";

export const image = (file: string, alt: string, caption: string, credit: string): ImageBlock => ({
  type: "image",
  src: `/static/images/${file}`,
  alt,
  caption,
  credit,
  width: 800,
  height: 450,
  sizes: [],
});

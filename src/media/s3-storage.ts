import type { S3Client } from "@aws-sdk/client-s3";
import { isMediaName } from "./paths.ts";
import type { MediaStorage } from "./storage.ts";

/**
 * Media files in an S3-compatible object store (AWS S3, MinIO, Ceph, Garage, R2, …), behind the same
 * MediaStorage interface as the local folder. Names are content-hashed, so objects are written
 * once with a year-long immutable cache header. The SDK is loaded on first use, so commands that
 * never touch media do not pay for it.
 */
export interface S3MediaConfig {
  bucket: string;
  /** Key prefix inside the bucket ("" or ending in "/"). */
  prefix?: string;
  /** Another S3-compatible service's address; AWS when absent. */
  endpoint?: string;
  region?: string;
  /** bucket in the path (endpoint/bucket/key) rather than the host name; most non-AWS stores want it. */
  forcePathStyle?: boolean;
  /** Otherwise the SDK's usual chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export const MEDIA_CACHE_CONTROL = "public, max-age=31536000, immutable";

export function s3MediaStorage(config: S3MediaConfig): MediaStorage {
  const prefix = config.prefix ?? "";
  const key = (name: string) => `${prefix}${name}`;
  let client: Promise<{ client: S3Client; sdk: typeof import("@aws-sdk/client-s3") }> | undefined;
  const connect = () => {
    client ??= import("@aws-sdk/client-s3").then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: config.region ?? "us-east-1",
        endpoint: config.endpoint,
        forcePathStyle: config.forcePathStyle ?? !!config.endpoint,
        credentials: config.credentials,
        // Checksums only where S3 requires them: several S3-compatible stores reject the newer
        // default (aws-chunked uploads with trailing checksums).
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
      }),
    }));
    return client;
  };
  return {
    location: `s3://${config.bucket}/${prefix}${config.endpoint ? ` at ${config.endpoint}` : ""}`,
    async put(name, bytes, contentType) {
      if (!isMediaName(name)) throw new Error(`bad media name ${name}`);
      const { client, sdk } = await connect();
      await client.send(
        new sdk.PutObjectCommand({
          Bucket: config.bucket,
          Key: key(name),
          Body: bytes,
          ContentType: contentType,
          CacheControl: MEDIA_CACHE_CONTROL,
        }),
      );
    },
    async get(name) {
      if (!isMediaName(name)) return null;
      const { client, sdk } = await connect();
      try {
        const out = await client.send(new sdk.GetObjectCommand({ Bucket: config.bucket, Key: key(name) }));
        return out.Body ? Buffer.from(await out.Body.transformToByteArray()) : null;
      } catch (error) {
        if (error instanceof sdk.NoSuchKey || (error as { name?: string }).name === "NoSuchKey") return null;
        throw error;
      }
    },
  };
}

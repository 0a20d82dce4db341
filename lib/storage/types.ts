/** A stored file: its bytes and content type. */
export type StoredObject = { bytes: Uint8Array; contentType: string };

/**
 * Where the app keeps files every instance must be able to serve (posters and every future file).
 * Keys are the app's own (`posters/<name>`), never user input.
 */
export interface FileStorage {
  readonly kind: "postgres" | "s3";
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The file, or null when no file has that key. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the file; a missing key is not an error. */
  delete(key: string): Promise<void>;
  has(key: string): Promise<boolean>;
}

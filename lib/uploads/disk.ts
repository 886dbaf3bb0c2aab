import "server-only";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { UPLOAD_KEY, type UploadStore } from "./store";

/** Uploads as files under `root`; written to a temporary name and renamed, so readers never see half a file. */
export function diskUploadStore(root: string): UploadStore {
  const base = path.resolve(root);
  const fileOf = (key: string) => {
    if (!UPLOAD_KEY.test(key)) throw new Error(`not an upload key: ${key}`);
    const file = path.resolve(base, key);
    if (!file.startsWith(base + path.sep)) throw new Error(`upload key escapes the store: ${key}`);
    return file;
  };
  return {
    kind: "disk",
    async put(key, bytes) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temporary, bytes);
      await rename(temporary, file);
    },
    async get(key) {
      if (!UPLOAD_KEY.test(key)) return null;
      try {
        return new Uint8Array(await readFile(fileOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
  };
}

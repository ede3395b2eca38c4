/**
 * Uploaded files' bytes, on disk, one file per upload named by its id: never by the user's file
 * name, which may hold anything (`../`, a device name, 300 characters). Writes go to a temporary
 * file renamed into place, so a crash never leaves half a PDF under a valid id.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export class FileStore {
  constructor(readonly dir: string) {}

  private path(id: string): string {
    if (!SAFE_ID.test(id)) throw new Error(`Unsafe file id: ${JSON.stringify(id)}`);
    return join(this.dir, id);
  }

  async write(id: string, bytes: Uint8Array): Promise<void> {
    const target = this.path(id);
    await mkdir(this.dir, { recursive: true });
    const temp = join(this.dir, `.tmp-${id}-${randomBytes(6).toString('hex')}`);
    try {
      await writeFile(temp, bytes, { flush: true });
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async read(id: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.path(id)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(id: string): Promise<void> {
    await rm(this.path(id), { force: true });
  }

  /** Removes every stored file (reset). */
  async clear(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(names.map((name) => rm(join(this.dir, name), { force: true, recursive: true })));
  }
}

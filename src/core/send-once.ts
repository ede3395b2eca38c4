import type { ApiClient } from '../api/client.js';
import { newIdempotencyKey } from '../api/client.js';

/**
 * A file uploaded, then named by one request (a dossier's document, a RIB), sent at most once
 * each: a retry after a failure reuses the upload already made and the same Idempotency-Keys,
 * so a click repeated on a bad network never uploads nor creates twice. Another file or another
 * body is another request, with new keys.
 */
export class SendOnce {
  private file?: File;
  private uploadKey = newIdempotencyKey();
  private uploadId?: string;
  private print?: string;
  private key = newIdempotencyKey();

  async send<T>(client: ApiClient, file: File, body: object, create: (uploadId: string, idempotencyKey: string) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (file !== this.file) {
      this.file = file;
      this.uploadId = undefined;
      this.uploadKey = newIdempotencyKey();
    }
    this.uploadId ??= (await client.upload(file, 'supporting', file.name, { idempotencyKey: this.uploadKey, signal })).id;
    const print = `${this.uploadId}\n${JSON.stringify(body)}`;
    if (print !== this.print) {
      this.print = print;
      this.key = newIdempotencyKey();
    }
    const result = await create(this.uploadId, this.key);
    this.file = this.uploadId = this.print = undefined; // done: the next send is a new one
    return result;
  }
}

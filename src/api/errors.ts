import type { FieldError, Problem } from './schemas.js';

/** How a call failed; each translation words every kind (`t.errors[kind]`). */
export type ApiErrorKind = 'network' | 'timeout' | 'http' | 'contract' | 'unauthorized' | 'validation' | 'aborted';

/** The `path` of a contract error that concerns the whole answer (not JSON, not a PDF, a body where none was due). */
export const WHOLE_BODY = '(body)';

/**
 * Every failure of the client, typed so an element can tell the user what happened:
 * `network` (unreachable), `timeout`, `http` (with the server's problem details),
 * `contract` (an answer that does not match the schema, naming the path), `unauthorized` (401),
 * `validation` (422 with field errors), `aborted` (cancelled by the caller: show nothing).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly problem: Problem | undefined;
  /** For `contract`: where the answer broke the contract, e.g. `items.3.amountHT`. */
  readonly path: string | undefined;

  constructor(kind: ApiErrorKind, options: { status?: number; problem?: Problem; path?: string; message?: string; cause?: unknown } = {}) {
    super(options.message ?? options.problem?.detail ?? options.problem?.title ?? kind, { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.problem = options.problem;
    this.path = options.path;
  }

  /** The faulty fields of a 422, as the server named them. */
  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }

  /** The problem's `code` (for instance `invoice-duplicate`), when the server gave one. */
  get code(): string | undefined {
    return this.problem?.code;
  }

  /**
   * The values a message about this failure may name: the HTTP status, and for `contract` where
   * the answer broke it (never `(body)`, which would tell the user nothing). The words are the
   * UI's: see `errorText` in i18n.
   */
  get params(): { status?: number; path?: string } {
    return {
      ...(this.status ? { status: this.status } : {}),
      ...(this.path && this.path !== WHOLE_BODY ? { path: this.path } : {}),
    };
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
export const isAbort = (error: unknown): boolean =>
  (error instanceof ApiError && error.kind === 'aborted') || (error instanceof DOMException && error.name === 'AbortError');

/**
 * The back end's problem details (RFC 9457), in the language of Accept-Language, as a real
 * server localizes them. Their words are the translations' (`t.problems`, `t.rules`…), the
 * same tables the elements speak from: this file only says which code has which status.
 */
import type { FieldError, Problem } from '../api/schemas.js';
import { formatFileSize, ruleText, translationFor, type Locale, type Translation } from '../i18n/index.js';
import type { RuleFailure } from '../rules/result.js';

const STATUS = {
  'bad-request': 400,
  unauthorized: 401,
  'not-found': 404,
  'entity-not-found': 404,
  'invoice-not-found': 404,
  'dossier-not-found': 404,
  'pdf-not-found': 404,
  'upload-not-found': 404,
  'siret-unknown': 404,
  'idempotency-in-progress': 409,
  'idempotency-key-reused': 422,
  'rate-limited': 429,
  'upload-in-use': 409,
  'upload-too-large': 413,
  'body-too-large': 413,
  'unsupported-media-type': 415,
  'upload-bad-type': 415,
  'upload-not-pdf': 415,
  'upload-empty': 422,
  validation: 422,
  'deposit-invalid': 422,
  'server-error': 500,
} as const satisfies Record<string, number>;

/** The back end's problem codes, each worded by every translation (`t.problems[code]`). */
export type ProblemCode = keyof typeof STATUS;

/** The values a problem's sentence needs; a code not listed needs none. */
export interface ProblemParamMap {
  /** The server's limit, already formatted for the reader (`10 Mo`). */
  'upload-too-large': { max: string };
}
export type ProblemParams<P extends ProblemCode> = P extends keyof ProblemParamMap ? ProblemParamMap[P] : undefined;

/** One faulty field of a refused request: its name, a code, and its words in any language. */
export type FieldProblem = { field: string; code: string; text: (t: Translation) => string };

/** A field a shared rule refused, worded by the rule's code. */
export function ruleProblem(field: string, failure: RuleFailure): FieldProblem {
  return { field, code: failure.code, text: (t) => ruleText(t, failure) };
}

/** Thrown by the back end's service; the app turns it into a problem response. */
export class ApiProblem<P extends ProblemCode = ProblemCode> extends Error {
  constructor(
    readonly code: P,
    readonly errors?: FieldProblem[],
    readonly extra: Partial<Problem> = {},
    /** The values the code's sentence needs (ProblemParamMap); a function of the language when they are formatted in it. */
    readonly params?: ProblemParams<P> | ((locale: Locale) => ProblemParams<P>),
  ) {
    super(code);
  }

  get status(): number {
    return STATUS[this.code];
  }

  /** The problem details in `locale`, whose translation the caller has loaded (`loadLocale`). */
  toProblem(locale: Locale, instance?: string): Problem {
    const t = translationFor(locale);
    const params = typeof this.params === 'function' ? this.params(locale) : this.params;
    const text = (t.problems[this.code] as (params?: ProblemParams<P>) => string)(params);
    const errors: FieldError[] | undefined = this.errors?.map((e) => ({ field: e.field, code: e.code, message: e.text(t) }));
    return {
      type: `https://api.akto.fr/problems/${this.code}`,
      title: text,
      status: this.status,
      detail: errors?.length === 1 ? errors[0]!.message : text,
      code: this.code,
      ...(instance ? { instance } : {}),
      ...(errors ? { errors } : {}),
      ...this.extra,
    };
  }
}

/** A file over the limit the server applies, named: « Le fichier dépasse la taille maximale de 10 Mo. » */
export function uploadTooLarge(limitBytes: number): ApiProblem<'upload-too-large'> {
  return new ApiProblem('upload-too-large', undefined, {}, (locale) => ({ max: formatFileSize(limitBytes, locale) }));
}

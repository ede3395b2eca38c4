/**
 * The back end's problem details (RFC 9457), in the language of Accept-Language, as a real
 * server localizes them. Field messages come from the shared rules.
 */
import type { FieldError, Problem } from '../api/schemas.js';
import { formatFileSize, type Locale } from '../i18n/index.js';

const PROBLEMS = {
  'bad-request': [400, 'Requête invalide.', 'Bad request.'],
  unauthorized: [401, 'Authentification requise : votre session a expiré.', 'Authentication required: your session has expired.'],
  'not-found': [404, "Cette ressource n'existe pas.", 'This resource does not exist.'],
  'entity-not-found': [404, "Cette entité n'est pas gérée par votre compte.", 'This entity is not managed by your account.'],
  'invoice-not-found': [404, "Cette facture n'existe pas.", 'This invoice does not exist.'],
  'dossier-not-found': [404, "Ce dossier n'existe pas pour cette entité.", 'This file does not exist for this entity.'],
  'pdf-not-found': [404, "Le PDF de cette facture n'est pas disponible.", 'The PDF of this invoice is not available.'],
  'upload-not-found': [404, "Ce fichier n'existe pas ou a déjà été supprimé.", 'This file does not exist or was already deleted.'],
  'siret-unknown': [404, "Ce SIRET n'est pas référencé dans la base INSEE.", 'This SIRET is not listed in the INSEE register.'],
  'idempotency-in-progress': [409, 'Cette demande est déjà en cours de traitement : patientez un instant.', 'This request is already being processed: wait a moment.'],
  'idempotency-key-reused': [422, "Cette clé d'idempotence a déjà servi pour une autre demande.", 'This idempotency key was already used for another request.'],
  'rate-limited': [429, 'Trop de demandes en peu de temps : réessayez dans un instant.', 'Too many requests in a short time: try again in a moment.'],
  'upload-in-use': [409, 'Ce fichier a déjà été déposé : il ne peut plus être supprimé.', 'This file was already deposited: it can no longer be deleted.'],
  'upload-too-large': [413, 'Le fichier est trop volumineux.', 'The file is too large.'],
  'body-too-large': [413, 'La requête est trop volumineuse.', 'The request is too large.'],
  'unsupported-media-type': [415, 'Le corps de la requête doit être en JSON.', 'The request body must be JSON.'],
  'upload-bad-type': [415, "Ce type de fichier n'est pas accepté.", 'This type of file is not accepted.'],
  'upload-not-pdf': [415, "Ce fichier n'est pas un PDF.", 'This file is not a PDF.'],
  'upload-empty': [422, 'Le fichier est vide.', 'The file is empty.'],
  validation: [422, 'Certaines informations sont à corriger.', 'Some information needs correcting.'],
  'deposit-invalid': [422, 'Le dépôt est incomplet : chaque facture doit avoir une pièce justificative ou une case dérogatoire cochée.', 'The deposit is incomplete: each invoice needs a supporting document or a derogation.'],
  'server-error': [500, 'Le serveur a rencontré une erreur interne. Réessayez dans un instant.', 'The server ran into an internal error. Try again in a moment.'],
} as const satisfies Record<string, readonly [number, string, string]>;

export type ProblemCode = keyof typeof PROBLEMS;

/** Thrown by the back end's service; the app turns it into a problem response. */
export class ApiProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly errors?: { field: string; code: string; message: { fr: string; en: string } }[],
    readonly extra: Partial<Problem> = {},
    /** Replaces the code's own title and detail, for a message with a value in it. */
    readonly text?: { fr: string; en: string },
  ) {
    super(code);
  }

  get status(): number {
    return PROBLEMS[this.code][0];
  }

  toProblem(locale: Locale, instance?: string): Problem {
    const [status, fr, en] = this.text ? [PROBLEMS[this.code][0], this.text.fr, this.text.en] : PROBLEMS[this.code];
    const errors: FieldError[] | undefined = this.errors?.map((e) => ({ field: e.field, code: e.code, message: e.message[locale] }));
    return {
      type: `https://api.akto.fr/problems/${this.code}`,
      title: locale === 'fr' ? fr : en,
      status,
      detail: errors?.length === 1 ? errors[0]!.message : locale === 'fr' ? fr : en,
      code: this.code,
      ...(instance ? { instance } : {}),
      ...(errors ? { errors } : {}),
      ...this.extra,
    };
  }
}

/** A file over the limit the server applies, named: « Le fichier dépasse la taille maximale de 10 Mo. » */
export function uploadTooLarge(limitBytes: number): ApiProblem {
  return new ApiProblem('upload-too-large', undefined, {}, {
    fr: `Le fichier dépasse la taille maximale de ${formatFileSize(limitBytes, 'fr')}.`,
    en: `The file is larger than the ${formatFileSize(limitBytes, 'en')} limit.`,
  });
}

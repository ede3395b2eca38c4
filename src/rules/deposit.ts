/**
 * The deposit's rules (step « 1. Dépôt »), apart from the files' own (type, size: file.ts):
 * « Vous devez ajouter la pièce justificative pour ce document » unless a derogation box is ticked.
 */

/** What one invoice of a deposit carries besides its PDF. */
export interface DepositedInvoice {
  /** How many supporting documents it has (sent, or ready to send). */
  supporting: number;
  /** A ticked derogation box (« en tant qu'adhérent », « en tant que CFA/OF »), or none. */
  derogation: string | null;
}

/** An invoice may be sent with at least one supporting document, or a derogation instead. */
export function hasSupportingOrDerogation(invoice: DepositedInvoice): boolean {
  return invoice.supporting > 0 || Boolean(invoice.derogation);
}

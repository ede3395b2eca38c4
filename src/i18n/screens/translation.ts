import type { DocumentKind, RibStatus } from '../../api/schemas.js';
import type { BankFailure, BankRuleCode } from '../../rules/bank.js';

/**
 * The words of the screens that come in their own chunk (the transfer, a dossier's documents, the
 * RIB deposit): kept out of src/i18n/fr.ts, which the single script carries before paint, and
 * loaded with the elements that say them. One file per language beside this one; the compiler
 * refuses a language that lacks a sentence.
 */
export interface ScreensTranslation {
  /** The button of a file field (a dossier's document, a RIB). */
  chooseFile: string;
  transfer: {
    title: (number: string) => string;
    loading: string;
    notFound: string;
    date: string;
    amount: string;
    beneficiary: string;
    account: string;
    invoices: string;
    invoicesCaption: (count: number) => string;
    reference: string;
    issueDate: string;
    amountTTC: string;
    paid: string;
    status: string;
    openInvoice: (reference: string) => string;
  };
  documents: {
    tabs: string;
    details: string;
    documents: string;
    sentOn: string;
    seeDetail: string;
    hideDetail: string;
    fundingDetail: string;
    noInvoice: string;
    list: string;
    name: string;
    kind: string;
    none: string;
    loading: string;
    deposit: string;
    file: string;
    fileHint: string;
    fileRequired: string;
    notPdf: string;
    send: string;
    sending: string;
    sent: (name: string) => string;
    kinds: Record<DocumentKind, string>;
  };
  rib: {
    title: string;
    intro: string;
    entity: string;
    chooseEntity: string;
    file: string;
    fileHint: string;
    fileRequired: string;
    badType: string;
    reading: string;
    read: string;
    notRead: string;
    holder: string;
    iban: string;
    ibanHint: string;
    bic: string;
    bicHint: string;
    fixFields: string;
    send: string;
    sending: string;
    sent: string;
    another: string;
    list: string;
    listCaption: (entity: string) => string;
    sentOn: string;
    status: string;
    none: string;
    loading: string;
    ibanMasked: (first: string, last: string) => string;
    statuses: Record<RibStatus, string>;
  };
  /** The bank rules' sentences (src/rules/bank.ts), for the element and the back end alike. */
  rules: { [C in BankRuleCode]: (params: BankFailure['params']) => string };
  /** A refused document or RIB, field by field, as the back end words it. */
  fieldProblems: {
    uploadUnavailable: string;
    documentNotPdf: string;
  };
}

/**
 * The shape every locale fills. Terms that depend on a number are functions, so each
 * language writes its own plural rules (« 1 fichier chargé », « 3 fichiers chargés »).
 */
export type RuleCode =
  | 'required'
  | 'sirenFormat'
  | 'sirenChecksum'
  | 'siretFormat'
  | 'siretChecksum'
  | 'siretUnknown'
  | 'siretClosed'
  | 'dossierRequired'
  | 'dossierFormat'
  | 'dossierPrefix'
  | 'dossierUnknown'
  | 'amountRequired'
  | 'amountFormat'
  | 'amountDecimals'
  | 'amountNegative'
  | 'amountTtcBelowHt'
  | 'dateRequired'
  | 'dateInvalid'
  | 'dateAfterDeposit'
  | 'invoiceNumberRequired'
  | 'invoiceNumberTooLong'
  | 'invoiceDuplicate';

export type ApiErrorKind =
  | 'network'
  | 'timeout'
  | 'http'
  | 'contract'
  | 'unauthorized'
  | 'validation'
  | 'aborted';

export type InvoiceStatus =
  | 'a-valider'
  | 'en-cours-analyse'
  | 'payee'
  | 'partiellement-payee'
  | 'rejetee';

export type DossierState = 'brouillon' | 'transmis' | 'accorde' | 'cloture' | 'refuse';

export type EntityRole = 'adherent' | 'of' | 'cfa';

export interface Translation {
  /** BCP 47 tag used by Intl and sent as Accept-Language. */
  locale: string;
  common: {
    retry: string;
    close: string;
    loading: string;
    details: string;
    cancel: string;
    confirm: string;
    previous: string;
    next: string;
    empty: string;
  };
  errors: Record<ApiErrorKind, string> & {
    /** Shown when the server's answer does not match the contract, naming the field. */
    contractAt: (path: string) => string;
    httpStatus: (status: number) => string;
  };
  rules: Record<RuleCode, string> & {
    invoiceNumberTooLongBy: (max: number) => string;
    invoiceDuplicateOn: (date: string) => string;
  };
  statuses: Record<InvoiceStatus, string>;
  dossierStates: Record<DossierState, string>;
  roles: Record<EntityRole, string>;
}

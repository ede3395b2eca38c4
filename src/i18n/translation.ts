import type { ApiErrorKind } from '../api/errors.js';
import type { DossierState, EntityRole, InvoiceStatus } from '../api/schemas.js';
import type { ProblemCode, ProblemParams } from '../backend/problems.js';
import type { TextFieldKey } from '../rules/fields.js';
import type { RuleCode, RuleParams } from '../rules/result.js';

/** A sentence for each code its owner declares: a function of the code's values, or of none. */
type Sentences<Code extends string, Params extends Record<Code, unknown>> = {
  [C in Code]: Params[C] extends undefined ? () => string : (params: Params[C]) => string;
};

/** What both paged lists say, each in its own words (« factures », « dossiers »): the filters, the pager, the states. */
export interface ListLabels {
  entity: string;
  allEntities: string;
  clearFilters: string;
  pageSizeLabel: string;
  pageSize: (size: number) => string;
  pageOf: (page: number, pages: number) => string;
  previousPage: string;
  nextPage: string;
  total: (count: number) => string;
  found: (count: number) => string;
  empty: string;
  emptyHint: string;
  noMatch: string;
}

/**
 * The shape every locale fills. Terms that depend on a number are functions, so each
 * language writes its own plural rules (« 1 fichier chargé », « 3 fichiers chargés »).
 * Every sentence is whole here: the elements put values in, never cut or re-case a sentence.
 */
/** The groups only the screens after the first view say: their French is in fr-steps.ts. */
export type LaterGroup = 'rules' | 'problems' | 'fieldProblems' | 'invoiceDetail' | 'entityPicker' | 'upload' | 'validate' | 'pdfPreview' | 'dossierDraft' | 'deposit' | 'depositFlow' | 'dossierList' | 'dossierDetail' | 'roles';

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
  /** One sentence per rule code (src/rules/result.ts): `t.rules[code](params)`. */
  rules: Sentences<RuleCode, { [C in RuleCode]: RuleParams<C> }>;
  /** The back end's problem details (title and detail), one per problem code (src/backend/problems.ts). */
  problems: Sentences<ProblemCode, { [P in ProblemCode]: ProblemParams<P> }>;
  /** The back end's messages for a field of a refused request that no rule words. */
  fieldProblems: {
    /** A field the contract refuses, with the validator's code. */
    invalidValue: (code: string) => string;
    invoiceUnavailable: string;
    supportingUnavailable: string;
  };
  /** File size units, as the guide prints them (`148,9 ko`, `148.9 kB`). */
  sizeUnits: { kilo: string; mega: string };
  invoiceList: ListLabels & {
    /** « Valider » on an invoice « À valider », and its accessible name. */
    validate: string;
    validateLabel: (reference: string) => string;
    heading: string;
    caption: (sortedBy: string, order: 'asc' | 'desc', page: number, pages: number) => string;
    columns: Record<'reference' | 'issueDate' | 'depositDate' | 'amountHT' | 'amountTTC' | 'status' | 'transferNumber' | 'transferDate' | 'actions', string>;
    details: string;
    detailsOf: (reference: string) => string;
    search: string;
    searchHint: string;
    filter: string;
    filterCount: (count: number) => string;
    filterStatus: string;
    issuedBetween: string;
    depositedBetween: string;
    from: string;
    to: string;
    loading: string;
    myActions: string;
    depositInvoice: string;
    depositRib: string;
    dialogLabel: (reference: string) => string;
  };
  invoiceDetail: {
    title: (reference: string) => string;
    amountTTC: string;
    amountHT: string;
    tva: string;
    issuedOn: string;
    receivedOn: string;
    status: string;
    linkedDossiers: string;
    dossierNumber: string;
    trainees: string;
    hours: string;
    scheme: string;
    start: string;
    end: string;
    place: string;
    noDossier: string;
    iban: string;
    /** The masked IBAN read aloud, its first and last four characters given. */
    ibanMasked: (start: string, end: string) => string;
    copyIban: string;
    ibanCopied: string;
    showIban: string;
    transfer: string;
    transferNumber: string;
    processedOn: string;
    openPdf: string;
    openDossier: (number: string) => string;
    openTransfer: (number: string) => string;
    loading: string;
  };
  entityPicker: {
    legend: string;
    search: string;
    searchHint: string;
    noMatch: string;
    submit: string;
    change: string;
    none: string;
    noneHint: string;
    attach: string;
    chooseFirst: string;
    loading: string;
  };
  upload: {
    heading: string;
    forEntity: (name: string, siren: string) => string;
    forDossier: (number: string) => string;
    dropInvoices: string;
    /** The drop zone's words where files cannot be dropped (the page refuses our Trusted Types policy). */
    clickToChoose: string;
    chooseInvoices: string;
    dropHint: (maxSize: string) => string;
    fileSize: string;
    remove: (name: string) => string;
    creditNote: string;
    salaryCosts: string;
    supporting: string;
    addSupporting: string;
    dropSupporting: string;
    supportingHint: string;
    derogationAdherent: string;
    derogationCfaOf: string;
    derogationLegend: string;
    missingSupporting: string;
    loaded: (count: number) => string;
    thenValidate: string;
    send: string;
    sending: string;
    sent: (count: number) => string;
    sendBlocked: string;
    uploading: (percent: number) => string;
    waiting: string;
    uploaded: string;
    /** A row's state when its upload failed, and why. */
    uploadFailed: (reason: string) => string;
    /** The same, announced for one file among others. */
    uploadFailedOf: (name: string, reason: string) => string;
    /** Said once a file that had failed is uploaded after « Réessayer ». */
    uploadedOf: (name: string) => string;
    retry: (name: string) => string;
    refusedHeading: string;
    dismiss: string;
    refusal: {
      notPdf: (name: string) => string;
      notSupported: (name: string) => string;
      empty: (name: string) => string;
      tooLarge: (name: string, max: string) => string;
      duplicate: (name: string) => string;
      encrypted: (name: string) => string;
      damaged: (name: string) => string;
    };
    checking: string;
    draftFound: (count: number, when: string) => string;
    resume: string;
    abandon: string;
    resumed: string;
    scanWarning: string;
    /** A file over the reader's caps (pages, size, time): uploaded, not checked in the browser. */
    tooLargeToCheck: string;
    notAnInvoice: string;
    creditNoteRead: string;
    refused: string;
    added: (count: number) => string;
    removed: (name: string) => string;
    hostTookOver: string;
    // ---- issue 18: the upload starts at once, the reading beside it
    /** Under « Envoyer les documents » while an uploaded invoice is still being read (it may yet be refused). */
    sendWhileChecking: string;
  };
  validate: {
    heading: string;
    banner: string;
    forEntity: (name: string, siren: string) => string;
    columns: Record<'invoiceNumber' | 'amountHT' | 'amountTTC' | 'dossiers' | 'invoiceDate' | 'siret' | 'sentAt', string>;
    caption: (count: number) => string;
    /** The heading of the column that names each invoice. */
    fileColumn: string;
    dossiersFound: (count: number) => string;
    addDossierLabel: (fileName: string) => string;
    newDossier: string;
    removeDossier: (number: string) => string;
    validate: string;
    validateLabel: (fileName: string) => string;
    validating: string;
    validateSelected: (count: number) => string;
    select: (fileName: string) => string;
    selectAll: string;
    validated: string;
    validatedCount: (count: number) => string;
    remove: string;
    removeLabel: (fileName: string) => string;
    confirmRemove: (fileName: string) => string;
    confirmRemoveHint: string;
    removed: (fileName: string) => string;
    /** The short label of a row's button that shows its preview. */
    previewButton: string;
    previewOf: (fileName: string) => string;
    showPreview: (fileName: string) => string;
    previewLoading: string;
    previewUnavailable: string;
    empty: string;
    emptyHint: string;
    fromReading: string;
    /** The INSEE check of a SIRET could not be made (network, server…): the server checks it at « Valider ». */
    siretUnchecked: string;
    /** The e-invoice's own value of a field, when the server read another. */
    differs: Record<TextFieldKey, (value: string) => string>;
    creditNote: string;
    loading: string;
    /** The browser read no text in the PDF: the fields are to be typed from the preview. */
    scanned: string;
    /** Offered under an empty SIRET: start it from the SIREN the PDF carries, or the entity's. */
    sirenFromPdf: (siren: string) => string;
    sirenOfEntity: (siren: string) => string;
  };
  /** `<akto-pdf-preview>`: its toolbar and the page it draws. */
  pdfPreview: {
    loading: string;
    unavailable: string;
    /** The drawn page's accessible name: « Aperçu de facture.pdf ». */
    previewOf: (fileName: string) => string;
    page: (page: number, pages: number) => string;
    previousPage: string;
    nextPage: string;
    zoomIn: string;
    zoomOut: string;
    zoom: (percent: number) => string;
  };
  /** A dossier not yet numbered, in the list and in its detail. */
  dossierDraft: {
    dated: (date: string) => string;
    undated: string;
  };
  deposit: {
    steps: string;
    step1: string;
    step2: string;
    current: string;
    done: string;
    pendingFirst: (count: number) => string;
    validatePending: (count: number) => string;
    depositMore: string;
    seeInvoices: string;
    finished: (count: number) => string;
    back: string;
  };
  /** The deposit's way through (issue 16): refusals that do not block, errors with their way out, a company not in the list. */
  depositFlow: {
    /** A change refused while a send that may have made the deposit is not settled. */
    sendFirst: string;
    /** Under « Envoyer les documents » while refused files are on the list. */
    refusedNotSent: string;
    /** After « Ce dossier n'existe pas pour cette entité. », when the account has other entities. */
    wrongEntity: string;
    /** Under the entity picker. */
    notListed: string;
  };
  dossierList: ListLabels & {
    heading: string;
    caption: (sortedBy: string, order: 'asc' | 'desc', page: number, pages: number) => string;
    /** The sort keys as the caption says them (« triés par date de début »). */
    sortNames: Record<'number' | 'title' | 'start' | 'end' | 'company' | 'state', string>;
    columns: Record<'number' | 'title' | 'start' | 'end' | 'company' | 'state' | 'actions', string>;
    details: string;
    detailsOf: (number: string) => string;
    /** Drafts of the same day are told apart by their title. */
    detailsOfDraft: (date: string, title: string) => string;
    search: string;
    searchHint: string;
    filter: string;
    filterCount: (count: number) => string;
    filterState: string;
    dialogLabel: (number: string) => string;
  };
  dossierDetail: {
    /** « Action de formation n° 2206AF000578 »: the type comes from the server. */
    title: (type: string, number: string) => string;
    issuedOn: string;
    state: string;
    actions: string;
    depositInvoice: string;
    depositDocument: string;
    draftNoInvoice: string;
    training: string;
    trainingTitle: string;
    trainingBody: string;
    trainingType: string;
    scheme: string;
    dates: string;
    /** « du 19/06/2022 au 20/06/2022 »; either date may be empty. */
    period: (start: string, end: string) => string;
    trainees: string;
    noTrainee: string;
    funding: string;
    requested: string;
    granted: string;
    paid: string;
    balance: string;
    loading: string;
  };
  widget: {
    navigation: string;
    invoices: string;
    dossiers: string;
    deposit: string;
    back: string;
    views: Record<'invoices' | 'invoice' | 'dossiers' | 'dossier' | 'deposit' | 'transfer' | 'rib', string>;
  };
  statuses: Record<InvoiceStatus, string>;
  dossierStates: Record<DossierState, string>;
  roles: Record<EntityRole, string>;
}

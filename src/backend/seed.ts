/**
 * The mock backend's starting data: the guide's entities, dossiers and invoices, and enough
 * generated history (a seeded generator: the same data on every run) to look like a real account.
 */
import type { DossierDetail, Entity, InvoiceDetail, InvoiceFields, LinkedDossier } from '../api/schemas.js';
import type { Account, StoredDocument, StoredDossier, StoredInvoice, StoredPending, StoredRib } from './storage.js';

/** « Today » for the seeded history; deposits made while the mock runs use the real date. */
export const SEED_DATE = '2026-11-27';

export const ENTITIES: Entity[] = [
  { siren: '819109976', name: 'SNC KAVKAZ', role: 'adherent' },
  { siren: '342043528', name: 'ADC PROPRIETE', role: 'adherent' },
  { siren: '527319461', name: 'CASINO RESTAURATION SASU', role: 'adherent' },
  { siren: '520134784', name: 'CASINO RESTAURATION SAS DV515', role: 'adherent' },
  { siren: '798456125', name: 'AMUSE BOUCHE CAFE', role: 'adherent' },
  { siren: '843162702', name: 'UNIVERS PROTEC FORMATION', role: 'of' },
  { siren: '824092688', name: 'AFPA ENTREPRISES NOUVELLE AQUITAINE', role: 'of' },
  { siren: '509871232', name: 'CFA DES METIERS DE LA RESTAURATION', role: 'cfa' },
];

/** INSEE's SIRENE base, as far as the mock knows it: unknown SIRETs answer 404. */
export const SIRET_REGISTER: { siret: string; name: string; active: boolean }[] = [
  { siret: '81910997600012', name: 'SNC KAVKAZ', active: true },
  { siret: '34204352800013', name: 'ADC PROPRIETE', active: true },
  { siret: '52731946100010', name: 'CASINO RESTAURATION SASU', active: true },
  { siret: '52013478400013', name: 'CASINO RESTAURATION SAS DV515', active: true },
  { siret: '79845612500011', name: 'AMUSE BOUCHE CAFE', active: true },
  { siret: '84316270200016', name: 'UNIVERS PROTEC FORMATION', active: true },
  { siret: '82409268800236', name: 'AFPA ENTREPRISES NOUVELLE AQUITAINE', active: true },
  { siret: '88488405700016', name: 'ICEP FORMATION', active: true },
  { siret: '50987123200013', name: 'CFA DES METIERS DE LA RESTAURATION', active: true },
  // A training body that closed this establishment: the third SIRET case of the guide.
  { siret: '44556677100017', name: 'FORMAPLUS CONSEIL (établissement fermé)', active: false },
  { siret: '35600000000048', name: 'LA POSTE (siège)', active: true },
  // The training bodies of the project's sample invoices (demo/samples).
  { siret: '79184203200025', name: 'CFA DES MÉTIERS DE BOUCHE DU LITTORAL', active: true },
  { siret: '43819562000028', name: 'INSTITUT FORMACTION SUD', active: true },
  { siret: '90527418900018', name: 'CAP SERVICES FORMATION', active: true },
];

type DossierSeed = Omit<DossierDetail, 'id'> & { trainingBodySiren: string; linked: Omit<LinkedDossier, 'number'> };
/** What varies from one dossier to the next; what an invoice shows of it (« Détails des dossiers liés ») follows from it. */
type DossierExtra = Partial<Omit<DossierSeed, 'linked'>> & { hours?: number; place?: string };

const PDC = 'Plan de développement des compétences';
const APPRENTISSAGE = "CONTRAT D'APPRENTISSAGE GENERATION 2";
const AFPA = 'AFPA ENTREPRISES NOUVELLE AQUITAINE';
const ICEP = 'ICEP FORMATION';

/**
 * A dossier of the seed. What an invoice shows of it is the dossier itself: its trainees, its
 * dates and its scheme, with its hours and place (a dossier never says « Aucun stagiaire » while
 * an invoice on it names one).
 */
function dossier(number: string | null, title: string, company: string, state: DossierDetail['state'], extra: DossierExtra = {}): DossierSeed {
  const { hours = null, place = null, ...rest } = extra;
  const seed = base(number, title, company, state, rest);
  return { ...seed, linked: { trainees: [...seed.trainees], hours, scheme: seed.scheme, start: seed.start, end: seed.end, place } };
}

function base(number: string | null, title: string, company: string, state: DossierDetail['state'], extra: Partial<DossierSeed>): DossierSeed {
  const entity = ENTITIES.find((e) => e.name === company)!;
  return {
    number,
    draftDate: null,
    title,
    start: null,
    end: null,
    company,
    entitySiren: entity.siren,
    state,
    scheme: PDC,
    issuedDate: null,
    trainingBody: AFPA,
    trainingType: 'Action de formation',
    trainees: [],
    funding: { requested: 0, granted: 0, paid: 0, balance: 0 },
    trainingBodySiren: '824092688',
    linked: { trainees: [], hours: null, scheme: PDC, start: null, end: null, place: null },
    sentDate: null,
    ...extra,
  };
}

/** « Envoyé le »: a dossier with a number was sent to AKTO three days before it was issued. */
function withSentDate(d: DossierSeed): DossierSeed {
  return { ...d, sentDate: d.number && d.issuedDate ? addDays(d.issuedDate, -3) : null };
}

/** The guide's dossiers (« Mes dossiers » and the validation screen), with the values it shows. */
export const DOSSIERS: DossierSeed[] = [
  dossier(null, 'Formation sécurité incendie', 'UNIVERS PROTEC FORMATION', 'brouillon', { draftDate: '2022-06-24' }),
  dossier(null, 'HISTOIRE (FICHE NATIONALE)', 'CASINO RESTAURATION SAS DV515', 'brouillon', { draftDate: '2022-06-23' }),
  // The trainees of demo/samples' calcul-mental invoice and credit note.
  dossier('2206AF000578', 'Calcul mental', 'CASINO RESTAURATION SASU', 'transmis', {
    start: '2022-06-19', end: '2022-06-20', issuedDate: '2022-06-23', trainees: ['Lucie Martin', 'Natabah Behrane'], hours: 14, place: 'Bordeaux',
  }),
  dossier('2206AF000575', 'Purification des fibres', 'CASINO RESTAURATION SASU', 'transmis', { start: '2022-07-04', end: '2022-07-08', issuedDate: '2022-06-22', trainees: ['Julien Morel'], hours: 35, place: 'Lyon' }),
  dossier(null, 'DIAGNOSTIQUEUR TECHNIQUE IMMOBILIER', 'CASINO RESTAURATION SASU', 'brouillon', { draftDate: '2022-06-24', start: '2022-06-01', end: '2023-12-01' }),
  // The apprentice of demo/samples' diagnostiqueur invoices (ICEP FORMATION, 455 h a semester).
  dossier('2206CA000564', 'DIAGNOSTIQUEUR TECHNIQUE IMMOBILIER', 'CASINO RESTAURATION SAS DV515', 'transmis', {
    start: '2022-06-08', end: '2022-12-07', issuedDate: '2022-06-08', scheme: APPRENTISSAGE, trainingType: "Contrat d'apprentissage", trainees: ['Sarah Benali'],
    funding: { requested: 8500, granted: 8500, paid: 4250, balance: 4250 }, hours: 455, place: 'Nantes',
  }),
  dossier(null, 'HISTOIRE (FICHE NATIONALE)', 'CASINO RESTAURATION SAS DV515', 'brouillon', { draftDate: '2022-06-21', start: '2022-06-01', end: '2022-06-17' }),
  dossier(null, 'tds', 'CASINO RESTAURATION SAS DV515', 'brouillon', { draftDate: '2022-06-24', start: '2022-05-31', end: '2022-06-30' }),
  dossier('2206AF000539', 'CALCUL SCIENTIFIQUE', 'AMUSE BOUCHE CAFE', 'transmis', { start: '2022-05-31', end: '2022-06-17', issuedDate: '2022-05-30', trainees: ['Léa Fontaine'], hours: 91, place: 'Paris' }),
  dossier(null, 'ADMINISTRATION PUBLIQUE (FICHE NATIONALE)', 'SNC KAVKAZ', 'brouillon', { draftDate: '2022-06-17', start: '2022-06-01', end: '2023-05-31' }),
  // SNC KAVKAZ's SST session, by UNIVERS PROTEC FORMATION: demo/samples' « référence client 365146 » invoice.
  dossier('2206AF000358', 'Sauveteur Secouriste du Travail (SST) – formation initiale', 'SNC KAVKAZ', 'accorde', {
    start: '2022-06-13', end: '2022-06-17', issuedDate: '2022-06-01', trainees: ['Aslan Dzhabrailov', 'Marina Petrosyan', 'Lucas Ferrand', 'Inès Moreau'],
    trainingBody: 'UNIVERS PROTEC FORMATION', trainingBodySiren: '843162702', funding: { requested: 12000, granted: 12000, paid: 0, balance: 12000 }, hours: 14, place: 'Bordeaux',
  }),
  // ADC PROPRIETE's office course by INSTITUT FORMACTION SUD: test/fixtures/two-pages.pdf.
  dossier('2206AF000003', 'Parcours bureautique Microsoft 365', 'ADC PROPRIETE', 'accorde', {
    start: '2022-06-02', end: '2022-06-03', issuedDate: '2022-05-20', trainees: ['Claire Dubois', 'Hugo Leroy', 'Yasmine Haddad', 'Thomas Girard', 'Emma Fontaine'],
    trainingBody: 'INSTITUT FORMACTION SUD', trainingBodySiren: '438195620', funding: { requested: 1881, granted: 1881, paid: 1881, balance: 0 }, hours: 42, place: 'Montpellier',
  }),
  dossier('2205CA000799', 'CAP Cuisine', 'CASINO RESTAURATION SASU', 'accorde', {
    start: '2022-10-02', end: '2023-12-31', issuedDate: '2022-05-12', scheme: APPRENTISSAGE, trainingType: "Contrat d'apprentissage", trainees: ['Natabah Behrane', 'Lucie Casino'],
    trainingBody: 'CFA DES METIERS DE LA RESTAURATION', trainingBodySiren: '509871232',
    funding: { requested: 14000, granted: 14000, paid: 500, balance: 13500 }, hours: 500, place: '.',
  }),
  dossier('2509CA000412', "CAP Cuisine – contrat d'apprentissage", 'SNC KAVKAZ', 'accorde', {
    start: '2025-09-01', end: '2027-08-31', issuedDate: '2025-08-20', scheme: APPRENTISSAGE, trainingType: "Contrat d'apprentissage", trainees: ['Nabil Khatib'],
    trainingBody: 'CFA DES MÉTIERS DE BOUCHE DU LITTORAL', trainingBodySiren: '791842032',
    funding: { requested: 15000, granted: 15000, paid: 0, balance: 15000 }, hours: 400, place: 'La Rochelle',
  }),
  // The ex-network dossiers of the validation screen (AFPA ENTREPRISES, 15 found automatically);
  // the first two are demo/samples' 3-dossier invoice's, with its apprentices.
  ...['2103DCA22581', '2105DCA45238', '2106DCA56306', '2105DCA45217', '2103DCA25376', '2103DCA22645'].map((number, i) =>
    dossier(number, ['Soudure TIG', 'Conduite de chariots', 'Bureautique', 'Anglais professionnel', 'Habilitation électrique', 'SST'][i]!, 'AFPA ENTREPRISES NOUVELLE AQUITAINE', 'accorde', {
      start: `2021-0${3 + (i % 3)}-1${i}`, end: `2021-0${6 + (i % 3)}-2${i}`, issuedDate: `2021-0${3 + (i % 3)}-0${i + 1}`, trainingBody: ICEP, trainingBodySiren: '884884057',
      trainees: [['Kevin Roux', 'Amina Traoré', 'Sophie Lefèvre', 'Thomas Bernard', 'Amina Diallo', 'Lucas Petit'][i]!], hours: 35 + i * 7, place: 'Limoges',
    }),
  ),
];

/** A small deterministic generator (mulberry32): the same sequence on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Drawn for each generated invoice, as they always were (the draws must not change); its entity's RIB is what it shows. */
const IBANS = ['FR7630006000011234567890189', 'FR7610107001011234567890129', 'FR2817515900000800000000049'];

/**
 * A French IBAN from a bank code, a branch code and an account number: the RIB key (modulo 97
 * over 89 × bank + 15 × branch + 3 × account) and the IBAN's check digits, both right, so each
 * passes the checks of the RIB deposit (src/rules/bank.ts).
 */
export function frenchIban(bank: string, branch: string, account: string): string {
  const ribKey = 97 - Number((89n * BigInt(bank) + 15n * BigInt(branch) + 3n * BigInt(account)) % 97n);
  const bban = `${bank}${branch}${account}${String(ribKey).padStart(2, '0')}`;
  const check = 98 - Number(BigInt(`${bban}152700`) % 97n); // FR = 15 27, then 00
  return `FR${String(check).padStart(2, '0')}${bban}`;
}

const BANKS = [
  { code: '30004', bic: 'BNPAFRPPXXX' },
  { code: '30003', bic: 'SOGEFRPP' },
  { code: '10107', bic: 'BREDFRPPXXX' },
  { code: '17515', bic: 'CEPAFRPP751' },
];

/** Each entity's bank account: where AKTO pays its invoices, and the RIB it deposited (validated). */
export const ENTITY_ACCOUNTS: Record<string, { iban: string; bic: string }> = Object.fromEntries(
  ENTITIES.map((e, i) => {
    const bank = BANKS[i % BANKS.length]!;
    return [e.siren, { iban: frenchIban(bank.code, String(10000 + i * 1111).slice(0, 5), `000${e.siren.slice(1)}0`.slice(0, 11)), bic: bank.bic }];
  }),
);

/** The invoices the guide shows, then two years of generated history in every status. */
export function seedInvoices(count = 180): StoredInvoice[] {
  const trainingBodySirets: Record<string, string> = { '824092688': '82409268800236', '884884057': '88488405700016', '509871232': '50987123200013', '843162702': '84316270200016', '438195620': '43819562000028' };
  return groupTransfers(generateInvoices(count)).map((invoice) => {
    const dossier = DOSSIERS.find((d) => d.number === invoice.dossiers[0]);
    return { ...invoice, iban: ENTITY_ACCOUNTS[invoice.entitySiren]?.iban ?? invoice.iban, siret: (dossier && trainingBodySirets[dossier.trainingBodySiren]) ?? null, fileId: null };
  });
}

/**
 * AKTO pays an entity once a month for what it approved that month: the paid invoices of one
 * entity whose payments fall in one month share one transfer, dated and numbered as its last one.
 */
function groupTransfers(invoices: InvoiceDetail[]): InvoiceDetail[] {
  const groups = new Map<string, InvoiceDetail[]>();
  for (const invoice of invoices) {
    if (!invoice.transferNumber || !invoice.transferDate) continue;
    const key = `${invoice.entitySiren}|${invoice.transferDate.slice(0, 7)}`;
    groups.set(key, [...(groups.get(key) ?? []), invoice]);
  }
  const transfer = new Map<InvoiceDetail, { number: string; date: string }>();
  for (const group of groups.values()) {
    const last = group.reduce((a, b) => (b.transferDate! > a.transferDate! ? b : a));
    for (const invoice of group) transfer.set(invoice, { number: last.transferNumber!, date: last.transferDate! });
  }
  return invoices.map((invoice) => {
    const paid = transfer.get(invoice);
    return paid ? { ...invoice, transferNumber: paid.number, transferDate: paid.date } : invoice;
  });
}

function generateInvoices(count: number): InvoiceDetail[] {
  const invoices: InvoiceDetail[] = [];
  const guide: [string, string, number, number, string, string][] = [
    ['Facture - ADH : 1036477.001 - DOS : 2206AF000358', '2022-06-20', 12000, 12000, '819109976', '2206AF000358'],
    ['Facture - ADH : 4920.001 - DOS : 2206AF000003', '2022-06-17', 1881, 2257.2, '342043528', '2206AF000003'],
    ['Facture - ADH : 1036477.001 - DOS : 2206AF000358', '2022-06-15', 20437.38, 20437.38, '819109976', '2206AF000358'],
    ['TESFCTFB', '2022-06-16', 500, 500, '527319461', '2205CA000799'],
    ['5302381', '2022-05-30', 22625, 22625, '527319461', '2206AF000578'],
  ];
  guide.forEach(([reference, date, ht, ttc, siren, number], i) =>
    invoices.push(
      makeInvoice({
        id: `inv-${String(i + 1).padStart(4, '0')}`,
        reference,
        issueDate: date,
        depositDate: date,
        amountHT: ht,
        amountTTC: ttc,
        status: 'en-cours-analyse',
        entitySiren: siren,
        dossiers: [number],
        transferNumber: null,
        transferDate: null,
        iban: IBANS[0]!,
      }),
    ),
  );

  const random = seededRandom(20_26_11_27);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const numbered = DOSSIERS.filter((d) => d.number);
  const statuses = ['en-cours-analyse', 'payee', 'payee', 'payee', 'partiellement-payee', 'rejetee'] as const;
  for (let i = 0; i < count; i++) {
    const d = pick(numbered);
    const issue = addDays(SEED_DATE, -Math.floor(random() * 730) - 3);
    const deposit = [addDays(issue, Math.floor(random() * 20)), SEED_DATE].sort()[0]!;
    const ht = Math.round((200 + random() * 24_000) * 100) / 100;
    const exempt = random() < 0.6; // most training is VAT-exempt (CGI 261-4-4°)
    const ttc = exempt ? ht : Math.round(ht * 120) / 100;
    const age = (Date.parse(SEED_DATE) - Date.parse(deposit)) / 86_400_000;
    const status = age < 20 ? 'en-cours-analyse' : pick(statuses);
    const paid = status === 'payee' || status === 'partiellement-payee';
    const transferDate = paid ? addDays(deposit, 10 + Math.floor(random() * 30)) : null;
    const reference = random() < 0.5 ? `FA-${issue.slice(0, 4)}-${String(1000 + i).padStart(5, '0')}` : `Facture - ADH : ${100000 + Math.floor(random() * 900000)}.001 - DOS : ${d.number}`;
    invoices.push(
      makeInvoice({
        id: `inv-${String(i + 6).padStart(4, '0')}`,
        reference,
        issueDate: issue,
        depositDate: deposit,
        amountHT: ht,
        amountTTC: ttc,
        status,
        entitySiren: d.entitySiren,
        dossiers: [d.number!],
        transferNumber: paid ? `VIR${deposit.replace(/-/g, '')}${String(i).padStart(4, '0')}` : null,
        transferDate,
        iban: pick(IBANS), // drawn last, as it always was: the seeded data must not change
      }),
    );
  }
  return invoices;
}

type SeededInvoice = Pick<InvoiceDetail, 'id' | 'reference' | 'issueDate' | 'depositDate' | 'status' | 'entitySiren' | 'dossiers' | 'transferNumber' | 'transferDate' | 'iban'> & {
  amountHT: number;
  amountTTC: number;
};

/** A seeded invoice: what varies is given, the rest (VAT, reception, linked dossiers) follows from it. */
function makeInvoice(invoice: SeededInvoice): InvoiceDetail {
  const { amountHT, amountTTC, depositDate, dossiers } = invoice;
  return {
    ...invoice,
    amountTVA: Math.round((amountTTC - amountHT) * 100) / 100,
    receivedDate: depositDate,
    creditNote: false,
    hasPdf: false,
    linkedDossiers: dossiers.map((number) => ({ number, ...DOSSIERS.find((d) => d.number === number)!.linked })),
  };
}

/** The two invoices of the guide's validation screen, deposited by AFPA ENTREPRISES and not yet validated. */
export function seedPending(): StoredPending[] {
  const found = ['2103DCA22581', '2105DCA45238', '2106DCA56306', '2105DCA45217', '2103DCA25376', '2103DCA22645'];
  const rows: [string, InvoiceFields][] = [
    ['facture-202101085.pdf', { invoiceNumber: '202101085', amountHT: 28043.28, amountTTC: 28043.28, dossiers: found, invoiceDate: '2021-07-30', siret: '88488405700016' }],
    ['facture-zseflezzezf3z2123.pdf', { invoiceNumber: 'zseflezzezf3z2123', amountHT: 28043.23, amountTTC: 28043.23, dossiers: ['1451450'], invoiceDate: '2015-07-30', siret: '82409268800236' }],
  ];
  return rows.map(([fileName, fields], i) => ({
    id: `pending-seed-${i + 1}`,
    entitySiren: '824092688',
    fileName,
    sentAt: '2022-06-26T13:23:53Z',
    creditNote: false,
    salaryCosts: false,
    fromDossier: null,
    hasPdf: false,
    fields,
    uploadId: '',
    depositId: 'seed',
  }));
}

/**
 * The accounts a development sign-in can open (the reference server's and the mock's): the
 * guide's two accesses in one, a company with one entity, a training body.
 */
export const ACCOUNTS: Account[] = [
  { id: 'demo', name: 'Accès N°1 et N°2 (toutes les entités du guide)', entities: ENTITIES.map((e) => e.siren) },
  { id: 'kavkaz', name: 'SNC KAVKAZ (une entité)', entities: ['819109976'] },
  { id: 'afpa', name: 'AFPA ENTREPRISES NOUVELLE AQUITAINE (organisme de formation)', entities: ['824092688'] },
];

/** Dossier details with stable ids; drafts get an id too, as a real back end would. */
export function seedDossiers(): StoredDossier[] {
  return DOSSIERS.map((d, i) => ({ id: d.number ?? `draft-${String(i + 1).padStart(3, '0')}`, ...withSentDate(d) }));
}

/** Documents already sent on the guide's dossiers (their files are not kept: the seed has none). */
export function seedDocuments(): StoredDocument[] {
  const rows: [string, string, StoredDocument['kind'], string][] = [
    ['2206AF000578', 'Convention AFPA - Calcul mental.pdf', 'convention', '2022-06-16T09:12:40Z'],
    ['2206AF000578', 'Programme Calcul mental.pdf', 'programme', '2022-06-16T09:13:05Z'],
    ['2206AF000578', 'Emargement 19-20 juin 2022.pdf', 'emargement', '2022-06-21T17:02:11Z'],
    ['2206AF000358', "Convention Management d'équipe.pdf", 'convention', '2022-05-27T10:41:00Z'],
    ['2206CA000564', 'Contrat apprentissage Behrane.pdf', 'autre', '2022-06-03T14:20:30Z'],
  ];
  return rows.map(([dossierId, name, kind, sentAt], i) => ({ id: `document-seed-${i + 1}`, name, kind, sentAt, dossierId, uploadId: '' }));
}

/**
 * The RIBs the entities deposited: each one's account, validated (the IBAN its invoices were
 * paid to), and for CASINO RESTAURATION SASU a new one being checked, for ADC PROPRIETE an old one refused.
 */
export function seedRibs(): StoredRib[] {
  const ribs: StoredRib[] = ENTITIES.map((e, i) => ({
    id: `rib-seed-${i + 1}`,
    entitySiren: e.siren,
    holder: e.name,
    ...ENTITY_ACCOUNTS[e.siren]!,
    fileName: `RIB ${e.name}.pdf`,
    sentAt: `2020-0${1 + (i % 9)}-1${i % 10}T10:00:00Z`,
    status: 'valide',
    uploadId: '',
  }));
  ribs.push(
    { id: 'rib-seed-9', entitySiren: '527319461', holder: 'CASINO RESTAURATION SASU', iban: frenchIban('30066', '10021', '00012345601'), bic: 'CMCIFRPP', fileName: 'RIB CIC 2026.pdf', sentAt: '2026-11-20T15:42:10Z', status: 'en-cours-verification', uploadId: '' },
    { id: 'rib-seed-10', entitySiren: '342043528', holder: 'ADC PROPRIETE', iban: frenchIban('30002', '00550', '00001234567'), bic: 'CRLYFRPP', fileName: 'RIB LCL ancien compte.jpg', sentAt: '2019-03-04T08:30:00Z', status: 'refuse', uploadId: '' },
  );
  return ribs;
}

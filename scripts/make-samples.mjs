#!/usr/bin/env node
// Writes the sample invoices used by tests, stories and the demo, with known values.
//
//   node scripts/make-samples.mjs
//
// Outputs (same bytes on every run):
//   demo/samples/*.pdf            invoices and a credit note from training bodies (« organismes de formation »)
//   demo/samples/*-facturx.pdf    the same visible PDFs with an EN 16931 CII XML attached (factur-x.xml)
//   test/fixtures/*.pdf           hostile and edge files (not a PDF, empty, damaged, scan, encrypted, 2 pages, large)
//   demo/samples/samples.json     the manifest: one entry per file, with the values the PDF shows
//
// Every identifier here is made up, except the ones quoted from AKTO's user guide
// (SIRET 88488405700016 and 82409268800236, SIREN 819109976 « SNC KAVKAZ », 342043528, 824092688,
// and the dossier numbers). All SIRET/SIREN pass the Luhn check: the script refuses to run otherwise.
// encrypted.pdf needs qpdf (apt-get install qpdf); without it the committed file is kept as is.
// qpdf's AES-256 output is random, so encrypted.pdf is rewritten only when its source changes.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { AFRelationship, PDFDocument, PDFName, rgb, StandardFonts } from 'pdf-lib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = join(ROOT, 'demo/samples');
const FIXTURES = join(ROOT, 'test/fixtures');
const rel = (path) => relative(ROOT, path).split('\\').join('/');

// ---------------------------------------------------------------------------------------------
// Determinism: pdf-lib names font and image resources with Math.random() suffixes.
// Every document re-seeds a small PRNG, so one file's bytes never depend on the others.

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const seedRandom = (seed) => {
  Math.random = mulberry32(seed);
};
const PRODUCER = 'akto-invoice-widget scripts/make-samples.mjs (pdf-lib 1.17.1)';
const SAVE_OPTIONS = { useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false };

// ---------------------------------------------------------------------------------------------
// Identifiers and formats

const luhn = (digits) => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
};
const DOSSIER = /^\d{2}(0[1-9]|1[0-2])(?:[A-Z]{2}\d{6}|[A-Z]{3}\d{5})$/;
/** French intra-EU VAT number from a SIREN. */
const vatNumber = (siren) => `FR${String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, '0')}${siren}`;
/** French IBAN from bank, branch and account codes, with its RIB key and IBAN check digits. */
function iban(bank, branch, account) {
  const ribKey = 97 - ((89 * Number(bank) + 15 * Number(branch) + 3 * Number(account)) % 97);
  const bban = `${bank}${branch}${account}${String(ribKey).padStart(2, '0')}`;
  const check = 98 - Number(BigInt(`${bban}152700`) % 97n); // F=15, R=27, then "00"
  return `FR${String(check).padStart(2, '0')}${bban}`.replace(/(.{4})/g, '$1 ').trim();
}
/** 123456 cents → "1 234,56 €" (plain spaces, no U+202F / U+00A0). */
function euros(cents) {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const int = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${int},${String(abs % 100).padStart(2, '0')} €`;
}
/** 123456 cents → "1234.56" for the XML. */
const xmlAmount = (cents) => `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
/** "2026-06-26" → "26/06/2026" */
const frDate = (iso) => iso.split('-').reverse().join('/');
const spacedSiren = (siren) => siren.replace(/(\d{3})(?=\d)/g, '$1 ');
const escapeXml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// ---------------------------------------------------------------------------------------------
// Parties

const SELLERS = {
  afpa: {
    name: 'AFPA ENTREPRISES NOUVELLE AQUITAINE',
    tagline: 'Organisme de formation professionnelle continue',
    initials: 'AE',
    color: [0.0, 0.42, 0.45],
    address: ['Centre de Bordeaux-Bègles', '12 rue Lucien Faure', '33300 Bordeaux'],
    siret: '82409268800236',
    nda: '75331234533',
    region: 'Nouvelle-Aquitaine',
    legal: 'SAS au capital de 150 000 €',
    rcs: 'RCS Bordeaux',
    contact: 'Tél. 05 56 12 34 56 – facturation.bordeaux@afpa-entreprises-na.fr',
    iban: iban('30004', '00312', '00012345678'),
    bic: 'BNPAFRPPXXX',
    vatExempt: false,
  },
  cfa: {
    name: 'CFA DES MÉTIERS DE BOUCHE DU LITTORAL',
    tagline: "Centre de formation d'apprentis – UAI 0171234A",
    initials: 'CF',
    color: [0.55, 0.12, 0.2],
    address: ['Zone Atlantis', '8 rue de la Pêcherie', '17000 La Rochelle'],
    siret: '79184203200025',
    nda: '75170241717',
    region: 'Nouvelle-Aquitaine',
    legal: 'Association loi 1901',
    rcs: 'RNA W173004512',
    contact: 'Tél. 05 46 41 22 90 – gestion.apprentissage@cfa-bouche-littoral.fr',
    iban: iban('15589', '17000', '04512387001'),
    bic: 'CMBRFR2BARK',
    vatExempt: true,
  },
  icep: {
    name: 'ICEP FORMATION',
    tagline: 'Institut de formation aux métiers du diagnostic immobilier',
    initials: 'IC',
    color: [0.11, 0.2, 0.45],
    address: ["Parc d'activités du Moulin", '3 allée des Tilleuls', '44300 Nantes'],
    siret: '88488405700016',
    nda: '52440987644',
    region: 'Pays de la Loire',
    legal: 'SARL au capital de 20 000 €',
    rcs: 'RCS Nantes',
    contact: 'Tél. 02 40 18 77 03 – comptabilite@icep-formation.fr',
    iban: iban('14445', '00400', '08765432101'),
    bic: 'CEPAFRPP444',
    vatExempt: true,
  },
  protec: {
    name: 'UNIVERS PROTEC FORMATION',
    tagline: 'Prévention, sécurité et secourisme en entreprise',
    initials: 'UP',
    color: [0.75, 0.16, 0.1],
    address: ['ZA du Grand Pré', '14 rue des Artisans', '64100 Bayonne'],
    siret: '84316270200016',
    nda: '75640312864',
    region: 'Nouvelle-Aquitaine',
    legal: 'SASU au capital de 5 000 €',
    rcs: 'RCS Bayonne',
    contact: 'Tél. 05 59 03 48 12 – contact@universprotec-formation.fr',
    iban: iban('10907', '00001', '23456789012'),
    bic: 'CCBPFRPPBDX',
    vatExempt: false,
  },
  capservices: {
    name: 'CAP SERVICES FORMATION',
    tagline: 'Accueil, relation client et management de proximité',
    initials: 'CS',
    color: [0.36, 0.22, 0.55],
    address: ['Établissement de Lyon', '5 place Antonin Poncet', '69002 Lyon'],
    siret: '90527418900018',
    nda: '84691739569',
    region: 'Auvergne-Rhône-Alpes',
    legal: 'SAS au capital de 40 000 €',
    rcs: 'RCS Lyon',
    contact: 'Tél. 04 78 42 10 65 – factures@capservices-formation.fr',
    iban: iban('30066', '10021', '00010234567'),
    bic: 'CMCIFRPPXXX',
    vatExempt: false,
  },
  formaction: {
    name: 'INSTITUT FORMACTION SUD',
    tagline: 'Formations bureautique et gestion',
    initials: 'FS',
    color: [0.12, 0.45, 0.22],
    address: ['Les Bureaux du Lac', '27 avenue de la Méditerranée', '34000 Montpellier'],
    siret: '43819562000028',
    nda: '76340912334',
    region: 'Occitanie',
    legal: 'SARL au capital de 8 000 €',
    rcs: 'RCS Montpellier',
    contact: 'Tél. 04 67 20 55 31 – compta@formaction-sud.fr',
    iban: iban('13485', '00800', '08001234567'),
    bic: 'CEPAFRPP348',
    vatExempt: false,
  },
};

const BUYERS = {
  casino: { name: 'CASINO RESTAURATION SASU', attention: 'Service formation', address: ['24 avenue des Arts', '42000 Saint-Étienne'], siren: '527319461' },
  kavkaz: { name: 'SNC KAVKAZ', attention: 'Direction', address: ["18 cours de l'Intendance", '33000 Bordeaux'], siren: '819109976' },
  casinoDv515: { name: 'CASINO RESTAURATION SAS DV515', attention: 'Service apprentissage', address: ['24 avenue des Arts', '42000 Saint-Étienne'], siren: '520134784' },
  adc: { name: 'ADC PROPRIETE', attention: 'Ressources humaines', address: ['112 avenue Jean Jaurès', '69007 Lyon'], siren: '342043528' },
  afpa: { name: 'AFPA ENTREPRISES NOUVELLE AQUITAINE', attention: 'Achats formation', address: ['12 rue Lucien Faure', '33300 Bordeaux'], siren: '824092688' },
};

const EXEMPTION = 'Exonération de TVA – article 261-4-4° a du CGI';

// ---------------------------------------------------------------------------------------------
// The documents. Amounts in cents; `qty` × `unit` cents = line amount.

const line = (label, qty, unitLabel, unitCents, extra = {}) => ({ label, qty, unitLabel, unitCents, amount: qty * unitCents, ...extra });

const CALCUL_MENTAL_TRAINEES = ['Lucie MARTIN', 'Natabah BEHRANE'];

const INVOICES = [
  {
    file: 'facture-2606-calcul-mental.pdf',
    facturX: true,
    type: 'invoice',
    number: 'FA-2026-0612',
    issueDate: '2026-06-26',
    dueDate: '2026-07-26',
    seller: 'afpa',
    buyer: 'casino',
    dossiers: ['2206AF000578'],
    training: {
      title: 'Calcul mental',
      scheme: 'Plan de développement des compétences',
      start: '2026-06-15',
      end: '2026-06-16',
      hours: 14,
      place: 'Bordeaux-Bègles (33)',
      trainees: CALCUL_MENTAL_TRAINEES,
    },
    vatRate: 20,
    lines: CALCUL_MENTAL_TRAINEES.map((t) => line(`Calcul mental – ${t}`, 14, 'h', 4500)),
  },
  {
    file: 'FACTURE KHATIB NABIL.pdf',
    facturX: true,
    type: 'invoice',
    number: '2025-0387',
    issueDate: '2025-11-14',
    dueDate: '2025-12-14',
    seller: 'cfa',
    buyer: 'kavkaz',
    dossiers: ['2509CA000412'],
    training: {
      title: "CAP Cuisine – contrat d'apprentissage",
      scheme: "Contrat d'apprentissage (contrat du 01/09/2025 au 31/08/2027)",
      start: '2025-09-01',
      end: '2026-02-28',
      hours: 400,
      place: 'La Rochelle (17)',
      trainees: ['Nabil KHATIB'],
      periodLabel: '1re échéance',
    },
    vatRate: 0,
    lines: [
      line('Frais de formation (NPEC) – 1re échéance 50 % – Nabil KHATIB', 1, 'forfait', 325000),
      line('Frais de premier équipement pédagogique (tenue, mallette couteaux)', 1, 'forfait', 50000),
    ],
  },
  {
    file: 'facture-2507-diagnostiqueur-immobilier-3-dossiers.pdf',
    facturX: true,
    type: 'invoice',
    number: '202501085',
    issueDate: '2025-07-30',
    dueDate: '2025-08-29',
    seller: 'icep',
    // AFPA ENTREPRISES subcontracted ICEP FORMATION: its own dossiers and the one it is the training body of.
    buyer: 'afpa',
    dossiers: ['2206CA000564', '2103DCA22581', '2105DCA45238'],
    training: {
      title: 'DIAGNOSTIQUEUR TECHNIQUE IMMOBILIER',
      scheme: "Contrats d'apprentissage – titre professionnel de niveau 5",
      start: '2025-01-01',
      end: '2025-06-30',
      hours: 455,
      place: 'Nantes (44)',
      trainees: ['Sarah BENALI', 'Kevin ROUX', 'Amina TRAORÉ'],
      hoursNote: '455 heures par apprenti',
    },
    vatRate: 0,
    lines: [
      line('Sarah BENALI – dossier 2206CA000564 – 455 h', 1, 'forfait', 934776),
      line('Kevin ROUX – dossier 2103DCA22581 – 455 h', 1, 'forfait', 934776),
      line('Amina TRAORÉ – dossier 2105DCA45238 – 455 h', 1, 'forfait', 934776),
    ],
  },
  {
    file: 'avoir-2607-calcul-mental.pdf',
    facturX: true,
    type: 'credit-note',
    number: 'AV-2026-0031',
    issueDate: '2026-07-03',
    dueDate: null,
    seller: 'afpa',
    buyer: 'casino',
    dossiers: ['2206AF000578'],
    credited: { number: 'FA-2026-0612', date: '2026-06-26' },
    reason: 'Absence de Natabah BEHRANE le 16/06/2026 : 7 heures non réalisées, non facturables.',
    training: {
      title: 'Calcul mental',
      scheme: 'Plan de développement des compétences',
      start: '2026-06-15',
      end: '2026-06-16',
      hours: 7,
      hoursNote: '7 heures non réalisées',
      place: 'Bordeaux-Bègles (33)',
      trainees: ['Natabah BEHRANE'],
    },
    vatRate: 20,
    lines: [line('Calcul mental – Natabah BEHRANE – heures non réalisées', -7, 'h', 4500)],
  },
  {
    file: 'facture-2603-sst-ref-client-365146.pdf',
    facturX: false,
    type: 'invoice',
    number: 'UPF-26-0142',
    issueDate: '2026-03-20',
    dueDate: '2026-04-19',
    seller: 'protec',
    buyer: 'kavkaz',
    dossiers: ['2206AF000358'],
    decoys: ['365146'],
    clientRef: '365146',
    training: {
      title: 'Sauveteur Secouriste du Travail (SST) – formation initiale',
      scheme: 'Plan de développement des compétences',
      start: '2026-03-09',
      end: '2026-03-10',
      hours: 14,
      place: 'Dans vos locaux, Bordeaux (33)',
      trainees: ['Aslan DZHABRAILOV', 'Marina PETROSYAN', 'Lucas FERRAND', 'Inès MOREAU'],
    },
    vatRate: 20,
    lines: [
      line('SST formation initiale – session intra-entreprise, 4 stagiaires', 1, 'session', 120000),
      line('Aide-mémoire INRS et certificats SST', 4, 'pers.', 2500),
      line('Frais de déplacement du formateur', 1, 'forfait', 14000),
    ],
  },
  {
    file: 'facture-2601-diagnostiqueur-immobilier.pdf',
    facturX: false,
    type: 'invoice',
    number: '202600113',
    issueDate: '2026-01-15',
    dueDate: '2026-02-14',
    seller: 'icep',
    // The dossier's company (« Mes dossiers »: CASINO RESTAURATION SAS DV515), so it validates under its buyer.
    buyer: 'casinoDv515',
    dossiers: ['2206CA000564'],
    training: {
      title: 'DIAGNOSTIQUEUR TECHNIQUE IMMOBILIER',
      scheme: "Contrat d'apprentissage – titre professionnel de niveau 5",
      start: '2025-07-01',
      end: '2025-12-31',
      hours: 455,
      place: 'Nantes (44)',
      trainees: ['Sarah BENALI'],
    },
    vatRate: 0,
    lines: [
      line('Sarah BENALI – dossier 2206CA000564 – 2e semestre, 455 h', 1, 'forfait', 934776),
      line('Frais annexes de restauration', 48, 'repas', 300),
    ],
  },
];

// Fixture invoices (test/fixtures): a 2-page invoice and a large Factur-X invoice for benchmarks.
const OFFICE_MODULES = ['Excel – fonctions avancées', 'Excel – tableaux croisés dynamiques', 'Word – publipostage', 'Outlook – gestion du temps', 'PowerPoint – présentations efficaces', 'Excel – macros (initiation)'];
const TWO_PAGE_TRAINEES = ['Claire DUBOIS', 'Hugo LEROY', 'Yasmine HADDAD', 'Thomas GIRARD', 'Emma FONTAINE'];
const TWO_PAGES = {
  file: 'two-pages.pdf',
  dir: FIXTURES,
  facturX: false,
  type: 'invoice',
  number: 'IFS-2026-0458',
  issueDate: '2026-10-12',
  dueDate: '2026-11-11',
  seller: 'formaction',
  buyer: 'adc',
  dossiers: ['2206AF000003'],
  training: {
    title: 'Parcours bureautique Microsoft 365 (6 modules)',
    scheme: 'Plan de développement des compétences',
    start: '2026-09-07',
    end: '2026-10-02',
    hours: 42,
    hoursNote: '42 heures par stagiaire',
    place: 'Montpellier (34) et classe virtuelle',
    trainees: TWO_PAGE_TRAINEES,
  },
  vatRate: 20,
  lines: TWO_PAGE_TRAINEES.flatMap((t) => OFFICE_MODULES.map((m) => line(`${m} – ${t}`, 7, 'h', 3800))),
};

const LARGE_TRAINEES = Array.from({ length: 24 }, (_, i) => {
  const first = ['Julie', 'Karim', 'Sophie', 'Mehdi', 'Laura', 'Nicolas', 'Fatou', 'Pierre', 'Chloé', 'Samir', 'Camille', 'Antoine'][i % 12];
  const last = ['BERNARD', 'PETIT', 'DURAND', 'LEFEBVRE', 'MOREL', 'SIMON', 'LAURENT', 'MICHEL', 'GARCIA', 'DAVID', 'BERTRAND', 'ROUSSEL', 'VINCENT', 'FOURNIER', 'MOREAU', 'GIRAUD', 'ANDRE', 'MERCIER', 'BLANC', 'GUERIN', 'BOYER', 'GARNIER', 'CHEVALIER', 'FRANCOIS'][i];
  return `${first} ${last}`;
});
const SERVICE_MODULES = [
  ['Accueil physique et téléphonique', 7],
  ['Gestion des situations difficiles', 7],
  ['Relation client et écoute active', 7],
  ['Outils numériques de la relation client', 3.5],
];
const LARGE = {
  file: 'large-factur-x.pdf',
  dir: FIXTURES,
  facturX: true,
  type: 'invoice',
  number: 'CSF-2026-1047',
  issueDate: '2026-10-30',
  dueDate: '2026-11-29',
  seller: 'capservices',
  buyer: 'afpa',
  dossiers: ['2105DCA45238', '2206AF000578'],
  training: {
    title: 'Parcours « Accueil et relation client » (4 modules)',
    scheme: 'Plan de développement des compétences – 24 stagiaires, 3 groupes',
    start: '2026-09-14',
    end: '2026-10-23',
    hours: 24.5,
    hoursNote: '24,5 heures par stagiaire',
    place: 'Lyon (69)',
    trainees: LARGE_TRAINEES,
  },
  vatRate: 20,
  lines: LARGE_TRAINEES.flatMap((t, i) =>
    SERVICE_MODULES.map(([m, h]) => line(`${m} – ${t} – dossier ${i < 12 ? '2105DCA45238' : '2206AF000578'}`, h, 'h', 4200)),
  ),
  attendanceScan: true,
};

// ---------------------------------------------------------------------------------------------
// Totals

function totals(doc) {
  const ht = doc.lines.reduce((sum, l) => sum + Math.round(l.amount), 0);
  const tva = Math.round((ht * doc.vatRate) / 100);
  return { ht, tva, ttc: ht + tva };
}

// ---------------------------------------------------------------------------------------------
// Layout (A4, points)

const W = 595.28;
const H = 841.89;
const LEFT = 40;
const RIGHT = W - 40;
const GREY = rgb(0.38, 0.4, 0.44);
const DARK = rgb(0.12, 0.13, 0.16);
const LINE = rgb(0.8, 0.82, 0.85);
const LIGHT = rgb(0.95, 0.96, 0.97);
const FOOTER_TOP = 78;
const COLS = [
  { key: 'label', title: 'Désignation', x: LEFT + 6, w: 270, align: 'left' },
  { key: 'qty', title: 'Qté', x: 370, w: 40, align: 'right' },
  { key: 'unit', title: 'Unité', x: 376, w: 44, align: 'left' },
  { key: 'pu', title: 'PU HT', x: 480, w: 60, align: 'right' },
  { key: 'amount', title: 'Montant HT', x: RIGHT - 6, w: 70, align: 'right' },
];

const qtyText = (q) => String(q).replace('.', ',');

function wrap(text, font, size, width) {
  const words = text.split(' ');
  const lines = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width || !current) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines;
}

class Painter {
  constructor(pdf, fonts) {
    this.pdf = pdf;
    this.fonts = fonts;
    this.pages = [];
  }
  addPage() {
    this.page = this.pdf.addPage([W, H]);
    this.pages.push(this.page);
    return this.page;
  }
  text(str, x, y, { size = 9, bold = false, color = DARK, align = 'left', page = this.page, maxWidth } = {}) {
    const font = bold ? this.fonts.bold : this.fonts.regular;
    let s = size;
    if (maxWidth) while (font.widthOfTextAtSize(str, s) > maxWidth && s > 5) s -= 0.25;
    const width = font.widthOfTextAtSize(str, s);
    const dx = align === 'right' ? -width : align === 'center' ? -width / 2 : 0;
    page.drawText(str, { x: x + dx, y, size: s, font, color });
    return width;
  }
  rect(x, y, w, h, { fill, border, page = this.page, borderWidth = 0.6 } = {}) {
    page.drawRectangle({ x, y, width: w, height: h, color: fill, borderColor: border, borderWidth: border ? borderWidth : 0 });
  }
  hline(x1, x2, y, { color = LINE, thickness = 0.6, page = this.page } = {}) {
    page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness, color });
  }
}

function drawLogo(p, seller, x, y, size) {
  const color = rgb(...seller.color);
  p.rect(x, y, size, size, { fill: color });
  p.text(seller.initials, x + size / 2, y + size / 2 - size * 0.17, { size: size * 0.45, bold: true, color: rgb(1, 1, 1), align: 'center' });
}

function docTitle(doc) {
  return `${doc.type === 'credit-note' ? 'AVOIR' : 'FACTURE'} N° ${doc.number}`;
}

function drawFirstHeader(p, doc) {
  const seller = SELLERS[doc.seller];
  const buyer = BUYERS[doc.buyer];
  const accent = rgb(...seller.color);
  p.rect(0, H - 8, W, 8, { fill: accent });

  // Seller
  drawLogo(p, seller, LEFT, H - 78, 44);
  p.text(seller.name, LEFT + 54, H - 50, { size: 12.5, bold: true, maxWidth: 250 });
  p.text(seller.tagline, LEFT + 54, H - 63, { size: 8, color: GREY, maxWidth: 250 });
  let y = H - 98;
  for (const l of seller.address) {
    p.text(l, LEFT, y, { size: 9 });
    y -= 12;
  }
  p.text(`SIRET : ${seller.siret}`, LEFT, y, { size: 9 });
  y -= 12;
  p.text(`N° de déclaration d'activité (NDA) : ${seller.nda}`, LEFT, y, { size: 9 });
  y -= 12;
  p.text(`TVA intracommunautaire : ${vatNumber(seller.siret.slice(0, 9))}`, LEFT, y, { size: 9 });
  y -= 12;
  p.text(seller.contact, LEFT, y, { size: 8, color: GREY, maxWidth: 270 });

  // Title block
  const titleColor = doc.type === 'credit-note' ? rgb(0.7, 0.1, 0.1) : accent;
  p.text(docTitle(doc), RIGHT, H - 52, { size: 16, bold: true, align: 'right', color: titleColor });
  let ty = H - 70;
  p.text(`Date : ${frDate(doc.issueDate)}`, RIGHT, ty, { size: 10, align: 'right' });
  ty -= 13;
  if (doc.dueDate) {
    p.text(`Échéance : ${frDate(doc.dueDate)}`, RIGHT, ty, { size: 9, align: 'right', color: GREY });
    ty -= 12;
  }
  if (doc.clientRef) {
    p.text(`Réf. client : ${doc.clientRef} – Bon de commande n° ${doc.clientRef}`, RIGHT, ty, { size: 9, align: 'right', color: GREY });
    ty -= 12;
  }
  if (doc.credited) {
    p.text(`Avoir sur la facture n° ${doc.credited.number} du ${frDate(doc.credited.date)}`, RIGHT, ty, { size: 9, align: 'right', color: GREY });
    ty -= 12;
  }

  // Client box
  const bx = 320;
  const bw = RIGHT - bx;
  const bh = 92;
  const by = H - 232;
  p.rect(bx, by, bw, bh, { border: LINE, fill: LIGHT });
  p.text('CLIENT', bx + 10, by + bh - 14, { size: 7.5, bold: true, color: GREY });
  p.text(buyer.name, bx + 10, by + bh - 28, { size: 10.5, bold: true, maxWidth: bw - 20 });
  let cy = by + bh - 41;
  for (const l of [`À l'attention de : ${buyer.attention}`, ...buyer.address]) {
    p.text(l, bx + 10, cy, { size: 9 });
    cy -= 11.5;
  }
  p.text(`SIREN : ${buyer.siren}`, bx + 10, cy, { size: 9 });

  // AKTO references
  let ry = H - 190;
  p.text('Financement', LEFT, ry, { size: 7.5, bold: true, color: GREY });
  ry -= 13;
  const dossierLine = doc.dossiers.length > 1 ? `Dossiers AKTO N° ${doc.dossiers.join(', ')}` : `Dossier AKTO N° ${doc.dossiers[0]}`;
  p.text(dossierLine, LEFT, ry, { size: 10, bold: true, color: accent, maxWidth: 270 });
  ry -= 12;
  p.text('AKTO – opérateur de compétences, subrogation de paiement', LEFT, ry, { size: 8.5, color: GREY, maxWidth: 270 });

  // Training box
  const t = doc.training;
  const trainees = `Stagiaire(s) : ${t.trainees.join(', ')}`;
  const traineeLines = wrap(trainees, p.fonts.regular, 8.5, RIGHT - LEFT - 20);
  const shownTrainees = traineeLines.length > 3 ? [...traineeLines.slice(0, 2), `… et ${t.trainees.length} stagiaires au total (liste détaillée ci-dessous)`] : traineeLines;
  const boxTop = H - 248;
  const boxH = 52 + shownTrainees.length * 11;
  p.rect(LEFT, boxTop - boxH, RIGHT - LEFT, boxH, { border: LINE });
  p.rect(LEFT, boxTop - boxH, 3, boxH, { fill: accent });
  p.text(`Formation : ${t.title}`, LEFT + 12, boxTop - 15, { size: 10, bold: true, maxWidth: RIGHT - LEFT - 24 });
  p.text(`Dispositif : ${t.scheme}`, LEFT + 12, boxTop - 28, { size: 8.5, maxWidth: RIGHT - LEFT - 24 });
  const hours = t.hoursNote ?? `${qtyText(t.hours)} heures`;
  const period = t.periodLabel ? `${t.periodLabel} : ` : '';
  p.text(`${period}du ${frDate(t.start)} au ${frDate(t.end)} – Durée : ${hours} – Lieu : ${t.place}`, LEFT + 12, boxTop - 40, { size: 8.5, maxWidth: RIGHT - LEFT - 24 });
  let sy = boxTop - 52;
  for (const l of shownTrainees) {
    p.text(l, LEFT + 12, sy, { size: 8.5 });
    sy -= 11;
  }
  return boxTop - boxH - 16;
}

function drawContinuationHeader(p, doc) {
  const seller = SELLERS[doc.seller];
  p.rect(0, H - 8, W, 8, { fill: rgb(...seller.color) });
  drawLogo(p, seller, LEFT, H - 58, 26);
  p.text(seller.name, LEFT + 34, H - 44, { size: 10, bold: true });
  p.text(`${docTitle(doc)} (suite)`, RIGHT, H - 44, { size: 10, bold: true, align: 'right' });
  p.text(`Date : ${frDate(doc.issueDate)}`, RIGHT, H - 57, { size: 8.5, align: 'right', color: GREY });
  return H - 84;
}

function drawTableHeader(p, doc, y) {
  const accent = rgb(...SELLERS[doc.seller].color);
  p.rect(LEFT, y - 18, RIGHT - LEFT, 18, { fill: accent });
  for (const c of COLS) p.text(c.title, c.x, y - 12.5, { size: 8.5, bold: true, color: rgb(1, 1, 1), align: c.align });
  return y - 18;
}

function drawFooter(p, page, doc, index, count) {
  const seller = SELLERS[doc.seller];
  const siren = seller.siret.slice(0, 9);
  p.hline(LEFT, RIGHT, FOOTER_TOP - 18, { page });
  const l1 = `${seller.name} – ${seller.legal} – ${seller.rcs.startsWith('RCS') ? `${seller.rcs} ${spacedSiren(siren)}` : seller.rcs} – SIRET ${seller.siret} – Code APE 8559A`;
  const l2 = `Déclaration d'activité enregistrée sous le n° ${seller.nda} auprès du préfet de région ${seller.region}. Cet enregistrement ne vaut pas agrément de l'État.`;
  p.text(l1, W / 2, FOOTER_TOP - 30, { size: 6.8, color: GREY, align: 'center', page, maxWidth: RIGHT - LEFT });
  p.text(l2, W / 2, FOOTER_TOP - 40, { size: 6.8, color: GREY, align: 'center', page, maxWidth: RIGHT - LEFT });
  p.text(`Page ${index}/${count}`, RIGHT, FOOTER_TOP - 54, { size: 7, color: GREY, align: 'right', page });
}

/** Draws the visible invoice; returns the document and its page count. */
async function renderInvoice(doc) {
  seedRandom(0x5eed);
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  const p = new Painter(pdf, fonts);
  const seller = SELLERS[doc.seller];
  const sums = totals(doc);
  const exempt = doc.vatRate === 0;

  p.addPage();
  let y = drawFirstHeader(p, doc);
  y = drawTableHeader(p, doc, y);

  // Lines
  doc.lines.forEach((l, i) => {
    const labelLines = wrap(l.label, fonts.regular, 8.5, COLS[0].w);
    const rowH = 8 + labelLines.length * 10.5;
    if (y - rowH < FOOTER_TOP + 10) {
      p.addPage();
      y = drawTableHeader(p, doc, drawContinuationHeader(p, doc));
    }
    if (i % 2 === 1) p.rect(LEFT, y - rowH, RIGHT - LEFT, rowH, { fill: LIGHT });
    let ly = y - 12;
    for (const ll of labelLines) {
      p.text(ll, COLS[0].x, ly, { size: 8.5 });
      ly -= 10.5;
    }
    p.text(qtyText(l.qty), COLS[1].x, y - 12, { size: 8.5, align: 'right' });
    p.text(l.unitLabel, COLS[2].x, y - 12, { size: 8.5 });
    p.text(euros(l.unitCents), COLS[3].x, y - 12, { size: 8.5, align: 'right' });
    p.text(euros(Math.round(l.amount)), COLS[4].x, y - 12, { size: 8.5, align: 'right' });
    y -= rowH;
    p.hline(LEFT, RIGHT, y);
  });

  // Totals box, payment terms, legal mentions: about 200 pt
  if (y - 205 < FOOTER_TOP) {
    p.addPage();
    y = drawContinuationHeader(p, doc);
  }
  y -= 14;
  const tx = 345;
  const tw = RIGHT - tx;
  const rows = [
    ['Total HT', euros(sums.ht)],
    [exempt ? 'TVA' : `TVA ${doc.vatRate} %`, euros(sums.tva)],
  ];
  p.rect(tx, y - 74, tw, 74, { border: LINE });
  let ty = y - 15;
  for (const [k, v] of rows) {
    p.text(k, tx + 10, ty, { size: 9.5 });
    p.text(v, RIGHT - 10, ty, { size: 9.5, align: 'right' });
    ty -= 16;
  }
  const accent = rgb(...seller.color);
  p.rect(tx, y - 74, tw, 36, { fill: accent });
  p.text('Total TTC', tx + 10, y - 52, { size: 11, bold: true, color: rgb(1, 1, 1) });
  p.text(euros(sums.ttc), RIGHT - 10, y - 52, { size: 11, bold: true, color: rgb(1, 1, 1), align: 'right' });
  p.text(doc.type === 'credit-note' ? "Montant de l'avoir, à déduire" : 'Net à payer', tx + 10, y - 66, { size: 7.5, color: rgb(1, 1, 1) });

  // Left of the totals: VAT mention, amount in words is not needed
  let ny = y - 12;
  const notes = [];
  if (exempt) notes.push([EXEMPTION, true]);
  else notes.push([`TVA au taux normal de ${doc.vatRate} % sur les prestations de formation`, false]);
  if (doc.reason) notes.push([doc.reason, false]);
  if (doc.decoys) notes.push([`Merci de rappeler la référence client ${doc.clientRef} dans vos correspondances.`, false]);
  for (const [n, bold] of notes) {
    for (const l of wrap(n, bold ? fonts.bold : fonts.regular, 8.5, tx - LEFT - 16)) {
      p.text(l, LEFT, ny, { size: 8.5, bold });
      ny -= 11;
    }
    ny -= 3;
  }

  // Payment
  y -= 96;
  p.text('Conditions de règlement', LEFT, y, { size: 8.5, bold: true });
  y -= 12;
  const payment =
    doc.type === 'credit-note'
      ? [`Cet avoir sera déduit du règlement de la facture n° ${doc.credited.number} ou remboursé par virement.`]
      : [`Règlement par virement à 30 jours, au plus tard le ${frDate(doc.dueDate)}. Pas d'escompte pour paiement anticipé.`, `IBAN : ${seller.iban} – BIC : ${seller.bic}`];
  for (const l of payment) {
    p.text(l, LEFT, y, { size: 8.5, maxWidth: RIGHT - LEFT });
    y -= 11;
  }
  y -= 4;
  const late =
    "En cas de retard de paiement, pénalités au taux de trois fois le taux d'intérêt légal et indemnité forfaitaire pour frais de recouvrement de 40 € (articles L441-10 et D441-5 du Code de commerce).";
  for (const l of wrap(late, fonts.regular, 7.5, RIGHT - LEFT)) {
    p.text(l, LEFT, y, { size: 7.5, color: GREY });
    y -= 9.5;
  }

  // Attendance sheet scan (large fixture only)
  if (doc.attendanceScan) {
    const page = p.addPage();
    drawContinuationHeader(p, doc);
    p.text("Annexe : feuille d'émargement (copie numérisée)", LEFT, H - 84, { size: 10, bold: true });
    const png = await pdf.embedPng(attendanceScanPng());
    const h = H - 96 - (FOOTER_TOP + 6);
    const w = Math.min(RIGHT - LEFT, (h * png.width) / png.height);
    page.drawImage(png, { x: (W - w) / 2, y: H - 96 - h, width: w, height: h });
  }

  const count = p.pages.length;
  p.pages.forEach((page, i) => drawFooter(p, page, doc, i + 1, count));

  const when = new Date(`${doc.issueDate}T09:00:00Z`);
  pdf.setTitle(docTitle(doc));
  pdf.setAuthor(seller.name);
  pdf.setSubject(`${doc.type === 'credit-note' ? 'Avoir' : 'Facture'} – ${doc.training.title} – ${doc.dossiers.join(', ')}`);
  pdf.setKeywords(['AKTO', 'facture', 'formation', ...doc.dossiers]);
  pdf.setLanguage('fr-FR');
  pdf.setCreator(PRODUCER);
  pdf.setProducer(PRODUCER);
  pdf.setCreationDate(when);
  pdf.setModificationDate(when);
  return { pdf, pages: count, sums };
}

// ---------------------------------------------------------------------------------------------
// Factur-X: CII XML, profile EN 16931

function ciiXml(doc, sums) {
  const seller = SELLERS[doc.seller];
  const buyer = BUYERS[doc.buyer];
  const sellerSiren = seller.siret.slice(0, 9);
  const exempt = doc.vatRate === 0;
  const category = exempt ? 'E' : 'S';
  const rate = `${doc.vatRate}.00`;
  const ymd = (iso) => iso.replace(/-/g, '');
  const notes = [
    `${doc.dossiers.length > 1 ? 'Dossiers' : 'Dossier'} AKTO N° ${doc.dossiers.join(', ')}`,
    `Formation : ${doc.training.title}, du ${frDate(doc.training.start)} au ${frDate(doc.training.end)}`,
    `Stagiaire(s) : ${doc.training.trainees.join(', ')}`,
    ...(doc.reason ? [doc.reason] : []),
    `${seller.name} – SIRET ${seller.siret} – NDA ${seller.nda}`,
  ];
  const lineItems = doc.lines
    .map(
      (l, i) => `    <ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument>
        <ram:LineID>${i + 1}</ram:LineID>
      </ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedTradeProduct>
        <ram:Name>${escapeXml(l.label)}</ram:Name>
      </ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeAgreement>
        <ram:NetPriceProductTradePrice>
          <ram:ChargeAmount>${xmlAmount(l.unitCents)}</ram:ChargeAmount>
        </ram:NetPriceProductTradePrice>
      </ram:SpecifiedLineTradeAgreement>
      <ram:SpecifiedLineTradeDelivery>
        <ram:BilledQuantity unitCode="${l.unitLabel === 'h' ? 'HUR' : 'C62'}">${l.qty.toFixed(4)}</ram:BilledQuantity>
      </ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement>
        <ram:ApplicableTradeTax>
          <ram:TypeCode>VAT</ram:TypeCode>
          <ram:CategoryCode>${category}</ram:CategoryCode>
          <ram:RateApplicablePercent>${rate}</ram:RateApplicablePercent>
        </ram:ApplicableTradeTax>
        <ram:SpecifiedTradeSettlementLineMonetarySummation>
          <ram:LineTotalAmount>${xmlAmount(Math.round(l.amount))}</ram:LineTotalAmount>
        </ram:SpecifiedTradeSettlementLineMonetarySummation>
      </ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>`,
    )
    .join('\n');
  const party = (role, p) => {
    const siret = p.siret ? `\n        <ram:GlobalID schemeID="0009">${p.siret}</ram:GlobalID>` : '';
    const vat = p.siret ? `\n        <ram:SpecifiedTaxRegistration>\n          <ram:ID schemeID="VA">${vatNumber(p.siret.slice(0, 9))}</ram:ID>\n        </ram:SpecifiedTaxRegistration>` : '';
    const [postcode, ...city] = p.address[p.address.length - 1].split(' ');
    return `      <ram:${role}>${siret}
        <ram:Name>${escapeXml(p.name)}</ram:Name>
        <ram:SpecifiedLegalOrganization>
          <ram:ID schemeID="0002">${p.siret ? p.siret.slice(0, 9) : p.siren}</ram:ID>
        </ram:SpecifiedLegalOrganization>
        <ram:PostalTradeAddress>
          <ram:PostcodeCode>${postcode}</ram:PostcodeCode>
          <ram:LineOne>${escapeXml(p.address[p.address.length - 2])}</ram:LineOne>
          <ram:CityName>${escapeXml(city.join(' '))}</ram:CityName>
          <ram:CountryID>FR</ram:CountryID>
        </ram:PostalTradeAddress>${vat}
      </ram:${role}>`;
  };
  const payment = doc.dueDate
    ? `
      <ram:SpecifiedTradeSettlementPaymentMeans>
        <ram:TypeCode>58</ram:TypeCode>
        <ram:PayeePartyCreditorFinancialAccount>
          <ram:IBANID>${seller.iban.replace(/ /g, '')}</ram:IBANID>
        </ram:PayeePartyCreditorFinancialAccount>
      </ram:SpecifiedTradeSettlementPaymentMeans>`
    : '';
  const terms = doc.dueDate
    ? `
      <ram:SpecifiedTradePaymentTerms>
        <ram:Description>Virement à 30 jours</ram:Description>
        <ram:DueDateDateTime>
          <udt:DateTimeString format="102">${ymd(doc.dueDate)}</udt:DateTimeString>
        </ram:DueDateDateTime>
      </ram:SpecifiedTradePaymentTerms>`
    : `
      <ram:SpecifiedTradePaymentTerms>
        <ram:Description>Avoir à déduire de la facture ${escapeXml(doc.credited.number)}</ram:Description>
      </ram:SpecifiedTradePaymentTerms>`;
  const credited = doc.credited
    ? `
      <ram:InvoiceReferencedDocument>
        <ram:IssuerAssignedID>${escapeXml(doc.credited.number)}</ram:IssuerAssignedID>
        <ram:FormattedIssueDateTime>
          <qdt:DateTimeString format="102">${ymd(doc.credited.date)}</qdt:DateTimeString>
        </ram:FormattedIssueDateTime>
      </ram:InvoiceReferencedDocument>`
    : '';
  const orderRef = doc.clientRef
    ? `
      <ram:BuyerOrderReferencedDocument>
        <ram:IssuerAssignedID>${escapeXml(doc.clientRef)}</ram:IssuerAssignedID>
      </ram:BuyerOrderReferencedDocument>`
    : '';
  // Credit notes are written as type 380 with negative totals (a form DOMAIN.md says is seen in
  // the wild); the public corpus already has a type 381 credit note.
  return `<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocumentContext>
    <ram:GuidelineSpecifiedDocumentContextParameter>
      <ram:ID>urn:cen.eu:en16931:2017</ram:ID>
    </ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>
    <ram:ID>${escapeXml(doc.number)}</ram:ID>
    <ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime>
      <udt:DateTimeString format="102">${ymd(doc.issueDate)}</udt:DateTimeString>
    </ram:IssueDateTime>
${notes.map((n) => `    <ram:IncludedNote>\n      <ram:Content>${escapeXml(n)}</ram:Content>\n    </ram:IncludedNote>`).join('\n')}
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
${lineItems}
    <ram:ApplicableHeaderTradeAgreement>
      <ram:BuyerReference>${doc.dossiers[0]}</ram:BuyerReference>
${party('SellerTradeParty', seller)}
${party('BuyerTradeParty', buyer)}${orderRef}
      <ram:ContractReferencedDocument>
        <ram:IssuerAssignedID>${doc.dossiers.join(' ')}</ram:IssuerAssignedID>
      </ram:ContractReferencedDocument>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeDelivery>
      <ram:ActualDeliverySupplyChainEvent>
        <ram:OccurrenceDateTime>
          <udt:DateTimeString format="102">${ymd(doc.training.end)}</udt:DateTimeString>
        </ram:OccurrenceDateTime>
      </ram:ActualDeliverySupplyChainEvent>
    </ram:ApplicableHeaderTradeDelivery>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:PaymentReference>${escapeXml(doc.number)}</ram:PaymentReference>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>${payment}
      <ram:ApplicableTradeTax>
        <ram:CalculatedAmount>${xmlAmount(sums.tva)}</ram:CalculatedAmount>
        <ram:TypeCode>VAT</ram:TypeCode>${exempt ? `\n        <ram:ExemptionReason>${escapeXml(EXEMPTION)}</ram:ExemptionReason>` : ''}
        <ram:BasisAmount>${xmlAmount(sums.ht)}</ram:BasisAmount>
        <ram:CategoryCode>${category}</ram:CategoryCode>${exempt ? '' : '\n        <ram:DueDateTypeCode>72</ram:DueDateTypeCode>'}
        <ram:RateApplicablePercent>${rate}</ram:RateApplicablePercent>
      </ram:ApplicableTradeTax>
      <ram:BillingSpecifiedPeriod>
        <ram:StartDateTime>
          <udt:DateTimeString format="102">${ymd(doc.training.start)}</udt:DateTimeString>
        </ram:StartDateTime>
        <ram:EndDateTime>
          <udt:DateTimeString format="102">${ymd(doc.training.end)}</udt:DateTimeString>
        </ram:EndDateTime>
      </ram:BillingSpecifiedPeriod>${terms}
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:LineTotalAmount>${xmlAmount(sums.ht)}</ram:LineTotalAmount>
        <ram:TaxBasisTotalAmount>${xmlAmount(sums.ht)}</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="EUR">${xmlAmount(sums.tva)}</ram:TaxTotalAmount>
        <ram:GrandTotalAmount>${xmlAmount(sums.ttc)}</ram:GrandTotalAmount>
        <ram:DuePayableAmount>${xmlAmount(sums.ttc)}</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>${credited}
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
`;
}

function facturXXmp(doc, seller) {
  const when = `${doc.issueDate}T09:00:00Z`;
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
    <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
      <pdfaid:part>3</pdfaid:part>
      <pdfaid:conformance>B</pdfaid:conformance>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(docTitle(doc))}</rdf:li></rdf:Alt></dc:title>
      <dc:creator><rdf:Seq><rdf:li>${escapeXml(seller.name)}</rdf:li></rdf:Seq></dc:creator>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
      <xmp:CreateDate>${when}</xmp:CreateDate>
      <xmp:ModifyDate>${when}</xmp:ModifyDate>
      <xmp:CreatorTool>${PRODUCER}</xmp:CreatorTool>
      <pdf:Producer>${PRODUCER}</pdf:Producer>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
      <pdfaExtension:schemas>
        <rdf:Bag>
          <rdf:li rdf:parseType="Resource">
            <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
            <pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>
            <pdfaSchema:prefix>fx</pdfaSchema:prefix>
            <pdfaSchema:property>
              <rdf:Seq>
                <rdf:li rdf:parseType="Resource"><pdfaProperty:name>DocumentFileName</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>Name of the embedded XML invoice file</pdfaProperty:description></rdf:li>
                <rdf:li rdf:parseType="Resource"><pdfaProperty:name>DocumentType</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>INVOICE</pdfaProperty:description></rdf:li>
                <rdf:li rdf:parseType="Resource"><pdfaProperty:name>Version</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>Version of the Factur-X XML schema</pdfaProperty:description></rdf:li>
                <rdf:li rdf:parseType="Resource"><pdfaProperty:name>ConformanceLevel</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>Conformance level of the embedded XML invoice</pdfaProperty:description></rdf:li>
              </rdf:Seq>
            </pdfaSchema:property>
          </rdf:li>
        </rdf:Bag>
      </pdfaExtension:schemas>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#">
      <fx:DocumentType>INVOICE</fx:DocumentType>
      <fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>
      <fx:Version>1.0</fx:Version>
      <fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>
    </rdf:Description>
  </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

async function addFacturX(pdf, doc, sums) {
  const when = new Date(`${doc.issueDate}T09:00:00Z`);
  const xml = ciiXml(doc, sums);
  await pdf.attach(new TextEncoder().encode(xml), 'factur-x.xml', {
    mimeType: 'text/xml',
    description: 'Factur-X',
    afRelationship: AFRelationship.Data,
    creationDate: when,
    modificationDate: when,
  });
  const metadata = pdf.context.stream(new TextEncoder().encode(facturXXmp(doc, SELLERS[doc.seller])), { Type: 'Metadata', Subtype: 'XML' });
  pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(metadata));
  return xml;
}

// ---------------------------------------------------------------------------------------------
// PNG (built by hand: scan fixture, not-a-PDF fixture, attendance sheet of the large fixture)

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
/** 8-bit greyscale PNG from a pixel function (x, y) → 0..255. */
function greyPng(width, height, pixel) {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter: none
    for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = pixel(x, y);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // colour type: greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A fake scanned invoice: grey paper, dark bars for words, a table grid, a totals box. */
function scannedInvoicePng() {
  const width = 420;
  const height = 594;
  const rand = mulberry32(7);
  const marks = new Uint8Array(width * height).fill(247);
  const box = (x0, y0, w, h, v) => {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) if (x >= 0 && y >= 0 && x < width && y < height) marks[y * width + x] = v;
  };
  const words = (x0, y0, maxW, h, v) => {
    let x = x0;
    while (x < x0 + maxW) {
      const w = 8 + Math.floor(rand() * 28);
      if (x + w > x0 + maxW) break;
      box(x, y0, w, h, v);
      x += w + 4;
    }
  };
  box(28, 26, 40, 40, 70); // logo
  words(76, 30, 120, 9, 40); // seller name
  for (let i = 0; i < 5; i++) words(28, 78 + i * 11, 90 + Math.floor(rand() * 60), 5, 90);
  words(250, 30, 140, 11, 40); // FACTURE N°
  words(300, 48, 90, 6, 90);
  box(230, 112, 165, 70, 232); // client box
  for (let i = 0; i < 4; i++) words(238, 120 + i * 14, 100 + Math.floor(rand() * 40), 6, 80);
  box(28, 200, 367, 16, 110); // table header
  for (let r = 0; r < 9; r++) {
    const y = 224 + r * 18;
    words(34, y, 180 + Math.floor(rand() * 40), 6, 85);
    box(300, y, 25, 6, 85);
    box(345, y, 45, 6, 85);
    box(28, y + 11, 367, 1, 200);
  }
  box(250, 400, 145, 60, 225); // totals
  for (let i = 0; i < 3; i++) words(258, 408 + i * 16, 125, 7, i === 2 ? 30 : 80);
  for (let i = 0; i < 4; i++) words(28, 490 + i * 10, 340, 4, 150); // footer
  // a slight tilt and sensor noise, like a real scanner
  return greyPng(width, height, (x, y) => {
    const sx = Math.min(width - 1, Math.max(0, x + Math.round((y - height / 2) * 0.012)));
    const v = marks[y * width + sx];
    return rand() < 0.004 ? 120 + Math.floor(rand() * 80) : v;
  });
}

/** The attendance sheet attached to the large invoice: a noisy greyscale scan (about 270 kB in the PDF). */
function attendanceScanPng() {
  const width = 560;
  const height = 760;
  const rand = mulberry32(11);
  return greyPng(width, height, (x, y) => {
    let v = 238;
    const inTable = x > 40 && x < width - 40 && y > 120 && y < height - 80;
    if (inTable && ((y - 120) % 34 === 0 || x === 41 || x === 240 || x === 380 || x === width - 41)) v = 60;
    if (y > 40 && y < 70 && x > 40 && x < 380 && ((x >> 3) % 5 !== 0)) v = 45; // title
    if (inTable && (y - 120) % 34 > 12 && (y - 120) % 34 < 22 && x > 50 && x < 230 && ((x * 7 + y) >> 4) % 4 !== 0) v = 80; // names
    if (inTable && x > 250 && x < 370 && (y - 120) % 34 > 8 && (y - 120) % 34 < 26 && Math.abs(Math.sin((x + y) / 9) * 8 - ((y - 120) % 34 - 17)) < 1.5) v = 30; // signatures
    return Math.max(0, Math.min(255, v + Math.floor(rand() * 6) - 3));
  });
}

// ---------------------------------------------------------------------------------------------
// Writers

const manifest = [];

function entryFor(doc, file, pages, sums, facturX) {
  const seller = SELLERS[doc.seller];
  const buyer = BUYERS[doc.buyer];
  return {
    file: rel(file),
    kind: doc.type,
    invoiceNumber: doc.number,
    issueDate: doc.issueDate,
    amountHT: sums.ht / 100,
    amountTVA: sums.tva / 100,
    amountTTC: sums.ttc / 100,
    vatRate: doc.vatRate,
    vatExempt: doc.vatRate === 0,
    siret: seller.siret,
    siren: seller.siret.slice(0, 9),
    nda: seller.nda,
    sellerName: seller.name,
    buyerName: buyer.name,
    buyerSiren: buyer.siren,
    dossiers: doc.dossiers,
    ...(doc.decoys ? { decoys: doc.decoys } : {}),
    ...(doc.credited ? { creditedInvoice: doc.credited.number } : {}),
    training: doc.training.title,
    trainingStart: doc.training.start,
    trainingEnd: doc.training.end,
    hours: doc.training.hours,
    trainees: doc.training.trainees,
    facturX,
    ...(facturX ? { facturXProfile: 'EN 16931', facturXTypeCode: 380 } : {}),
    pages,
  };
}

function write(path, bytes) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return bytes;
}

async function writeInvoice(doc, { facturX }) {
  const dir = doc.dir ?? SAMPLES;
  const file = join(dir, facturX && !doc.file.includes('factur-x') ? doc.file.replace(/\.pdf$/, '-facturx.pdf') : doc.file);
  const { pdf, pages, sums } = await renderInvoice(doc);
  if (facturX) await addFacturX(pdf, doc, sums);
  const bytes = write(file, await pdf.save(SAVE_OPTIONS));
  const entry = { ...entryFor(doc, file, pages, sums, facturX), size: bytes.length };
  manifest.push(entry);
  return { file, bytes, entry };
}

function checkIdentifiers() {
  for (const s of Object.values(SELLERS)) {
    if (!/^\d{14}$/.test(s.siret) || !luhn(s.siret) || !luhn(s.siret.slice(0, 9))) throw new Error(`bad SIRET ${s.siret}`);
    if (!/^\d{11}$/.test(s.nda)) throw new Error(`bad NDA ${s.nda}`);
  }
  for (const b of Object.values(BUYERS)) if (!luhn(b.siren)) throw new Error(`bad SIREN ${b.siren}`);
  for (const d of [...INVOICES, TWO_PAGES, LARGE]) {
    for (const n of d.dossiers) if (!DOSSIER.test(n)) throw new Error(`bad dossier ${n}`);
    for (const n of d.decoys ?? []) if (DOSSIER.test(n)) throw new Error(`decoy ${n} matches the dossier pattern`);
    for (const date of [d.issueDate, d.training.start, d.training.end]) if (date < '2025-01-01' || date > '2026-11-27') throw new Error(`date out of range ${date}`);
  }
}

async function main() {
  checkIdentifiers();
  const manifestPath = join(SAMPLES, 'samples.json');
  const previousManifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : [];
  mkdirSync(SAMPLES, { recursive: true });
  mkdirSync(FIXTURES, { recursive: true });

  // 1. and 2. Invoices, then their Factur-X versions
  const written = {};
  for (const doc of INVOICES) written[doc.file] = await writeInvoice(doc, { facturX: false });
  for (const doc of INVOICES.filter((d) => d.facturX)) await writeInvoice(doc, { facturX: true });

  // 3. Fixtures
  const fixture = (name, problem, extra = {}) => {
    const file = join(FIXTURES, name);
    manifest.push({ file: rel(file), kind: 'fixture', problem, ...extra, size: readFileSync(file).length });
  };

  await writeInvoice(TWO_PAGES, { facturX: false });
  const large = await writeInvoice(LARGE, { facturX: true });
  large.entry.purpose = 'benchmark';

  write(join(FIXTURES, 'not-a-pdf.pdf'), scannedInvoicePng()); // a PNG named .pdf
  fixture('not-a-pdf.pdf', 'not-pdf', { pages: null, contentType: 'image/png', hostileName: 'markup-<img src=x onerror=alert(1)>.pdf' });

  write(join(FIXTURES, 'empty.pdf'), new Uint8Array(0));
  fixture('empty.pdf', 'empty', { pages: null, hostileName: '"><svg onload=alert(1)>.pdf' });

  // Truncated in the middle of a content stream, before the xref table, trailer and page objects.
  const source = written['facture-2606-calcul-mental.pdf'];
  const cut = Buffer.from(source.bytes).indexOf('stream', Math.floor(source.bytes.length / 2)) + 40;
  write(join(FIXTURES, 'damaged.pdf'), source.bytes.subarray(0, cut));
  fixture('damaged.pdf', 'damaged', { pages: null, source: rel(source.file), truncatedAt: cut, hostileName: `facture-${'très-long-nom-'.repeat(24)}.pdf` });

  {
    seedRandom(0x5ca7);
    const pdf = await PDFDocument.create({ updateMetadata: false });
    const page = pdf.addPage([W, H]);
    const img = await pdf.embedPng(scannedInvoicePng());
    page.drawImage(img, { x: 0, y: 0, width: W, height: H });
    const when = new Date('2026-05-04T09:00:00Z');
    pdf.setCreator('Scanner KM-C308 – Numérisation');
    pdf.setProducer(PRODUCER);
    pdf.setCreationDate(when);
    pdf.setModificationDate(when);
    write(join(FIXTURES, 'scan.pdf'), await pdf.save(SAVE_OPTIONS));
    fixture('scan.pdf', 'scan', { pages: 1, hostileName: '../../../etc/passwd.pdf' });
  }

  // Password-protected copy of an invoice (user password "user", owner password "owner", AES-256).
  // AES-256 (R6) draws a random file key and salts on every qpdf run, so the file is only rewritten
  // when its source invoice changed (its SHA-256 is kept in the manifest) or with --force-encrypt.
  const encrypted = join(FIXTURES, 'encrypted.pdf');
  const encSource = written['facture-2603-sst-ref-client-365146.pdf'];
  const sourceSha256 = createHash('sha256').update(encSource.bytes).digest('hex');
  const previous = previousManifest.find((e) => e.file === rel(encrypted));
  const upToDate = existsSync(encrypted) && previous?.sourceSha256 === sourceSha256 && !process.argv.includes('--force-encrypt');
  let hasQpdf = true;
  try {
    execFileSync('qpdf', ['--version'], { stdio: 'ignore' });
  } catch {
    hasQpdf = false;
  }
  if (upToDate) {
    console.log(`= ${rel(encrypted)}: source unchanged, kept (--force-encrypt rewrites it)`);
  } else if (hasQpdf) {
    execFileSync('qpdf', ['--static-id', '--encrypt', 'user', 'owner', '256', '--', encSource.file, encrypted], { stdio: 'inherit' });
  } else {
    console.warn(`! qpdf not found: ${rel(encrypted)} is not regenerated${existsSync(encrypted) ? ' (the committed file is kept, it may be stale)' : ' and is MISSING'}. Install it with: apt-get install qpdf`);
  }
  if (existsSync(encrypted)) {
    const stale = !upToDate && !hasQpdf;
    fixture('encrypted.pdf', 'encrypted', {
      pages: 1,
      source: rel(encSource.file),
      sourceSha256: stale ? (previous?.sourceSha256 ?? null) : sourceSha256,
      userPassword: 'user',
      ownerPassword: 'owner',
      hostileName: 'facture-\u202Efdp.exe',
    });
  }

  // 4. Manifest: samples first, then fixtures, in generation order
  // Bidi controls (the RLO of a hostile name) are written escaped, so the manifest reads the same in any editor.
  const json = JSON.stringify(manifest, null, 2).replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  write(manifestPath, `${json}\n`);

  for (const e of manifest) {
    const what = e.kind === 'fixture' ? `fixture: ${e.problem}` : `${e.kind} ${e.invoiceNumber} TTC ${e.amountTTC}${e.facturX ? ' + factur-x.xml' : ''}`;
    console.log(`${String(e.size).padStart(7)}  ${e.file}  (${what})`);
  }
  console.log(`${manifest.length} files, manifest: ${rel(manifestPath)}`);
}

await main();

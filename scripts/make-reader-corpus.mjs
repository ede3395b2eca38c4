#!/usr/bin/env node
// Writes the reader's corpus: plain PDF invoices (no Factur-X), each drawn in a layout of its own,
// each showing what real supplier invoices do that the samples don't (issue 17), with the values
// a reader must find in them, or must not find.
//
//   node scripts/make-reader-corpus.mjs
//
// Outputs (same bytes on every run):
//   test/fixtures/reader-corpus/*.pdf          the invoices (pdf-lib, as scripts/make-samples.mjs)
//   test/fixtures/reader-corpus/VALUES.tsv     one row per invoice: its known values; an empty cell
//                                              means the invoice does not carry it (the reader must
//                                              give nothing), plus the public plain invoice of
//                                              test/fixtures/corpus
//
// Every company, person and number here is made up. SIRET/SIREN pass Luhn unless a row says it is
// a typo on purpose; VAT numbers carry their key. Amounts are written in integer cents.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, PDFHexString, PDFName, StandardFonts, beginText, endText, moveText, popGraphicsState, pushGraphicsState, rgb, setFontAndSize, showText } from 'pdf-lib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'test/fixtures/reader-corpus');
const PRODUCER = 'akto-invoice-widget scripts/make-reader-corpus.mjs (pdf-lib 1.17.1)';
const SAVE_OPTIONS = { useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false };

// ---- determinism (pdf-lib names resources with Math.random()) ----------------------------------
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

// ---- identifiers ----------------------------------------------------------------------------------
const luhn = (digits) => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
};
/** The digit that makes `head` + digit pass Luhn. */
const checkDigit = (head) => [...'0123456789'].find((d) => luhn(head + d));
const siren = (head8) => head8 + checkDigit(head8);
const siret = (siren9, nic4) => siren9 + nic4 + checkDigit(siren9 + nic4);
const vat = (siren9) => `FR${String((12 + 3 * (Number(siren9) % 97)) % 97).padStart(2, '0')}${siren9}`;
const spaced = (digits) => digits.replace(/^(\d{3})(\d{3})(\d{3})(\d*)$/, (_, a, b, c, d) => [a, b, c, d].filter(Boolean).join(' '));

// ---- amounts (integer cents) ----------------------------------------------------------------------
const group = (int, sep) => String(int).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
function money(cents, { sep = ' ', dec = ',', cur = ' €', pre = '' } = {}) {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${pre}${group(Math.floor(abs / 100), sep)}${dec}${String(abs % 100).padStart(2, '0')}${cur}`;
}
const fr = (c) => money(c); //            1 234,56 €
const frn = (c) => money(c, { cur: '' }); // 1 234,56
const nb = (c) => money(c, { sep: '\u00a0', cur: '\u00a0€' }); // with no-break spaces
const euro = (c) => c / 100;

// ---- parties ----------------------------------------------------------------------------------------
const S = (head8, nic) => {
  const n = siren(head8);
  return { siren: n, siret: siret(n, nic) };
};
const SELLERS = {
  forma: { name: 'FORMAPRO CONSEIL', form: 'SARL', ...S('51234567', '0002'), city: 'Lyon' },
  atlas: { name: 'ATLAS COMPETENCES', form: 'SAS', ...S('42098765', '0011'), city: 'Marseille' },
  lumen: { name: 'LUMEN ACADEMIE', form: 'SASU', ...S('80311122', '0019'), city: 'Lille' },
  cedre: { name: 'LE CEDRE FORMATION', form: 'EURL', ...S('39877766', '0005'), city: 'Rennes' },
  orion: { name: 'ORION DIGITAL LEARNING', form: 'SAS', ...S('84455566', '0027'), city: 'Toulouse' },
  vertex: { name: 'VERTEX SECURITE', form: 'SARL', ...S('75123498', '0016'), city: 'Nantes' },
  sigma: { name: 'SIGMA LANGUES', form: 'SAS', ...S('49988877', '0031'), city: 'Bordeaux' },
  hexa: { name: 'HEXA MANAGEMENT', form: 'SA', ...S('33322211', '0048'), city: 'Paris' },
  pixel: { name: 'PIXEL & CODE', form: 'SAS', ...S('81276543', '0013'), city: 'Nice' },
  rivage: { name: 'RIVAGE HOTELLERIE FORMATION', form: 'SARL', ...S('44556677', '0024'), city: 'Biarritz' },
  boreal: { name: 'BOREAL TRANSPORTS ET LOGISTIQUE', form: 'SAS', ...S('52288899', '0035'), city: 'Strasbourg' },
  ecume: { name: 'ECUME CONSULTANTS', form: 'SCOP', ...S('41199988', '0017'), city: 'Brest' },
  tandem: { name: 'TANDEM RH', form: 'SASU', ...S('88811122', '0019'), city: 'Grenoble' },
  quartz: { name: 'QUARTZ EXPERTISE', form: 'SELARL', ...S('79900011', '0026'), city: 'Dijon' },
  mistral: { name: 'MISTRAL EDITIONS', form: 'SARL', ...S('38844455', '0012'), city: 'Avignon' },
};
const BUYERS = {
  kavkaz: { name: 'SNC KAVKAZ', siren: '819109976', siret: siret('819109976', '0001') },
  casino: { name: 'CASINO RESTAURATION SASU', siren: '527319461', siret: siret('527319461', '0012') },
  adc: { name: 'ADC PROPRIETE', siren: '342043528', siret: siret('342043528', '0020') },
  boulange: { name: 'BOULANGERIE DU PORT', ...S('90122233', '0018') },
  garage: { name: 'GARAGE DES QUATRE ROUTES', ...S('45566677', '0014') },
};
const NDA = '11755432175'; // 11 digits: a « déclaration d'activité » number, never a company number
const IBAN = 'FR76 3000 4003 1200 0123 4567 890';
const BIC = 'BNPAFRPPXXX';

// ---- drawing --------------------------------------------------------------------------------------
const W = 595.28;
const H = 841.89;
const DARK = rgb(0.1, 0.1, 0.12);
const GREY = rgb(0.4, 0.42, 0.45);

/** One PDF: `t(page, text, x, top, options)` draws text with its top-left at (x, top from the page's top). */
class Sheet {
  constructor(pdf, fonts) {
    this.pdf = pdf;
    this.fonts = fonts;
    this.pages = [];
  }
  page() {
    const page = this.pdf.addPage([W, H]);
    this.pages.push(page);
    return page;
  }
  width(text, { size = 9, font = 'H', bold = false } = {}) {
    return this.fonts[font + (bold ? 'B' : '')].widthOfTextAtSize(text, size);
  }
  t(page, text, x, top, { size = 9, font = 'H', bold = false, align = 'left', color = DARK } = {}) {
    const f = this.fonts[font + (bold ? 'B' : '')];
    const width = f.widthOfTextAtSize(text, size);
    const dx = align === 'right' ? -width : align === 'center' ? -width / 2 : 0;
    page.drawText(text, { x: x + dx, y: H - top - size, size, font: f, color });
  }
  rule(page, x1, x2, top, thickness = 0.5) {
    page.drawLine({ start: { x: x1, y: H - top }, end: { x: x2, y: H - top }, thickness, color: GREY });
  }
  box(page, x, top, w, h) {
    page.drawRectangle({ x, y: H - top - h, width: w, height: h, borderColor: GREY, borderWidth: 0.5 });
  }
  /**
   * Text whose accents are stored as combining characters (U+0301, U+0302 after their letter), as
   * some generators write them: Helvetica's spacing accents with a ToUnicode map that says they are
   * the combining ones.
   */
  combining(page, text, x, top, size = 9) {
    if (!this.combiningFont) {
      const cmap = [
        '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
        '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
        '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
        '1 begincodespacerange <00> <FF> endcodespacerange',
        '2 beginbfchar <88> <0302> <B4> <0301> endbfchar',
        'endcmap CMapName currentdict /CMap defineresource pop end end',
      ].join('\n');
      const toUnicode = this.pdf.context.register(this.pdf.context.stream(cmap));
      this.combiningFont = this.pdf.context.register(this.pdf.context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding', ToUnicode: toUnicode }));
    }
    page.node.setFontDictionary(PDFName.of('FXC'), this.combiningFont);
    const hex = [...text].map((c) => (c === '\u0302' ? '88' : c === '\u0301' ? 'B4' : c.charCodeAt(0).toString(16).padStart(2, '0'))).join('');
    page.pushOperators(pushGraphicsState(), beginText(), setFontAndSize('FXC', size), moveText(x, H - top - size), showText(PDFHexString.of(hex)), endText(), popGraphicsState());
  }
}

/** Label/value rows: `rows` of [label, value], labels at `x`, values right-aligned at `right` (or left at `vx`). */
function pairs(s, page, rows, { x, right, vx, top, step = 14, size = 9, bold = false, labelsFirst = false }) {
  const drawValue = ([, value], i) => {
    if (value === null) return;
    if (vx !== undefined) s.t(page, value, vx, top + i * step, { size, bold });
    else s.t(page, value, right, top + i * step, { size, bold, align: 'right' });
  };
  // labelsFirst: every label, then every value, so the text stream does not pair them.
  if (labelsFirst) {
    rows.forEach(([label], i) => s.t(page, label, x, top + i * step, { size, bold }));
    rows.forEach(drawValue);
  } else {
    rows.forEach((row, i) => {
      s.t(page, row[0], x, top + i * step, { size, bold });
      drawValue(row, i);
    });
  }
}

/** A header row of labels and the row of values under it, each value under its label. */
function grid(s, page, columns, { top, size = 8, gap = 13, valueSize = 9 }) {
  for (const [label, , x] of columns) s.t(page, label, x, top, { size, bold: true });
  for (const [, value, x] of columns) if (value !== null) s.t(page, value, x, top + gap, { size: valueSize });
}

/** A lines table: header, then rows; `cols` = [[title, x, align]], `rows` = arrays of cells. */
function table(s, page, cols, rows, { top, step = 13, size = 8.5 }) {
  cols.forEach(([title, x, align]) => s.t(page, title, x, top, { size, bold: true, align }));
  s.rule(page, 40, W - 40, top + size + 3);
  rows.forEach((row, r) => row.forEach((cell, c) => cell !== null && s.t(page, cell, cols[c][1], top + 8 + (r + 1) * step, { size, align: cols[c][2] })));
  return top + 8 + (rows.length + 1) * step;
}

const legal = (p, extra = '') => `${p.name} – ${p.form} au capital de 10 000 € – RCS ${p.city} ${spaced(p.siren)} – SIRET ${p.siret} – TVA intracommunautaire ${vat(p.siren)}${extra}`;

// ---- the invoices -------------------------------------------------------------------------------------
// Each: file, layout (what is drawn where), phenomena (what it exercises), the values it carries,
// and draw(s). Values: n invoice number, d issue date, ht/tva/ttc/due in cents, name, siren, siret,
// bsiren, bsiret, dossiers, credit ('text' | 'negative' when an avoir), status.

const DOCS = [];
const doc = (d) => DOCS.push(d);

doc({
  file: 'r01-header-row.pdf',
  layout: 'meta as a table header row with the values in the row below; totals box right',
  phenomena: 'labels in a row, values below; customer number and due date in the same row',
  n: 'F2026-104', d: '2026-03-12', ht: 71586, tva: 14317, ttc: 85903, name: SELLERS.forma.name, seller: 'forma', buyer: 'garage', bsiret: false,
  draw(s) {
    const p = s.page();
    const v = SELLERS.forma;
    s.t(p, v.name, 40, 40, { size: 16, bold: true });
    s.t(p, '12 quai Perrache – 69002 Lyon', 40, 62);
    s.t(p, 'GARAGE DES QUATRE ROUTES', 340, 110, { bold: true });
    s.t(p, '4 route de Vienne – 38200 Vienne', 340, 124);
    s.t(p, 'FACTURE', 40, 170, { size: 20, bold: true });
    grid(s, p, [['N° facture', 'F2026-104', 40], ['Date', '12/03/2026', 150], ['Client', 'CL-00042', 260], ['Échéance', '11/04/2026', 370]], { top: 205 });
    table(s, p, [['Désignation', 40, 'left'], ['Qté', 380, 'right'], ['PU HT', 460, 'right'], ['Montant HT', 555, 'right']], [['Formation Excel avancé (2 jours)', '1', '715,86', '715,86']], { top: 260 });
    pairs(s, p, [['Total HT', '€715,86'], ['TVA 20 %', '€143,17'], ['Total TTC', '€859,03']], { x: 380, right: 555, top: 340 });
    s.t(p, legal(v), 40, 790, { size: 6.5 });
  },
});

doc({
  file: 'r02-label-column.pdf',
  layout: 'labels in a column, values in another, every label written before every value',
  phenomena: 'labels and values aligned by position, not text order; order and customer numbers as traps',
  n: 'ATC-2026-0311', d: '2026-02-03', ht: 150000, tva: 30000, ttc: 180000, due: 180000, name: SELLERS.atlas.name, seller: 'atlas', buyer: 'casino', dossiers: ['2601AF000123'],
  draw(s) {
    const p = s.page();
    const v = SELLERS.atlas;
    s.t(p, 'ATLAS', 40, 40, { size: 22, bold: true });
    s.t(p, 'COMPÉTENCES', 40, 66, { size: 10 });
    pairs(s, p, [['Commande n°', 'CMD-77812'], ['N° client', '365146'], ['Facture n°', 'ATC-2026-0311'], ['Date de facture', '03/02/2026'], ['Dossier AKTO', '2601AF000123']], { x: 330, vx: 430, top: 40, labelsFirst: true });
    s.t(p, 'Adressée à : CASINO RESTAURATION SASU', 40, 150);
    s.t(p, '24 avenue des Arts, 42000 Saint-Étienne', 40, 163);
    table(s, p, [['Prestation', 40, 'left'], ['Jours', 420, 'right'], ['Montant HT', 555, 'right']], [['Management d’équipe – groupe de 8', '3', '1 500,00']], { top: 210 });
    pairs(s, p, [['Total HT', '1 500,00 €'], ['TVA 20 %', '300,00 €'], ['Total TTC', '1 800,00 €'], ['Net à payer', '1 800,00 €']], { x: 360, right: 555, top: 290, labelsFirst: true });
    s.t(p, legal(v), 40, 800, { size: 6 });
  },
});

doc({
  file: 'r03-dot-decimal.pdf',
  layout: 'single column, amounts with a dot and the euro sign glued after',
  phenomena: 'amounts like 60.00€',
  n: 'LA-0087', d: '2026-01-15', ht: 5000, tva: 1000, ttc: 6000, name: SELLERS.lumen.name, seller: 'lumen', buyer: 'kavkaz',
  draw(s) {
    const p = s.page();
    const v = SELLERS.lumen;
    s.t(p, `${v.name} – 7 rue Nationale – 59000 Lille`, 40, 40, { size: 11, bold: true });
    s.t(p, `SIRET : ${v.siret}`, 40, 56);
    s.t(p, 'Facture N° LA-0087 du 15/01/2026', 40, 100, { size: 13, bold: true });
    s.t(p, 'Client : SNC KAVKAZ, 18 cours de l’Intendance, 33000 Bordeaux', 40, 130);
    s.t(p, 'Accès plateforme e-learning (1 mois) ........ 50.00€', 40, 170);
    s.t(p, 'Total HT : 50.00€', 40, 210);
    s.t(p, 'TVA (20%) : 10.00€', 40, 224);
    s.t(p, 'Total TTC : 60.00€', 40, 238, { bold: true });
    s.t(p, `${v.name} ${v.form} au capital de 1 000 € – RCS Lille ${spaced(v.siren)}`, 40, 800, { size: 7 });
  },
});

doc({
  file: 'r04-english-format.pdf',
  layout: 'two-column header, totals in a right-hand grid with English number format',
  phenomena: 'amounts like 1,509.00 € from a French seller',
  n: '2026-0142', d: '2026-04-02', ht: 125750, tva: 25150, ttc: 150900, name: SELLERS.orion.name, seller: 'orion', buyer: 'adc',
  draw(s) {
    const p = s.page();
    const v = SELLERS.orion;
    s.t(p, v.name, 40, 40, { size: 14, bold: true });
    s.t(p, '31 allées Jean Jaurès, 31000 Toulouse', 40, 58);
    s.t(p, 'FACTURE N° 2026-0142', 330, 40, { size: 12, bold: true });
    s.t(p, 'Date d’émission : 02/04/2026', 330, 58);
    s.t(p, 'Date d’échéance : 02/05/2026', 330, 72);
    s.t(p, 'ADC PROPRIETE – 112 avenue Jean Jaurès, 69007 Lyon', 40, 120);
    table(s, p, [['Description', 40, 'left'], ['Qty', 400, 'right'], ['Unit price', 470, 'right'], ['Amount', 555, 'right']], [['Python for data analysis', '1', '1,257.50 €', '1,257.50 €']], { top: 170 });
    pairs(s, p, [['Total HT', '1,257.50 €'], ['TVA 20%', '251.50 €'], ['Total TTC', '1,509.00 €']], { x: 380, right: 555, top: 250 });
    s.t(p, legal(v), 40, 800, { size: 6 });
  },
});

doc({
  file: 'r05-no-thousands.pdf',
  layout: 'Courier, text-only layout with dotted leaders',
  phenomena: 'amounts like 3300,00 without thousands separator',
  n: 'C-2026/58', d: '2026-05-20', ht: 275000, tva: 55000, ttc: 330000, name: SELLERS.cedre.name, seller: 'cedre', buyer: 'boulange',
  draw(s) {
    const p = s.page();
    const v = SELLERS.cedre;
    const c = { font: 'C', size: 9 };
    s.t(p, `${v.name} ${v.form}`, 40, 40, { ...c, bold: true });
    s.t(p, '2 place des Lices 35000 Rennes', 40, 52, c);
    s.t(p, `Siret ${spaced(v.siret.slice(0, 9))} ${v.siret.slice(9)}`, 40, 64, c);
    s.t(p, 'FACTURE No C-2026/58', 40, 100, { ...c, bold: true, size: 12 });
    s.t(p, 'Rennes, le 20/05/2026', 350, 100, c);
    s.t(p, 'BOULANGERIE DU PORT', 350, 130, c);
    s.t(p, 'Formation HACCP 2 jours............... 2750,00', 40, 180, c);
    s.t(p, 'TOTAL HT.............................. 2750,00', 40, 210, c);
    s.t(p, 'TVA 20%............................... 550,00', 40, 222, c);
    s.t(p, 'TOTAL TTC............................. 3300,00', 40, 234, c);
    s.t(p, `${v.name} ${v.form} au capital de 2 000 EUR - RCS Rennes ${spaced(v.siren)}`, 40, 800, { ...c, size: 6.5 });
  },
});

doc({
  file: 'r06-dot-thousands.pdf',
  layout: 'Times, totals centred under the lines, seller legal mention on two lines',
  phenomena: 'amounts like 1.245,30; seller name on the line above « SARL au capital … »',
  n: 'VS-260419', d: '2026-04-19', ht: 103775, tva: 20755, ttc: 124530, name: SELLERS.vertex.name, seller: 'vertex', buyer: 'kavkaz',
  draw(s) {
    const p = s.page();
    const v = SELLERS.vertex;
    const t = { font: 'T', size: 10 };
    s.t(p, 'Vertex Sécurité – formations incendie et SST', 40, 40, { ...t, size: 13, bold: true });
    s.t(p, 'Facture n° VS-260419', 40, 90, { ...t, bold: true });
    s.t(p, 'Date de facturation : 19.04.2026', 40, 104, t);
    s.t(p, 'Sauveteur secouriste du travail (initial)', 60, 150, t);
    s.t(p, '1.037,75', 520, 150, { ...t, align: 'right' });
    s.t(p, 'Montant HT 1.037,75 EUR', 300, 200, t);
    s.t(p, 'TVA 20 % 207,55 EUR', 300, 214, t);
    s.t(p, 'Montant TTC 1.245,30 EUR', 300, 228, { ...t, bold: true });
    s.t(p, v.name, 40, 786, { ...t, size: 7, bold: true });
    s.t(p, `${v.form} au capital de 7 500 € – RCS Nantes ${spaced(v.siren)} – SIRET ${v.siret}`, 40, 796, { ...t, size: 7 });
  },
});

doc({
  file: 'r07-ht-then-fees.pdf',
  layout: 'long totals column: a first Total HT, fees, then the HT that counts',
  phenomena: '« Total HT » followed by fees, the real HT further down',
  n: 'SG-2026-031', d: '2026-06-08', ht: 115000, tva: 23000, ttc: 138000, name: SELLERS.sigma.name, seller: 'sigma', buyer: 'casino',
  draw(s) {
    const p = s.page();
    const v = SELLERS.sigma;
    s.t(p, v.name, 40, 40, { size: 15, bold: true });
    s.t(p, 'FACTURE', 420, 40, { size: 15, bold: true });
    pairs(s, p, [['Numéro', 'SG-2026-031'], ['Date', '08/06/2026']], { x: 420, vx: 480, top: 62 });
    s.t(p, 'CASINO RESTAURATION SASU', 40, 120, { bold: true });
    table(s, p, [['Cours', 40, 'left'], ['Heures', 430, 'right'], ['Montant', 555, 'right']], [['Anglais professionnel (B2)', '20', '1 000,00 €']], { top: 170 });
    pairs(s, p, [['Total HT', '1 000,00 €'], ['Frais de déplacement', '120,00 €'], ['Frais de dossier', '30,00 €'], ['Montant HT', '1 150,00 €'], ['TVA (20 %)', '230,00 €'], ['Montant TTC', '1 380,00 €']], { x: 350, right: 555, top: 240 });
    s.t(p, legal(v), 40, 800, { size: 6 });
  },
});

doc({
  file: 'r08-two-ht-one-line.pdf',
  layout: 'a discount, then one line with the HT before and after it',
  phenomena: 'two HT figures on one line, the last one the total',
  n: 'HX-5567', d: '2026-03-30', ht: 112500, tva: 22500, ttc: 135000, name: SELLERS.hexa.name, seller: 'hexa', buyer: 'adc',
  draw(s) {
    const p = s.page();
    const v = SELLERS.hexa;
    s.t(p, 'HEXA', 40, 40, { size: 24, bold: true });
    s.t(p, 'Facture n° HX-5567 – Paris, le 30/03/2026', 40, 90, { size: 11 });
    s.t(p, 'ADC PROPRIETE', 380, 130, { bold: true });
    table(s, p, [['Intitulé', 40, 'left'], ['Montant HT', 555, 'right']], [['Séminaire de direction (2 jours)', '1 250,00 €'], ['Remise fidélité 10 %', '-125,00 €']], { top: 180 });
    s.t(p, 'Total HT avant remise', 40, 260);
    s.t(p, '1 250,00 €', 250, 260, { align: 'right' });
    s.t(p, 'Total HT', 350, 260, { bold: true });
    s.t(p, '1 125,00 €', 555, 260, { align: 'right', bold: true });
    pairs(s, p, [['TVA 20 %', '225,00 €'], ['Total TTC', '1 350,00 €']], { x: 350, right: 555, top: 276 });
    s.t(p, legal(v), 40, 800, { size: 6 });
  },
});

doc({
  file: 'r09-ht-ttc-one-line.pdf',
  layout: 'a receipt-like single line of totals',
  phenomena: '« 10,95 € HT 12,22 € TTC » on one line, no VAT total printed',
  n: 'ME-20260611-07', d: '2026-06-11', ht: 1095, ttc: 1222, name: SELLERS.mistral.name, seller: 'mistral', sellerSiret: false, buyer: 'boulange',
  draw(s) {
    const p = s.page();
    const v = SELLERS.mistral;
    s.t(p, 'MISTRAL ÉDITIONS – librairie professionnelle', 40, 40, { bold: true });
    s.t(p, 'Facture ME-20260611-07', 40, 70);
    s.t(p, 'Émise le 11/06/2026', 40, 84);
    s.t(p, 'Guide pratique de la sécurité alimentaire (livre + fiches)', 40, 120);
    s.t(p, 'Total : 10,95 € HT 12,22 € TTC', 40, 150, { bold: true });
    s.t(p, `${v.name} – ${v.form} au capital de 3 000 € – RCS Avignon ${spaced(v.siren)}`, 40, 800, { size: 6.5 });
  },
});

doc({
  file: 'r10-net-a-payer.pdf',
  layout: 'boxed totals on the left, no TTC label',
  phenomena: 'only « NET A PAYER », no TTC label',
  n: 'PX-0931', d: '2026-02-27', ht: 240000, tva: 48000, ttc: 288000, due: 288000, name: SELLERS.pixel.name, seller: 'pixel', buyer: 'garage', dossiers: ['2602CA000411'],
  draw(s) {
    const p = s.page();
    const v = SELLERS.pixel;
    s.t(p, v.name, 40, 40, { size: 14, bold: true });
    s.t(p, `Siret ${v.siret}`, 40, 58, { size: 8 });
    s.t(p, 'FACTURE PX-0931', 330, 40, { size: 14, bold: true });
    s.t(p, 'du 27/02/2026', 330, 58);
    s.t(p, 'Dossier AKTO : 2602CA000411', 330, 72);
    table(s, p, [['Module', 40, 'left'], ['Montant HT', 555, 'right']], [['Développement web – React (5 jours)', '2 400,00']], { top: 140 });
    s.box(p, 40, 210, 220, 60);
    pairs(s, p, [['TOTAL HT', '2 400,00 €'], ['TVA 20%', '480,00 €'], ['NET A PAYER', '2 880,00 €']], { x: 48, right: 252, top: 218, bold: true });
    s.t(p, `${v.name} SAS au capital de 15 000 € – RCS Nice ${spaced(v.siren)} – TVA ${vat(v.siren)}`, 40, 800, { size: 6.5 });
  },
});

doc({
  file: 'r11-sous-total.pdf',
  layout: 'totals as Sous-total / TVA / Total under the lines table',
  phenomena: '« Sous-total » for HT, a bare « Total » for TTC, 10 % VAT',
  n: 'RH-1187', d: '2026-07-06', ht: 64000, tva: 6400, ttc: 70400, name: SELLERS.rivage.name, seller: 'rivage', buyer: 'casino',
  draw(s) {
    const p = s.page();
    const v = SELLERS.rivage;
    s.t(p, v.name, 40, 40, { size: 13, bold: true });
    s.t(p, 'Facture n° RH-1187', 40, 80, { size: 11 });
    s.t(p, 'Date : 06/07/2026', 40, 94);
    const end = table(s, p, [['Prestation', 40, 'left'], ['Qté', 400, 'right'], ['Total', 555, 'right']], [['Repas de formation (stagiaires)', '16', '640,00']], { top: 140 });
    pairs(s, p, [['Sous-total', '640,00'], ['TVA 10 %', '64,00'], ['Total', '704,00']], { x: 400, right: 555, top: end + 10 });
    s.t(p, legal(v), 40, 800, { size: 6 });
  },
});

doc({
  file: 'r12-per-minute.pdf',
  layout: 'hotline offer with a per-minute price in the body',
  phenomena: 'a per-minute price « 0,12€ TTC/min » that is not a total',
  n: 'TRH-2026-0021', d: '2026-01-31', ht: 8500, tva: 1700, ttc: 10200, name: SELLERS.tandem.name, seller: 'tandem', buyer: 'kavkaz',
  draw(s) {
    const p = s.page();
    const v = SELLERS.tandem;
    s.t(p, 'TANDEM RH', 40, 40, { size: 18, bold: true });
    s.t(p, 'Facture n° TRH-2026-0021 – 31/01/2026', 40, 80);
    s.t(p, 'Accompagnement RH à distance – forfait mensuel', 40, 120);
    s.t(p, 'Hotline juridique au-delà du forfait : 0,12€ TTC/min', 40, 134);
    pairs(s, p, [['Total HT', '85,00 €'], ['TVA 20 %', '17,00 €'], ['Total TTC', '102,00 €']], { x: 380, right: 555, top: 180 });
    s.t(p, legal(v), 40, 800, { size: 6 });
  },
});

doc({
  file: 'r13-acompte.pdf',
  layout: 'totals with a deposit deducted before the amount due',
  phenomena: 'a deposit (« acompte ») deducted: the amount due is not the TTC; a deposit date',
  n: 'QE-2026-044', d: '2026-03-16', ht: 300000, tva: 60000, ttc: 360000, due: 260000, name: SELLERS.quartz.name, seller: 'quartz', buyer: 'adc',
  draw(s) {
    const p = s.page();
    const v = SELLERS.quartz;
    s.t(p, 'QUARTZ EXPERTISE', 40, 40, { size: 14, bold: true });
    pairs(s, p, [['Facture', 'QE-2026-044'], ['Date', '16/03/2026']], { x: 380, vx: 450, top: 40 });
    s.t(p, 'Audit des compétences – 3 jours', 40, 120);
    pairs(s, p, [['Total HT', '3 000,00'], ['TVA 20,00 %', '600,00'], ['Total TTC', '3 600,00'], ['Acompte versé le 02/01/2026', '-1 000,00'], ['Reste à payer', '2 600,00']], { x: 300, right: 555, top: 170 });
    s.t(p, legal(v), 40, 800, { size: 6 });
  },
});

doc({
  file: 'r14-out-of-scope.pdf',
  layout: 'totals with disbursements outside the scope of VAT added to the total',
  phenomena: 'out-of-scope amounts (débours) added to the total: TTC = HT + TVA + débours',
  n: 'EC-26-0712', d: '2026-07-12', ht: 100000, tva: 20000, ttc: 123500, due: 123500, name: SELLERS.ecume.name, seller: 'ecume', buyer: 'boulange',
  draw(s) {
    const p = s.page();
    const v = SELLERS.ecume;
    s.t(p, 'ÉCUME CONSULTANTS', 40, 40, { size: 14, bold: true });
    s.t(p, 'Facture EC-26-0712', 40, 70, { bold: true });
    s.t(p, 'Brest, le 12/07/2026', 400, 70);
    s.t(p, 'Accompagnement VAE (10 heures)', 40, 120);
    pairs(s, p, [['Total HT', '1 000,00 €'], ['TVA 20 %', '200,00 €'], ['Débours (hors champ de TVA)', '35,00 €'], ['Total TTC', '1 235,00 €'], ['Net à payer', '1 235,00 €']], { x: 300, right: 555, top: 160 });
    s.t(p, legal(v), 40, 800, { size: 6 });
  },
});

doc({
  file: 'r15-per-rate-vat.pdf',
  layout: 'VAT by rate with its base, no VAT total line',
  phenomena: 'per-rate VAT lines (20 % and 5,5 %) adding up with HT and TTC',
  n: 'BT/2026/0907', d: '2026-09-07', ht: 70000, tva: 11100, ttc: 81100, name: SELLERS.boreal.name, seller: 'boreal', buyer: 'garage',
  draw(s) {
    const p = s.page();
    const v = SELLERS.boreal;
    s.t(p, v.name, 40, 40, { size: 12, bold: true });
    s.t(p, 'Facture n° BT/2026/0907', 40, 70);
    s.t(p, 'Date de la facture : 07/09/2026', 40, 84);
    table(s, p, [['Article', 40, 'left'], ['TVA', 420, 'right'], ['HT', 555, 'right']], [['Formation CACES R489', '20 %', '500,00'], ['Livret pédagogique', '5,5 %', '200,00']], { top: 130 });
    pairs(s, p, [['Total HT', '700,00'], ['TVA 20 % sur 500,00', '100,00'], ['TVA 5,5 % sur 200,00', '11,00'], ['Total TTC', '811,00']], { x: 330, right: 555, top: 210 });
    s.t(p, legal(v), 40, 800, { size: 6 });
  },
});

doc({
  file: 'r16-numero-piece.pdf',
  layout: 'accounting-software layout: « N° pièce », customer code of nine digits',
  phenomena: 'invoice number labelled « N° pièce »; a customer account that looks like a SIREN',
  n: 'VT-000871', d: '2026-02-10', ht: 42000, tva: 8400, ttc: 50400, name: SELLERS.forma.name, seller: 'forma', buyer: 'kavkaz',
  draw(s) {
    const p = s.page();
    const v = SELLERS.forma;
    s.t(p, v.name, 40, 40, { size: 12, bold: true });
    pairs(s, p, [['Compte client', '819109976'], ['N° pièce', 'VT-000871'], ['Date pièce', '10/02/2026']], { x: 360, vx: 450, top: 40 });
    s.t(p, 'Atelier prise de parole (1 jour)', 40, 130);
    pairs(s, p, [['Total HT', '420,00'], ['Total TVA', '84,00'], ['Total TTC', '504,00']], { x: 380, right: 555, top: 170 });
    s.t(p, legal(v), 40, 800, { size: 6 });
  },
});

doc({
  file: 'r17-facture-hash.pdf',
  layout: 'quote reference printed before the invoice number',
  phenomena: 'invoice number after « Facture # »; « DEVIS n° » printed first is not it',
  n: '2026-0042', d: '2026-05-05', ht: 90000, tva: 18000, ttc: 108000, name: SELLERS.pixel.name, seller: 'pixel', buyer: 'casino',
  draw(s) {
    const p = s.page();
    const v = SELLERS.pixel;
    s.t(p, 'Selon DEVIS n° D-2026-0040 accepté le 28/04/2026', 40, 40, { size: 8 });
    s.t(p, 'Facture # 2026-0042', 40, 70, { size: 16, bold: true });
    s.t(p, 'Date : 05/05/2026', 40, 92);
    s.t(p, 'Développement d’un module e-learning', 40, 130);
    pairs(s, p, [['Sous-total HT', '900,00 €'], ['TVA 20 %', '180,00 €'], ['Total TTC', '1 080,00 €']], { x: 380, right: 555, top: 170 });
    s.t(p, legal(v), 40, 800, { size: 6 });
  },
});

doc({
  file: 'r18-invoice-english.pdf',
  layout: 'English labels in a grid: invoice, order, customer account, delivery note',
  phenomena: '« Invoice » label; order, customer account and delivery numbers as traps; ISO date',
  n: 'INV-88213', d: '2026-02-14', ht: 36000, tva: 7200, ttc: 43200, name: SELLERS.orion.name, seller: 'orion', buyer: 'adc',
  draw(s) {
    const p = s.page();
    const v = SELLERS.orion;
    s.t(p, 'Orion Digital Learning', 40, 40, { size: 14, bold: true });
    grid(s, p, [['Order number', '4400123', 40], ['Customer account', 'C-7781', 150], ['Delivery note', 'BL-5512', 270], ['Invoice', 'INV-88213', 380], ['Invoice date', '2026-02-14', 470]], { top: 90 });
    s.t(p, 'Licences LMS (12 mois)', 40, 150);
    pairs(s, p, [['Total HT', '360,00 €'], ['TVA 20 %', '72,00 €'], ['Total TTC', '432,00 €']], { x: 380, right: 555, top: 190 });
    s.t(p, legal(v), 40, 800, { size: 6 });
  },
});

doc({
  file: 'r19-reference.pdf',
  layout: 'three references in a block: the invoice’s, the customer’s, the order’s',
  phenomena: 'invoice number after « Réf. »; « Réf. client » and « Réf. commande » as traps',
  n: 'FAC/2026/117', d: '2026-10-01', ht: 58000, tva: 11600, ttc: 69600, name: SELLERS.cedre.name, seller: 'cedre', buyer: 'kavkaz',
  draw(s) {
    const p = s.page();
    const v = SELLERS.cedre;
    s.t(p, 'Le Cèdre Formation', 40, 40, { size: 14, font: 'T', bold: true });
    s.t(p, 'Réf. client : 365146', 40, 80);
    s.t(p, 'Réf. commande : PO-9987', 40, 94);
    s.t(p, 'FACTURE', 380, 70, { size: 16, bold: true });
    s.t(p, 'Réf. : FAC/2026/117', 380, 94);
    s.t(p, 'Date : 01/10/2026', 380, 108);
    s.t(p, 'Formation tuteur en entreprise', 40, 150);
    pairs(s, p, [['Montant HT', '580,00 €'], ['TVA 20 %', '116,00 €'], ['Montant TTC', '696,00 €']], { x: 380, right: 555, top: 190 });
    s.t(p, legal(v), 40, 800, { size: 6 });
  },
});

doc({
  file: 'r20-number-under-header.pdf',
  layout: 'a bordered grid « Numéro | Date | Code client | Page », the number nine digits long',
  phenomena: 'the invoice number alone under a header, nine digits that pass Luhn like a SIREN',
  n: '562044387', d: '2026-08-03', ht: 2499, tva: 500, ttc: 2999, name: SELLERS.lumen.name, seller: 'lumen', buyer: 'boulange',
  draw(s) {
    const p = s.page();
    const v = SELLERS.lumen;
    s.t(p, 'FACTURE', 40, 40, { size: 18, bold: true });
    s.box(p, 40, 80, 515, 34);
    grid(s, p, [['Numéro', '562044387', 48], ['Date', '03/08/2026', 170], ['Code client', 'BP-221', 290], ['Page', '1/1', 420]], { top: 86 });
    s.t(p, 'Abonnement plateforme – août 2026', 40, 150);
    pairs(s, p, [['Montant HT', '24,99'], ['TVA', '5,00'], ['Montant TTC', '29,99']], { x: 400, right: 555, top: 190 });
    s.t(p, legal(v), 40, 800, { size: 6 });
  },
});

doc({
  file: 'r21-note-honoraires.pdf',
  layout: 'a consultant’s fee note, letter style, VAT-exempt',
  phenomena: '« note d’honoraires » is an invoice; TVA non applicable (293 B): HT and net à payer equal',
  n: 'NH-2026-014', d: '2026-04-24', ht: 180000, ttc: 180000, due: 180000, name: 'CLAIRE MOREAU CONSEIL', seller: null, sellerSiret: siret(siren('81044455'), '0010'), buyer: 'garage',
  draw(s) {
    const p = s.page();
    const id = siret(siren('81044455'), '0010');
    s.t(p, 'Claire Moreau', 40, 40, { size: 13, font: 'T', bold: true });
    s.t(p, 'Consultante formatrice – 5 rue des Halles, 21000 Dijon', 40, 56, { font: 'T' });
    s.t(p, `SIRET : ${spaced(id.slice(0, 9))} ${id.slice(9)}`, 40, 70, { font: 'T' });
    s.t(p, 'NOTE D’HONORAIRES N° NH-2026-014', 40, 120, { size: 13, font: 'T', bold: true });
    s.t(p, 'Dijon, le 24/04/2026', 400, 120, { font: 'T' });
    s.t(p, 'Animation de 3 journées « gestion des conflits »', 40, 160, { font: 'T' });
    pairs(s, p, [['Montant HT', '1 800,00 €'], ['Montant net à payer', '1 800,00 €']], { x: 330, right: 555, top: 200 });
    s.t(p, 'TVA non applicable, article 293 B du CGI.', 40, 250, { font: 'T' });
    s.t(p, 'CLAIRE MOREAU CONSEIL – EURL au capital de 1 000 € – RCS Dijon ' + spaced(id.slice(0, 9)), 40, 800, { size: 6.5, font: 'T' });
  },
});

doc({
  file: 'r22-date-combining.pdf',
  layout: 'letter with a place and a date in words, its accents stored as combining characters',
  phenomena: '« 20 août 2018 » with a combining circumflex; a due date in words',
  n: 'AC-2018-221', d: '2018-08-20', ht: 99000, tva: 19800, ttc: 118800, name: SELLERS.atlas.name, seller: 'atlas', buyer: 'kavkaz',
  draw(s) {
    const p = s.page();
    const v = SELLERS.atlas;
    s.t(p, 'Atlas Compétences', 40, 40, { size: 14, bold: true });
    s.combining(p, 'Marseille, le 20 aou\u0302t 2018', 380, 80);
    s.t(p, 'Facture n° AC-2018-221', 40, 110, { bold: true });
    s.t(p, 'Parcours manager – module 2', 40, 150);
    pairs(s, p, [['Total HT', '990,00 €'], ['TVA 20 %', '198,00 €'], ['Total TTC', '1 188,00 €']], { x: 380, right: 555, top: 190 });
    s.combining(p, 'A\u0300 re\u0301gler avant le 19 septembre 2018.'.replace('\u0300', ''), 40, 260);
    s.t(p, legal(v), 40, 800, { size: 6 });
  },
});

doc({
  file: 'r23-city-date-upper.pdf',
  layout: 'upper-case city and date line; order and delivery dates above it',
  phenomena: '« MARSEILLE, le 18 JUIN 2018 »; order and delivery dates are not the issue date',
  n: '18-0612', d: '2018-06-18', ht: 45000, tva: 9000, ttc: 54000, name: SELLERS.atlas.name, seller: 'atlas', buyer: 'casino',
  draw(s) {
    const p = s.page();
    const v = SELLERS.atlas;
    s.t(p, 'ATLAS COMPÉTENCES', 40, 40, { size: 12, bold: true });
    s.t(p, 'Commande du 2 juin 2018 – livrée le 12 juin 2018', 40, 70);
    s.t(p, 'MARSEILLE, le 18 JUIN 2018', 360, 100, { bold: true });
    s.t(p, 'FACTURE N° 18-0612', 40, 130, { size: 13, bold: true });
    s.t(p, 'Kits pédagogiques (lot de 15)', 40, 170);
    pairs(s, p, [['Total HT', '450,00 €'], ['TVA 20 %', '90,00 €'], ['Total TTC', '540,00 €']], { x: 380, right: 555, top: 210 });
    s.t(p, legal(v), 40, 800, { size: 6 });
  },
});

doc({
  file: 'r24-weekday-date.pdf',
  layout: 'date with its weekday; a « PDF généré le » footer',
  phenomena: '« le vendredi 28 juin 2019 »; « PDF généré le » is not the issue date',
  n: 'SL-19-0628', d: '2019-06-28', ht: 120000, tva: 24000, ttc: 144000, name: SELLERS.sigma.name, seller: 'sigma', buyer: 'adc',
  draw(s) {
    const p = s.page();
    const v = SELLERS.sigma;
    s.t(p, 'PDF généré le 01/07/2019 à 10:32', 380, 20, { size: 7 });
    s.t(p, 'Sigma Langues', 40, 40, { size: 14, bold: true });
    s.t(p, 'Facture n° SL-19-0628 établie le vendredi 28 juin 2019', 40, 90);
    s.t(p, 'Cours d’espagnol – 24 heures', 40, 130);
    pairs(s, p, [['Total HT', '1 200,00 €'], ['TVA 20 %', '240,00 €'], ['Total TTC', '1 440,00 €']], { x: 380, right: 555, top: 170 });
    s.t(p, legal(v), 40, 800, { size: 6 });
  },
});

doc({
  file: 'r25-short-year.pdf',
  layout: 'compact header with two-digit years',
  phenomena: 'dates like 10/09/18; the due date written the same way',
  n: 'VX18-0910', d: '2018-09-10', ht: 30000, tva: 6000, ttc: 36000, name: SELLERS.vertex.name, seller: 'vertex', buyer: 'boulange',
  draw(s) {
    const p = s.page();
    const v = SELLERS.vertex;
    s.t(p, 'VERTEX SÉCURITÉ', 40, 40, { size: 12, bold: true });
    s.t(p, 'Échéance : 10/10/18', 380, 40);
    s.t(p, 'Facture : VX18-0910', 380, 54);
    s.t(p, 'Date : 10/09/18', 380, 68);
    s.t(p, 'Recyclage habilitation électrique', 40, 120);
    pairs(s, p, [['Total HT', '300,00'], ['TVA 20%', '60,00'], ['Total TTC', '360,00']], { x: 380, right: 555, top: 160 });
    s.t(p, legal(v), 40, 800, { size: 6 });
  },
});

doc({
  file: 'r26-compact-date.pdf',
  layout: 'ERP export: dates as YYYYMMDD in a grid',
  phenomena: 'dates like 20260815; the due date beside it',
  n: 'ERP0045521', d: '2026-08-15', ht: 210000, tva: 42000, ttc: 252000, name: SELLERS.boreal.name, seller: 'boreal', buyer: 'garage',
  draw(s) {
    const p = s.page();
    const v = SELLERS.boreal;
    s.t(p, 'BOREAL TRANSPORTS ET LOGISTIQUE', 40, 40, { size: 11, bold: true });
    grid(s, p, [['Facture', 'ERP0045521', 40], ['Date facture', '20260815', 160], ['Date échéance', '20260914', 280]], { top: 80 });
    s.t(p, 'Formation FIMO voyageurs', 40, 140);
    pairs(s, p, [['Total HT', '2 100,00'], ['TVA', '420,00'], ['Total TTC', '2 520,00']], { x: 380, right: 555, top: 180 });
    s.t(p, legal(v), 40, 800, { size: 6 });
  },
});

doc({
  file: 'r27-buyer-siret-first.pdf',
  layout: 'the buyer’s block at the top with its SIRET, the seller only in the legal footer',
  phenomena: 'the buyer’s valid SIRET printed first; the seller’s in the footer near RCS, capital, TVA',
  n: 'LC-2026-377', d: '2026-09-21', ht: 87500, tva: 17500, ttc: 105000, name: SELLERS.cedre.name, seller: 'cedre', buyer: 'casino', bsiret: true,
  draw(s) {
    const p = s.page();
    const v = SELLERS.cedre;
    const b = BUYERS.casino;
    s.t(p, 'Client', 40, 40, { bold: true });
    s.t(p, b.name, 40, 54);
    s.t(p, '24 avenue des Arts – 42000 Saint-Étienne', 40, 68);
    s.t(p, `SIRET ${b.siret}`, 40, 82);
    s.t(p, 'Facture n° LC-2026-377', 330, 40, { size: 12, bold: true });
    s.t(p, 'Date de facture : 21/09/2026', 330, 58);
    s.t(p, 'Bilan de compétences', 40, 140);
    pairs(s, p, [['Total HT', '875,00 €'], ['TVA 20 %', '175,00 €'], ['Total TTC', '1 050,00 €']], { x: 380, right: 555, top: 180 });
    s.t(p, legal(v), 40, 800, { size: 6 });
  },
});

doc({
  file: 'r28-vat-number-only.pdf',
  layout: 'seller identified only by its VAT number; the buyer’s VAT number in its block',
  phenomena: 'the SIREN from a French VAT number, its key checked; no SIRET printed',
  n: 'HM-2026-0088', d: '2026-11-02', ht: 160000, tva: 32000, ttc: 192000, name: SELLERS.hexa.name, seller: 'hexa', sellerSiret: false, buyer: 'adc', bvat: true,
  draw(s) {
    const p = s.page();
    const v = SELLERS.hexa;
    s.t(p, 'HEXA MANAGEMENT', 40, 40, { size: 14, bold: true });
    s.t(p, `N° TVA intracommunautaire : ${vat(v.siren).replace(/^(FR\d{2})/, '$1 ')}`, 40, 58);
    s.t(p, 'Facturé à :', 330, 100, { bold: true });
    s.t(p, 'ADC PROPRIETE', 330, 114);
    s.t(p, `TVA : ${vat(BUYERS.adc.siren)}`, 330, 128);
    s.t(p, 'Facture n° HM-2026-0088 – 02/11/2026', 40, 170, { bold: true });
    s.t(p, 'Coaching de dirigeants (4 séances)', 40, 200);
    pairs(s, p, [['Total HT', '1 600,00 €'], ['TVA 20 %', '320,00 €'], ['Total TTC', '1 920,00 €']], { x: 380, right: 555, top: 240 });
    s.t(p, `HEXA MANAGEMENT – SA au capital de 100 000 € – ${v.city}`, 40, 800, { size: 6 });
  },
});

const TYPO = (() => {
  // The seller's SIRET with two digits swapped: it fails Luhn, so no seller number may come out.
  const good = SELLERS.tandem.siret;
  const bad = good.slice(0, 10) + good[11] + good[10] + good.slice(12);
  if (luhn(bad)) throw new Error('the typo must fail Luhn');
  return bad;
})();
doc({
  file: 'r29-only-buyer-valid.pdf',
  layout: 'seller’s SIRET mistyped, buyer’s valid; NDA and IBAN in the footer',
  phenomena: 'only the buyer’s number is valid: none for the seller; 11-digit NDA, IBAN and BIC are not ids',
  n: 'TR-2026-101', d: '2026-05-28', ht: 65000, tva: 13000, ttc: 78000, name: SELLERS.tandem.name, seller: 'tandem', sellerSiret: false, sellerSiren: false, buyer: 'kavkaz', bsiret: true,
  draw(s) {
    const p = s.page();
    const v = SELLERS.tandem;
    const b = BUYERS.kavkaz;
    s.t(p, 'TANDEM RH', 40, 40, { size: 14, bold: true });
    s.t(p, `SIRET : ${TYPO}`, 40, 58);
    s.t(p, 'Destinataire', 330, 40, { bold: true });
    s.t(p, b.name, 330, 54);
    s.t(p, `SIRET : ${b.siret}`, 330, 68);
    s.t(p, 'Facture n° TR-2026-101 du 28/05/2026', 40, 120, { bold: true });
    s.t(p, 'Entretiens professionnels – accompagnement', 40, 160);
    pairs(s, p, [['Total HT', '650,00 €'], ['TVA 20 %', '130,00 €'], ['Total TTC', '780,00 €']], { x: 380, right: 555, top: 200 });
    s.t(p, `Déclaration d’activité enregistrée sous le n° ${NDA} auprès du préfet de région Auvergne-Rhône-Alpes.`, 40, 770, { size: 6.5 });
    s.t(p, `IBAN ${IBAN} – BIC ${BIC}`, 40, 782, { size: 6.5 });
    s.t(p, `${v.name} – ${v.form} au capital de 5 000 € – Grenoble`, 40, 794, { size: 6.5 });
  },
});

/** Multi-page: page headers repeated, lines on pages 1–2, totals on 3, conditions full of amounts on 4. */
doc({
  file: 'r30-multipage-conditions.pdf',
  layout: 'four pages: repeated header, lines, totals, then general terms with their own amounts',
  phenomena: 'multi-page; a page of conditions full of other amounts; page subtotals',
  n: 'OR-2026-1204', d: '2026-12-04', ht: 480000, tva: 96000, ttc: 576000, due: 576000, name: SELLERS.orion.name, seller: 'orion', buyer: 'casino', dossiers: ['2611AF000907', '2611AF000908'],
  draw(s) {
    const v = SELLERS.orion;
    const header = (p, n) => {
      s.t(p, v.name, 40, 30, { size: 11, bold: true });
      s.t(p, `Facture n° OR-2026-1204 du 04/12/2026 – page ${n}/4`, 300, 30);
    };
    const p1 = s.page();
    header(p1, 1);
    s.t(p1, 'CASINO RESTAURATION SASU – dossiers AKTO 2611AF000907 et 2611AF000908', 40, 70);
    const rows = (from) => Array.from({ length: 12 }, (_, i) => [`Module ${from + i} – classe virtuelle (2 h)`, '2', '200,00 €']);
    let end = table(s, p1, [['Module', 40, 'left'], ['Heures', 430, 'right'], ['Montant HT', 555, 'right']], rows(1), { top: 110 });
    s.t(p1, 'Sous-total page 1 : 2 400,00 €', 555, end + 10, { align: 'right' });
    const p2 = s.page();
    header(p2, 2);
    end = table(s, p2, [['Module', 40, 'left'], ['Heures', 430, 'right'], ['Montant HT', 555, 'right']], rows(13), { top: 70 });
    s.t(p2, 'Sous-total page 2 : 2 400,00 €', 555, end + 10, { align: 'right' });
    const p3 = s.page();
    header(p3, 3);
    pairs(s, p3, [['Total HT', '4 800,00 €'], ['TVA 20 %', '960,00 €'], ['Total TTC', '5 760,00 €'], ['Net à payer', '5 760,00 €']], { x: 350, right: 555, top: 80 });
    s.t(p3, legal(v), 40, 800, { size: 6 });
    const p4 = s.page();
    header(p4, 4);
    s.t(p4, 'CONDITIONS GÉNÉRALES DE VENTE', 40, 70, { bold: true });
    const terms = [
      'Article 3 – Prix. Les prix sont exprimés en euros hors taxes. Toute formation inter-entreprises est facturée 450,00 € HT',
      'par stagiaire et par jour, soit 540,00 € TTC. Toute commande d’un montant HT inférieur à 150,00 € supporte des frais de',
      'gestion de 25,00 € HT. Total HT minimum par session : 1 200,00 €.',
      'Article 5 – Acompte. Un acompte de 30 % du montant TTC est exigible à la commande (exemple : 1 728,00 € pour 5 760,00 €).',
      'Article 7 – Retards. Pénalités au taux de trois fois le taux d’intérêt légal et indemnité forfaitaire de 40,00 € (art. L441-10).',
      'Article 9 – Annulation. Toute annulation moins de 10 jours avant le début entraîne la facturation de 50 % du prix, soit',
      'TVA 20 % : 96,00 € pour 480,00 € HT par exemple. Net à payer en cas d’annulation tardive : 576,00 € TTC.',
    ];
    terms.forEach((line, i) => s.t(p4, line, 40, 100 + i * 13, { size: 7.5 }));
  },
});

doc({
  file: 'r31-scan-garbage.pdf',
  layout: 'a scanned page whose text layer is poor OCR',
  phenomena: 'an OCR text layer of garbage must yield nothing, not garbage',
  status: 'scan',
  draw(s) {
    const p = s.page();
    const lines = [
      "F/\\CTUR£ N'' FA-2O2b-OO1Z ,,; ~ l . '",
      '5lRET : 8Z4 O9Z 688 OO2.3b ~~ -. ;',
      "Dat3 : l2/O3/2O2b ' ° ; ,; ; .",
      'T0ta1 HT .: l 2b0,O0 ~ ,. ; TV/\\ ZO% : Z5Z,0O',
      "T0t@l TTC : l 5lZ,OO € ' ;. ~",
      "`´ ¨ :; ,,, .. ;' ~ ~~ ^ ° ´´ ¸¸ ..",
      'RCS 8ordeaux 8Z4 O9Z 6B8 - capita1 l5O OOO',
    ];
    lines.forEach((line, i) => s.t(p, line, 40 + (i % 3) * 7, 80 + i * 31, { size: 10, font: 'C' }));
  },
});

doc({
  file: 'r32-label-after-value.pdf',
  layout: 'amounts written before their labels; seller name above its legal form',
  phenomena: 'amountDue where the label follows the value; sellerName on the line above « Sarl au capital … »',
  n: 'FP-26-0301', d: '2026-03-01', ht: 126000, tva: 25200, ttc: 151200, due: 151200, name: SELLERS.forma.name, seller: 'forma', buyer: 'adc', legalSplit: true,
  draw(s) {
    const p = s.page();
    const v = SELLERS.forma;
    s.t(p, 'Formapro', 40, 40, { size: 18, bold: true });
    s.t(p, 'Facture n° FP-26-0301 – émise le 01/03/2026', 40, 80);
    s.t(p, 'Gestion de projet agile (3 jours)', 40, 120);
    s.t(p, '1 260,00 € HT', 555, 160, { align: 'right' });
    s.t(p, '252,00 € TVA 20 %', 555, 174, { align: 'right' });
    s.t(p, '1 512,00 € TTC', 555, 188, { align: 'right' });
    s.t(p, '1 512,00 € net à payer', 555, 210, { align: 'right', bold: true });
    s.t(p, v.name, 40, 780, { size: 7, bold: true });
    s.t(p, `Sarl au capital de 10 000 € – RCS Lyon ${spaced(v.siren)} – SIRET ${v.siret}`, 40, 790, { size: 6.5 });
  },
});

doc({
  file: 'r33-avoir-text.pdf',
  layout: 'a credit note titled AVOIR, amounts printed positive',
  phenomena: '« AVOIR » in the text; the credited invoice referenced with its own number and date',
  n: 'AV-2026-007', d: '2026-06-30', ht: -21848, tva: -1499, ttc: -23347, name: SELLERS.rivage.name, seller: 'rivage', buyer: 'casino', credit: 'text',
  draw(s) {
    const p = s.page();
    const v = SELLERS.rivage;
    s.t(p, v.name, 40, 40, { size: 12, bold: true });
    s.t(p, 'AVOIR N° AV-2026-007', 40, 80, { size: 14, bold: true });
    s.t(p, 'Date : 30/06/2026', 40, 100);
    s.t(p, 'Avoir sur la facture n° RH-1180 du 15/06/2026 (journée annulée)', 40, 130);
    pairs(s, p, [['Total HT', '218,48 €'], ['TVA', '14,99 €'], ['Total TTC', '233,47 €']], { x: 380, right: 555, top: 170 });
    s.t(p, legal(v), 40, 800, { size: 6 });
  },
});

doc({
  file: 'r34-negative-totals.pdf',
  layout: 'a « facture » whose totals are negative (a refund), no AVOIR word',
  phenomena: 'a credit note recognised by its negative totals',
  n: 'QE-2026-051', d: '2026-04-09', ht: -50000, tva: -10000, ttc: -60000, name: SELLERS.quartz.name, seller: 'quartz', buyer: 'adc', credit: 'negative-totals',
  draw(s) {
    const p = s.page();
    const v = SELLERS.quartz;
    s.t(p, 'Quartz Expertise', 40, 40, { size: 13, bold: true });
    s.t(p, 'Facture n° QE-2026-051', 330, 40, { bold: true });
    s.t(p, 'Date : 09/04/2026', 330, 54);
    s.t(p, 'Régularisation : journée d’audit non réalisée', 40, 120);
    pairs(s, p, [['Total HT', '-500,00 €'], ['TVA 20 %', '-100,00 €'], ['Total TTC', '-600,00 €']], { x: 380, right: 555, top: 160 });
    s.t(p, legal(v), 40, 800, { size: 6 });
  },
});

doc({
  file: 'r35-parties-side-by-side.pdf',
  layout: 'seller and buyer blocks side by side: both SIRETs on the same line',
  phenomena: 'two SIRETs on one text line, told apart by the column under « Client »',
  n: 'EC-26-0815', d: '2026-08-17', ht: 72000, tva: 14400, ttc: 86400, name: SELLERS.ecume.name, seller: 'ecume', buyer: 'boulange', bsiret: true,
  draw(s) {
    const p = s.page();
    const v = SELLERS.ecume;
    const b = BUYERS.boulange;
    s.t(p, 'Émetteur', 40, 40, { bold: true });
    s.t(p, 'Client', 330, 40, { bold: true });
    s.t(p, 'Écume Consultants', 40, 54);
    s.t(p, b.name, 330, 54);
    s.t(p, '9 rue de Siam, 29200 Brest', 40, 68);
    s.t(p, '1 quai du Commerce, 29900 Concarneau', 330, 68);
    s.t(p, `SIRET ${v.siret}`, 40, 82);
    s.t(p, `SIRET ${b.siret}`, 330, 82);
    s.t(p, 'Facture n° EC-26-0815 du 17/08/2026', 40, 130, { bold: true });
    s.t(p, 'Animation d’un séminaire d’équipe', 40, 170);
    pairs(s, p, [['Total HT', '720,00 €'], ['TVA 20 %', '144,00 €'], ['Total TTC', '864,00 €']], { x: 380, right: 555, top: 210 });
    s.t(p, `${v.name} – SCOP au capital variable – RCS Brest ${spaced(v.siren)}`, 40, 800, { size: 6 });
  },
});

doc({
  file: 'r36-totals-disagree.pdf',
  layout: 'totals that do not add up, nothing to explain them',
  phenomena: 'HT + TVA ≠ TTC: no totals reported rather than a pick',
  n: 'SG-2026-077', d: '2026-10-14', name: SELLERS.sigma.name, seller: 'sigma', buyer: 'kavkaz', warn: 'totals-mismatch',
  draw(s) {
    const p = s.page();
    const v = SELLERS.sigma;
    s.t(p, 'Sigma Langues', 40, 40, { size: 13, bold: true });
    s.t(p, 'Facture n° SG-2026-077', 40, 80);
    s.t(p, 'Date : 14/10/2026', 40, 94);
    pairs(s, p, [['Total HT', '1 000,00 €'], ['TVA 20 %', '200,00 €'], ['Total TTC', '1 250,00 €']], { x: 380, right: 555, top: 150 });
    s.t(p, legal(v), 40, 800, { size: 6 });
  },
});

doc({
  file: 'r37-nbsp-columns-table.pdf',
  layout: 'totals as a table: a header row « Base HT | TVA | Total TTC » and one row of values; no-break spaces',
  phenomena: 'labels in a row and amounts below them; amounts with no-break spaces',
  n: 'PC-2026-2210', d: '2026-10-22', ht: 345000, tva: 69000, ttc: 414000, name: SELLERS.pixel.name, seller: 'pixel', buyer: 'garage',
  draw(s) {
    const p = s.page();
    const v = SELLERS.pixel;
    s.t(p, 'Pixel & Code', 40, 40, { size: 14, bold: true });
    s.t(p, 'Facture n° PC-2026-2210', 330, 40);
    s.t(p, 'Date d’émission : 22/10/2026', 330, 54);
    s.t(p, 'Refonte d’un parcours de formation à distance', 40, 120);
    grid(s, p, [['Base HT', nb(345000), 300], ['TVA 20 %', nb(69000), 390], ['Total TTC', nb(414000), 480]], { top: 170 });
    s.t(p, legal(v), 40, 800, { size: 6 });
  },
});

// ---- output ---------------------------------------------------------------------------------------------

const COLUMNS = ['file', 'layout', 'phenomena', 'status', 'invoiceNumber', 'issueDate', 'amountHT', 'amountTVA', 'amountTTC', 'amountDue', 'currency', 'seller.name', 'seller.siren', 'seller.siret', 'buyer.siren', 'buyer.siret', 'dossiers', 'creditNote', 'warnings'];

function row(d) {
  const seller = d.seller ? SELLERS[d.seller] : null;
  const buyer = d.buyer ? BUYERS[d.buyer] : null;
  const sellerSiret = d.sellerSiret === false ? '' : typeof d.sellerSiret === 'string' ? d.sellerSiret : (seller?.siret ?? '');
  const sellerSiren = d.sellerSiren === false ? '' : sellerSiret ? sellerSiret.slice(0, 9) : (seller?.siren ?? '');
  const amount = (c) => (c === undefined ? '' : String(euro(c)));
  const totals = d.ht !== undefined || d.ttc !== undefined;
  return {
    file: d.file,
    layout: d.layout,
    phenomena: d.phenomena,
    status: d.status ?? 'ok',
    invoiceNumber: d.n ?? '',
    issueDate: d.d ?? '',
    amountHT: amount(d.ht),
    amountTVA: amount(d.tva),
    amountTTC: amount(d.ttc),
    amountDue: amount(d.due === undefined ? undefined : d.credit ? -Math.abs(d.due) : d.due),
    currency: totals ? 'EUR' : '',
    'seller.name': d.name ?? '',
    'seller.siren': sellerSiren,
    'seller.siret': sellerSiret,
    'buyer.siren': d.bsiret || d.bvat ? buyer.siren : '',
    'buyer.siret': d.bsiret ? buyer.siret : '',
    dossiers: (d.dossiers ?? []).join(' '),
    creditNote: d.credit ?? '',
    warnings: d.warn ?? '',
  };
}

/** The public plain invoice (test/fixtures/corpus, from invoice2data, MIT): its values as printed. */
const PUBLIC = {
  file: '../corpus/plain_fr_free_fiber.pdf',
  layout: 'Free (public, invoice2data): amounts in columns under « Montant EUR TTC | Montant TVA | Montant EUR HT », drawn right to left',
  phenomena: 'public invoice; date in words; SIREN from RCS, no SIRET; a 9-digit invoice number',
  status: 'ok',
  invoiceNumber: '562044387',
  issueDate: '2015-07-02',
  amountHT: '24.99',
  amountTVA: '5',
  amountTTC: '29.99',
  amountDue: '29.99',
  currency: 'EUR',
  'seller.name': 'Free',
  'seller.siren': '421938861',
  'seller.siret': '',
  'buyer.siren': '',
  'buyer.siret': '',
  dossiers: '',
  creditNote: '',
  warnings: '',
};

async function main() {
  mkdirSync(OUT, { recursive: true });
  const names = new Set();
  for (const [i, d] of DOCS.entries()) {
    if (names.has(d.file)) throw new Error(`two documents named ${d.file}`);
    names.add(d.file);
    Math.random = mulberry32(0x17 + i);
    const pdf = await PDFDocument.create({ updateMetadata: false });
    const fonts = {
      H: await pdf.embedFont(StandardFonts.Helvetica),
      HB: await pdf.embedFont(StandardFonts.HelveticaBold),
      T: await pdf.embedFont(StandardFonts.TimesRoman),
      TB: await pdf.embedFont(StandardFonts.TimesRomanBold),
      C: await pdf.embedFont(StandardFonts.Courier),
      CB: await pdf.embedFont(StandardFonts.CourierBold),
    };
    const s = new Sheet(pdf, fonts);
    d.draw(s);
    const when = new Date('2026-01-01T00:00:00Z');
    pdf.setProducer(PRODUCER);
    pdf.setCreationDate(when);
    pdf.setModificationDate(when);
    writeFileSync(join(OUT, d.file), await pdf.save(SAVE_OPTIONS));
  }
  for (const v of [...Object.values(SELLERS), ...Object.values(BUYERS)]) if (!luhn(v.siren) || !luhn(v.siret)) throw new Error(`bad id ${v.name}`);
  const rows = [...DOCS.map(row), PUBLIC];
  const clean = (cell) => String(cell).replace(/[\t\n]/g, ' ');
  const tsv = [COLUMNS.join('\t'), ...rows.map((r) => COLUMNS.map((c) => clean(r[c])).join('\t'))].join('\n');
  writeFileSync(join(OUT, 'VALUES.tsv'), `${tsv}\n`);
  console.log(`${DOCS.length} invoices and VALUES.tsv (${rows.length} rows) in ${OUT}`);
}

await main();

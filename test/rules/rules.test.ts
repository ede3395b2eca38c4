import { expect } from '@open-wc/testing';
import { en } from '../../src/i18n/en.js';
import { frComplete as fr } from '../../src/i18n/fr-steps.js';
import { ruleText } from '../../src/i18n/index.js';
import { hasSupportingOrDerogation } from '../../src/rules/deposit.js';
import { checkFileSize, checkFileType, checkUpload, isSameFile, MAX_UPLOAD_BYTES } from '../../src/rules/file.js';
import {
  checkAmount,
  checkAmounts,
  checkDossierList,
  checkDossierNumber,
  checkInvoiceDate,
  checkInvoiceNumber,
  checkSiren,
  checkSiret,
  DOSSIER_PATTERN,
  dossierPrefix,
  fail,
  findDossierNumbers,
  INVOICE_NUMBER_MAX,
  KNOWN_DOSSIER_PREFIXES,
  luhn,
  ok,
  formatAmountInput,
  parseAmount,
  parseDate,
  todayIso,
  type AmountOptions,
  type DossierOptions,
  type RuleCode,
  type RuleFailure,
  type RuleResult,
} from '../../src/rules/index.js';

/** What a row expects: the normalized value, or the failure code. */
type Expected<T> = { value: T } | { code: RuleCode };
const valid = <T>(value: T): Expected<T> => ({ value });
const invalid = (code: RuleCode): Expected<never> => ({ code });

/** The message each code must say: the translation's text, word for word, in both languages. */
function expectedMessage(code: RuleCode): { fr: string; en: string } {
  if (code === 'invoiceNumberTooLong') {
    return { fr: fr.rules.invoiceNumberTooLong({ max: INVOICE_NUMBER_MAX }), en: en.rules.invoiceNumberTooLong({ max: INVOICE_NUMBER_MAX }) };
  }
  const plain = (t: typeof fr) => (t.rules[code] as () => string)();
  return { fr: plain(fr), en: plain(en) };
}

/** What a failure says to the user, in both languages. */
const message = (failure: RuleFailure) => ({ fr: ruleText(fr, failure), en: ruleText(en, failure) });

function expectOutcome<T>(result: RuleResult<T>, expected: Expected<T>): void {
  if ('value' in expected) {
    expect(result, JSON.stringify(result)).to.deep.equal({ ok: true, value: expected.value });
    return;
  }
  expect(result.ok, `expected failure ${expected.code}, got ${JSON.stringify(result)}`).to.equal(false);
  if (result.ok) return;
  expect(result.code).to.equal(expected.code);
  expect(message(result).fr).to.be.a('string').and.not.equal('');
  expect(message(result).en).to.be.a('string').and.not.equal('');
  expect(message(result)).to.deep.equal(expectedMessage(expected.code));
}

const show = (input: unknown): string => JSON.stringify(input);
const label = (expected: Expected<unknown>): string => ('value' in expected ? `→ ${show(expected.value)}` : `✗ ${expected.code}`);

const ALL_CODES: RuleCode[] = [
  'required', 'sirenFormat', 'sirenChecksum', 'siretRequired', 'siretFormat', 'siretChecksum', 'siretUnknown', 'siretClosed',
  'dossierRequired', 'dossierFormat', 'dossierPrefix', 'dossierUnknown',
  'amountRequired', 'amountFormat', 'amountDecimals', 'amountNegative', 'amountTtcBelowHt',
  'dateRequired', 'dateInvalid', 'dateAfterDeposit',
  'invoiceNumberRequired', 'invoiceNumberTooLong', 'invoiceDuplicate',
];

describe('rules/result', () => {
  const PARAMS = { invoiceNumberTooLong: { max: INVOICE_NUMBER_MAX }, invoiceDuplicate: { date: '20/06/2022' } };
  const failure = (code: RuleCode): RuleFailure =>
    code === 'invoiceNumberTooLong' || code === 'invoiceDuplicate' ? fail(code, PARAMS[code] as never) : fail(code as 'required');

  for (const code of ALL_CODES) {
    it(`fail('${code}') is worded by each translation`, () => {
      const result = failure(code);
      expect(result.ok).to.equal(false);
      expect(result.code).to.equal(code);
      expect(message(result).fr).to.not.equal('');
      expect(message(result).en).to.not.equal('');
      expect(message(result).fr).to.not.equal(message(result).en);
    });
  }

  it('a failure carries its code and values, never text', () => {
    expect(fail('required')).to.deep.equal({ ok: false, code: 'required' });
    expect(checkInvoiceNumber('A'.repeat(36))).to.deep.equal({ ok: false, code: 'invoiceNumberTooLong', params: { max: 35 } });
  });

  it('every translation words every code, and no other', () => {
    for (const t of [fr, en]) expect(Object.keys(t.rules).sort()).to.deep.equal([...ALL_CODES].sort());
  });

  it('fail(code, params) keeps the values of a parameterized message (the server’s duplicate check)', () => {
    const result = fail('invoiceDuplicate', { date: '20/06/2022' });
    expect(result).to.deep.equal({ ok: false, code: 'invoiceDuplicate', params: { date: '20/06/2022' } });
    expect(message(result)).to.deep.equal({
      fr: 'Une facture portant ce numéro et ce SIRET a déjà été déposée le 20/06/2022.',
      en: 'An invoice with this number and SIRET was already deposited on 20/06/2022.',
    });
  });

  it('ok(value) wraps the value', () => {
    expect(ok('x')).to.deep.equal({ ok: true, value: 'x' });
  });
});

describe('rules/siren', () => {
  const luhnRows: [string, boolean][] = [
    ['79927398713', true],
    ['79927398710', false],
    ['824092688', true],
    ['819109978', false],
    ['35600000000048', true], // La Poste head office passes Luhn itself
    ['35600000049837', false], // valid La Poste SIRET by digit sum only
    ['', false],
    ['12a', false],
  ];
  for (const [input, expected] of luhnRows) {
    it(`luhn(${show(input)}) is ${expected}`, () => expect(luhn(input)).to.equal(expected));
  }

  const sirenRows: [string, Expected<string>][] = [
    ['824092688', valid('824092688')], // AFPA ENTREPRISES, in the guide's header
    ['342043528', valid('342043528')], // in the guide's entity picker
    ['819109976', valid('819109976')], // SNC KAVKAZ
    ['819109978', invalid('sirenChecksum')], // the guide's typo for SNC KAVKAZ
    ['421938861', valid('421938861')], // Free, corpus plain_fr_free_fiber.pdf
    ['123456782', valid('123456782')], // corpus akretion seller
    ['987654321', invalid('sirenChecksum')], // corpus akretion buyer
    ['824 092 688', valid('824092688')],
    ['\u00a0824\u00a0092\u202f688 ', valid('824092688')],
    ['', invalid('required')],
    ['   ', invalid('required')],
    ['82409268', invalid('sirenFormat')],
    ['8240926880', invalid('sirenFormat')],
    ['82409268A', invalid('sirenFormat')],
    ['824-092-688', invalid('sirenFormat')],
    ['88488405700016', invalid('sirenFormat')], // a SIRET is not a SIREN
  ];
  for (const [input, expected] of sirenRows) {
    it(`checkSiren(${show(input)}) ${label(expected)}`, () => expectOutcome(checkSiren(input), expected));
  }

  const siretRows: [string, Expected<string>][] = [
    ['88488405700016', valid('88488405700016')], // guide, row A–F
    ['82409268800236', valid('82409268800236')], // guide, second row
    ['35600000000048', valid('35600000000048')], // La Poste head office
    ['35600000049837', valid('35600000049837')], // La Poste: fails Luhn, digit sum 45
    ['35600000049838', invalid('siretChecksum')], // La Poste: fails Luhn, digit sum 46
    ['35600000000049', invalid('siretChecksum')], // the head office with a typo
    ['88488405700017', invalid('siretChecksum')], // digit sum % 5 == 0, but not La Poste
    ['88488405700015', invalid('siretChecksum')],
    ['12345678200077', valid('12345678200077')], // corpus akretion seller
    ['99999999800010', invalid('siretChecksum')], // corpus FNFE fake seller
    ['78787878400035', invalid('siretChecksum')], // corpus FNFE fake buyer
    ['884 884 057 00016', valid('88488405700016')],
    ['824\u00a0092\u00a0688\u00a000236', valid('82409268800236')],
    // an empty SIRET says it is the SIRET that is missing, not « Ce champ est obligatoire. »
    ['', invalid('siretRequired')],
    [' \t', invalid('siretRequired')],
    ['8848840570001', invalid('siretFormat')],
    ['884884057000160', invalid('siretFormat')],
    ['8848840570001A', invalid('siretFormat')],
    ['824092688', invalid('siretFormat')], // a SIREN is not a SIRET
  ];
  for (const [input, expected] of siretRows) {
    it(`checkSiret(${show(input)}) ${label(expected)}`, () => expectOutcome(checkSiret(input), expected));
  }

  it('null and undefined are empty', () => {
    expectOutcome(checkSiret(null), invalid('siretRequired'));
    expectOutcome(checkSiren(undefined), invalid('required'));
  });
});

describe('rules/dossier', () => {
  it('exports the strict pattern of DOMAIN.md', () => {
    expect(DOSSIER_PATTERN.source).to.equal('^\\d{2}(0[1-9]|1[0-2])(?:[A-Z]{2}\\d{6}|[A-Z]{3}\\d{5})$');
    expect(KNOWN_DOSSIER_PREFIXES).to.deep.equal(['AF', 'CA', 'DCA']);
  });

  const dossierRows: [string, Expected<string>][] = [
    // AKTO form, from the guide
    ['2206AF000358', valid('2206AF000358')],
    ['2206AF000578', valid('2206AF000578')],
    ['2206CA000564', valid('2206CA000564')],
    ['2205CA000799', valid('2205CA000799')],
    ['2206AF000003', valid('2206AF000003')],
    ['2206AF000575', valid('2206AF000575')],
    ['2206AF000539', valid('2206AF000539')],
    // ex-network form, from the guide
    ['2103DCA22581', valid('2103DCA22581')],
    ['2105DCA45238', valid('2105DCA45238')],
    ['2106DCA56306', valid('2106DCA56306')],
    ['2105DCA45217', valid('2105DCA45217')],
    ['2103DCA25376', valid('2103DCA25376')],
    ['2103DCA22645', valid('2103DCA22645')],
    // typed by people
    [' 2206af000358 ', valid('2206AF000358')],
    ['2103dca22581', valid('2103DCA22581')],
    ['2210AF000001', valid('2210AF000001')],
    ['2212AF000001', valid('2212AF000001')],
    // not dossiers
    ['1451450', invalid('dossierFormat')], // the guide's « 15 dossiers trouvés automatiquement : 1451450 »
    ['365146', invalid('dossierFormat')],
    ['2213AF000001', invalid('dossierFormat')], // month 13
    ['2200AF000001', invalid('dossierFormat')], // month 00
    ['2206AF00035', invalid('dossierFormat')],
    ['2206AF0003581', invalid('dossierFormat')],
    ['2103DCA225810', invalid('dossierFormat')],
    ['2103DCA2258', invalid('dossierFormat')],
    ['2206A1000358', invalid('dossierFormat')],
    ['2206ÀF000358', invalid('dossierFormat')],
    ['2206 AF 000358', invalid('dossierFormat')],
    ['Brouillon du 24/06/2022', invalid('dossierFormat')],
    ['', invalid('dossierRequired')],
    ['  ', invalid('dossierRequired')],
  ];
  for (const [input, expected] of dossierRows) {
    it(`checkDossierNumber(${show(input)}) ${label(expected)}`, () => expectOutcome(checkDossierNumber(input), expected));
  }

  const prefixRows: [string, DossierOptions, Expected<string>][] = [
    ['2206AF000358', { prefixes: KNOWN_DOSSIER_PREFIXES }, valid('2206AF000358')],
    ['2206CA000564', { prefixes: KNOWN_DOSSIER_PREFIXES }, valid('2206CA000564')],
    ['2103DCA22581', { prefixes: KNOWN_DOSSIER_PREFIXES }, valid('2103DCA22581')],
    ['2206XY000001', { prefixes: KNOWN_DOSSIER_PREFIXES }, invalid('dossierPrefix')],
    ['2103XYZ22581', { prefixes: KNOWN_DOSSIER_PREFIXES }, invalid('dossierPrefix')],
    ['2206XY000001', {}, valid('2206XY000001')],
    ['2206CA000564', { prefixes: ['AF'] }, invalid('dossierPrefix')],
    ['2206af000358', { prefixes: ['af'] }, valid('2206AF000358')],
    ['2206AF000358', { prefixes: [] }, invalid('dossierPrefix')],
    ['365146', { prefixes: ['AF'] }, invalid('dossierFormat')],
  ];
  for (const [input, options, expected] of prefixRows) {
    it(`checkDossierNumber(${show(input)}, ${show(options)}) ${label(expected)}`, () =>
      expectOutcome(checkDossierNumber(input, options), expected));
  }

  const prefixOf: [string, string | null][] = [
    ['2206AF000358', 'AF'],
    ['2103DCA22581', 'DCA'],
    ['365146', null],
  ];
  for (const [input, expected] of prefixOf) {
    it(`dossierPrefix(${show(input)}) is ${show(expected)}`, () => expect(dossierPrefix(input)).to.equal(expected));
  }

  const textRows: [string, string[], DossierOptions?][] = [
    ['Facture - ADH : 1036477.001 - DOS : 2206AF000358', ['2206AF000358']],
    ['Facture - ADH : 4920.001 - DOS : 2206AF000003', ['2206AF000003']],
    ['15 dossiers trouvés automatiquement : 1451450', []],
    ['Commande n° 365146 du 30/07/2021', []],
    ['Action de formation n° 2206AF000578', ['2206AF000578']],
    ['Dossier N° 2205CA000799', ['2205CA000799']],
    [
      '2103DCA22581 +\n2105DCA45238 -\n2106DCA56306 -\n2105DCA45217 -\n2103DCA25376 -\n2103DCA22645 -\n2103DCA22581',
      ['2103DCA22581', '2105DCA45238', '2106DCA56306', '2105DCA45217', '2103DCA25376', '2103DCA22645'],
    ],
    ['dos:2206af000358,2206CA000564;2206AF000358', ['2206AF000358', '2206CA000564']],
    ['(2206AF000358)\u00a02206AF000539.', ['2206AF000358', '2206AF000539']],
    ['X2206AF000358 2206AF0003581 12206AF000358 2206AF000358é', []],
    ['2213AF000001 2200CA000564', []],
    ['SIRET 88488405700016, facture 202101085', []],
    ['', []],
    ['2206AF000358 2206XY000001 2103DCA22581', ['2206AF000358', '2103DCA22581'], { prefixes: KNOWN_DOSSIER_PREFIXES }],
  ];
  for (const [text, expected, options] of textRows) {
    it(`findDossierNumbers(${show(text)}${options ? `, ${show(options)}` : ''}) finds ${show(expected)}`, () =>
      expect(findDossierNumbers(text, options)).to.deep.equal(expected));
  }

  it('findDossierNumbers can run twice on the same text (no regex state left behind)', () => {
    const text = 'DOS : 2206AF000358';
    expect(findDossierNumbers(text)).to.deep.equal(['2206AF000358']);
    expect(findDossierNumbers(text)).to.deep.equal(['2206AF000358']);
  });

  const listRows: [string[], DossierOptions, Expected<string[]>][] = [
    [[], {}, invalid('dossierRequired')],
    [['', '  '], {}, invalid('dossierRequired')],
    [['2206AF000358'], {}, valid(['2206AF000358'])],
    [['2206AF000358', '', '2206ca000564'], {}, valid(['2206AF000358', '2206CA000564'])],
    [['2103DCA22581', '2105DCA45238', '2103dca22581'], {}, valid(['2103DCA22581', '2105DCA45238'])],
    [['2206AF000358', '365146'], {}, invalid('dossierFormat')],
    [['1451450'], {}, invalid('dossierFormat')],
    [['2206AF000358', '2206XY000001'], { prefixes: KNOWN_DOSSIER_PREFIXES }, invalid('dossierPrefix')],
    [['2206AF000358', '2206XY000001'], {}, valid(['2206AF000358', '2206XY000001'])],
  ];
  for (const [list, options, expected] of listRows) {
    it(`checkDossierList(${show(list)}, ${show(options)}) ${label(expected)}`, () =>
      expectOutcome(checkDossierList(list, options), expected));
  }
});

describe('rules/amount', () => {
  const parseRows: [string | number, number | null][] = [
    // from the guide
    [12000, 12000],
    ['12000', 12000],
    ['12000€', 12000],
    ['1881', 1881],
    ['22572', 22572],
    ['20437.38', 20437.38],
    ['20437.38€', 20437.38],
    ['28043.28', 28043.28],
    ['28043.23', 28043.23],
    ['500', 500],
    ['500€', 500],
    ['22625', 22625],
    // French input
    ['1 234,56', 1234.56],
    ['1234.56', 1234.56],
    ['1234,56', 1234.56],
    ['1 234,56 €', 1234.56],
    ['1 234,56€', 1234.56],
    ['1\u00a0234,56', 1234.56],
    ['1\u202f234,56\u00a0€', 1234.56],
    ['12\u00a0000,00\u00a0€', 12000],
    ['1 234 567,89', 1234567.89],
    ['-218,48', -218.48],
    ['\u2212218,48', -218.48],
    ['- 218,48 €', -218.48],
    ['+500', 500],
    ['0,5', 0.5],
    ['€ 500', 500],
    ['500 EUR', 500],
    // other grouping, last mark is the decimal one
    ['1.234,56', 1234.56],
    ['1,234.56', 1234.56],
    ['1,234,567.89', 1234567.89],
    ['1.234.567', 1234567],
    ['1,234', 1.234], // a lone mark is decimal: checkAmount then refuses 3 decimals
    // not amounts
    ['12,345,67', null],
    ['abc', null],
    ['1.2.3', null],
    ['', null],
    ['12 34', null],
    ['1 234 ,56', null],
    [',5', null],
    ['1,', null],
    ['--5', null],
    ['12a', null],
    ['1 234.567,89', null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
  ];
  for (const [input, expected] of parseRows) {
    it(`parseAmount(${show(input)}) is ${show(expected)}`, () => expect(parseAmount(input)).to.equal(expected));
  }

  // English: the same, except a lone « , » before exactly three digits, which groups thousands there.
  const englishRows: [string, number | null][] = [
    ['1,234', 1234],
    ['12,345', 12345],
    ['123,456', 123456],
    ['1,234.56', 1234.56],
    ['1,234,567.89', 1234567.89],
    ['1234.56', 1234.56],
    ['28043.28', 28043.28],
    ['1.234', 1.234], // a lone « . » stays decimal: refused for its third decimal, never 1234
    ['1,5', 1.5], // not three digits: a decimal comma, as typed by a French hand
    ['1,2345', 1.2345],
    ['1 234,56', 1234.56], // the French form is read in English too
    ['1.234,56', 1234.56],
    ['1234,567', 1234.567], // four digits before: no grouping, decimal
    ['-1,234', -1234],
    ['12,34,567', null],
  ];
  for (const [input, expected] of englishRows) {
    it(`parseAmount(${show(input)}, 'en') is ${show(expected)}`, () => expect(parseAmount(input, 'en')).to.equal(expected));
  }

  it('writes an amount as each language edits it', () => {
    expect(formatAmountInput(1234.5, 'fr').replace(/\s/g, ' ')).to.equal('1 234,50');
    expect(formatAmountInput(1234.5, 'en')).to.equal('1,234.50');
    expect(formatAmountInput(-218.48)).to.equal('-218,48');
    for (const locale of ['fr', 'en'] as const) {
      for (const value of [0, 0.5, 28043.28, 1234567.89, -218.48]) expect(parseAmount(formatAmountInput(value, locale), locale), `${locale} ${value}`).to.equal(value);
    }
  });

  const amountRows: [string | number | null, AmountOptions, Expected<number>][] = [
    ['12000', {}, valid(12000)],
    ['1881', {}, valid(1881)],
    ['22572', {}, valid(22572)],
    ['20437.38', {}, valid(20437.38)],
    [20437.38, {}, valid(20437.38)],
    ['28043.28', {}, valid(28043.28)],
    ['28043.23', {}, valid(28043.23)],
    ['500', {}, valid(500)],
    ['22625', {}, valid(22625)],
    ['1 234,56 €', {}, valid(1234.56)],
    ['624,90', {}, valid(624.9)],
    ['0', {}, valid(0)],
    ['-0', {}, valid(0)],
    [0.1 + 0.2, {}, valid(0.3)],
    ['', {}, invalid('amountRequired')],
    ['  ', {}, invalid('amountRequired')],
    [null, {}, invalid('amountRequired')],
    ['abc', {}, invalid('amountFormat')],
    ['12,345,67', {}, invalid('amountFormat')],
    ['1.2.3', {}, invalid('amountFormat')],
    ['1,234', {}, invalid('amountDecimals')],
    ['1,234', { locale: 'fr' }, invalid('amountDecimals')],
    ['1,234', { locale: 'en' }, valid(1234)],
    ['1,234.5', { locale: 'en' }, valid(1234.5)],
    ['1 234,56', { locale: 'en' }, valid(1234.56)],
    ['12,340', { locale: 'en' }, valid(12340)],
    ['20437.381', {}, invalid('amountDecimals')],
    ['12,340', {}, invalid('amountDecimals')],
    [1.234, {}, invalid('amountDecimals')],
    ['-218,48', {}, invalid('amountNegative')],
    [-218.48, {}, invalid('amountNegative')],
    ['-218,48', { creditNote: true }, valid(-218.48)],
    ['218,48', { creditNote: true }, valid(218.48)],
    ['-218,481', { creditNote: true }, invalid('amountDecimals')],
  ];
  for (const [input, options, expected] of amountRows) {
    it(`checkAmount(${show(input)}, ${show(options)}) ${label(expected)}`, () => expectOutcome(checkAmount(input, options), expected));
  }

  const pairRows: [string, string, AmountOptions, Expected<number>, Expected<number>][] = [
    ['28043.28', '28043.28', {}, valid(28043.28), valid(28043.28)],
    ['28043.23', '28043.23', {}, valid(28043.23), valid(28043.23)],
    ['1881', '22572', {}, valid(1881), valid(22572)],
    ['500', '500', {}, valid(500), valid(500)],
    ['22625', '22625', {}, valid(22625), valid(22625)],
    ['624,90', '671,15', {}, valid(624.9), valid(671.15)],
    ['1 234,56', '1 481,47 €', {}, valid(1234.56), valid(1481.47)],
    // the guide's list shows 12000 € HT with 0 € TTC: not acceptable on a deposit
    ['12000', '0', {}, valid(12000), invalid('amountTtcBelowHt')],
    ['20437.38', '0', {}, valid(20437.38), invalid('amountTtcBelowHt')],
    ['100', '99,99', {}, valid(100), invalid('amountTtcBelowHt')],
    ['218,48', '233,47', { creditNote: true }, valid(218.48), valid(233.47)],
    ['-218,48', '-233,47', { creditNote: true }, valid(-218.48), valid(-233.47)],
    ['-218,48', '-233,47', {}, invalid('amountNegative'), invalid('amountNegative')],
    ['', '500', {}, invalid('amountRequired'), valid(500)],
    ['abc', '100', {}, invalid('amountFormat'), valid(100)],
    ['100,005', '50', {}, invalid('amountDecimals'), valid(50)],
    ['100', '', {}, valid(100), invalid('amountRequired')],
  ];
  for (const [ht, ttc, options, expectedHT, expectedTTC] of pairRows) {
    it(`checkAmounts(${show(ht)}, ${show(ttc)}, ${show(options)}) HT ${label(expectedHT)}, TTC ${label(expectedTTC)}`, () => {
      const { amountHT, amountTTC } = checkAmounts(ht, ttc, options);
      expectOutcome(amountHT, expectedHT);
      expectOutcome(amountTTC, expectedTTC);
    });
  }
});

describe('rules/date', () => {
  // « Envoyé le 26/06/2022 » in the guide
  const depositDate = '2022-06-26';
  const dateRows: [string, Expected<string>][] = [
    ['30/07/2021', valid('2021-07-30')], // the guide's row A–F
    ['30/07/2015', valid('2015-07-30')], // the guide's second row
    ['20/06/2022', valid('2022-06-20')],
    ['26/06/2022', valid('2022-06-26')], // the deposit day itself
    ['1/7/2021', valid('2021-07-01')],
    ['30-07-2021', valid('2021-07-30')],
    ['30.07.2021', valid('2021-07-30')],
    ['2021-07-30', valid('2021-07-30')],
    [' 30/07/2021 ', valid('2021-07-30')],
    ['29/02/2020', valid('2020-02-29')],
    ['29/02/2000', valid('2000-02-29')],
    ['01/01/1900', valid('1900-01-01')],
    ['31/12/2021', valid('2021-12-31')],
    ['27/06/2022', invalid('dateAfterDeposit')],
    ['2022-06-27', invalid('dateAfterDeposit')],
    ['01/01/2023', invalid('dateAfterDeposit')],
    ['31/02/2022', invalid('dateInvalid')],
    ['29/02/2022', invalid('dateInvalid')],
    ['29/02/1900', invalid('dateInvalid')],
    ['00/01/2022', invalid('dateInvalid')],
    ['01/00/2022', invalid('dateInvalid')],
    ['32/01/2022', invalid('dateInvalid')],
    ['31/04/2022', invalid('dateInvalid')],
    ['15/13/2021', invalid('dateInvalid')],
    ['31/12/1899', invalid('dateInvalid')],
    ['30/07/21', invalid('dateInvalid')],
    ['30/07-2021', invalid('dateInvalid')],
    ['2021-7-30', invalid('dateInvalid')],
    ['20220620', invalid('dateInvalid')],
    ['hier', invalid('dateInvalid')],
    ['', invalid('dateRequired')],
    ['   ', invalid('dateRequired')],
  ];
  for (const [input, expected] of dateRows) {
    it(`checkInvoiceDate(${show(input)}, deposited ${depositDate}) ${label(expected)}`, () =>
      expectOutcome(checkInvoiceDate(input, { depositDate }), expected));
  }

  it('accepts the deposit date in French form too', () => {
    expectOutcome(checkInvoiceDate('27/06/2022', { depositDate: '27/06/2022' }), valid('2022-06-27'));
  });

  it('refuses a deposit date that is not a date (a programming error)', () => {
    expect(() => checkInvoiceDate('30/07/2021', { depositDate: '2022-02-30' })).to.throw(RangeError);
  });

  it('defaults the deposit date to today, in local time', () => {
    const now = new Date();
    const today = todayIso(now);
    const tomorrow = todayIso(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1));
    expectOutcome(checkInvoiceDate(today), valid(today));
    expectOutcome(checkInvoiceDate(tomorrow), invalid('dateAfterDeposit'));
  });

  const todayRows: [Date, string][] = [
    [new Date(2022, 5, 26, 0, 0, 0), '2022-06-26'],
    [new Date(2022, 5, 26, 23, 59, 59), '2022-06-26'],
    [new Date(2021, 11, 31, 23, 30), '2021-12-31'],
  ];
  for (const [date, expected] of todayRows) {
    it(`todayIso(${expected} local, ${date.getHours()}h) is ${expected}`, () => expect(todayIso(date)).to.equal(expected));
  }

  const parseRows: [string, string | null][] = [
    ['30/07/2021', '2021-07-30'],
    ['2022-06-26', '2022-06-26'],
    ['31/02/2022', null],
  ];
  for (const [input, expected] of parseRows) {
    it(`parseDate(${show(input)}) is ${show(expected)}`, () => expect(parseDate(input)).to.equal(expected));
  }
});

describe('rules/invoice-number', () => {
  it('allows 35 characters (BR-FR-01)', () => expect(INVOICE_NUMBER_MAX).to.equal(35));

  const numberRows: [string, Expected<string>][] = [
    ['5302381', valid('5302381')],
    ['TESFCTFB', valid('TESFCTFB')],
    ['TEFCTFB', valid('TEFCTFB')],
    ['202101085', valid('202101085')],
    ['zseflezzezf3z2123', valid('zseflezzezf3z2123')],
    ['FA-2017-0010', valid('FA-2017-0010')],
    ['AV-2017-0005', valid('AV-2017-0005')],
    ['F20260023', valid('F20260023')],
    [' 5302381 ', valid('5302381')],
    ['A'.repeat(35), valid('A'.repeat(35))],
    [`  ${'A'.repeat(35)}  `, valid('A'.repeat(35))],
    ['😀'.repeat(35), valid('😀'.repeat(35))], // 35 characters, 70 UTF-16 units
    ['FACTURE-2022-06-000000000000000001', valid('FACTURE-2022-06-000000000000000001')],
    ['A'.repeat(36), invalid('invoiceNumberTooLong')],
    ['FACTURE-2022-06-0000000000000000001X', invalid('invoiceNumberTooLong')],
    ['', invalid('invoiceNumberRequired')],
    ['   ', invalid('invoiceNumberRequired')],
  ];
  for (const [input, expected] of numberRows) {
    it(`checkInvoiceNumber(${show(input)}) ${label(expected)}`, () => expectOutcome(checkInvoiceNumber(input), expected));
  }

  it('words the too-long message with the limit, in both languages', () => {
    const result = checkInvoiceNumber('A'.repeat(36));
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(message(result).fr).to.equal('Le numéro de facture ne peut pas dépasser 35 caractères.');
    expect(message(result).en).to.equal('The invoice number cannot be longer than 35 characters.');
    expect(message(result).fr).to.contain('35');
    expect(message(result).en).to.contain('35');
  });
});

describe('file rules (one set for the element and the server)', () => {
  it('refuses an empty file and one over the limit, 10 MB by default', () => {
    expect(MAX_UPLOAD_BYTES).to.equal(10_000_000);
    expect(checkFileSize(0)).to.equal('upload-empty');
    expect(checkFileSize(MAX_UPLOAD_BYTES)).to.equal(null);
    expect(checkFileSize(MAX_UPLOAD_BYTES + 1)).to.equal('upload-too-large');
    expect(checkFileSize(7001, 7000)).to.equal('upload-too-large');
  });

  it('takes a PDF as invoice, a PDF, PNG or JPEG as supporting document, by content', () => {
    expect(checkFileType('invoice', 'application/pdf')).to.equal(null);
    expect(checkFileType('invoice', 'image/png')).to.equal('upload-not-pdf');
    expect(checkFileType('supporting', 'image/jpeg')).to.equal(null);
    expect(checkFileType('supporting', null)).to.equal('upload-bad-type');
    expect(checkUpload('invoice', 0, null)).to.equal('upload-empty');
    expect(checkUpload('supporting', 10, 'image/png')).to.equal(null);
  });

  it('needs a supporting document or a derogation; knows the same file chosen twice', () => {
    expect(hasSupportingOrDerogation({ supporting: 0, derogation: null })).to.equal(false);
    expect(hasSupportingOrDerogation({ supporting: 1, derogation: null })).to.equal(true);
    expect(hasSupportingOrDerogation({ supporting: 0, derogation: 'adherent' })).to.equal(true);
    const file = { name: 'a.pdf', size: 3, lastModified: 1 };
    expect(isSameFile(file, { ...file })).to.equal(true);
    expect(isSameFile(file, { ...file, lastModified: 2 })).to.equal(false);
  });
});

// Issue 15 §1 and issue 17 (« Cost », « load failure »): hostile PDFs built at test time
// (test/helpers/hostile-pdf.ts) are read in pdf.js's worker within the reader's caps. While each
// is checked, the page's longest task stays under 200 ms, and the file ends accepted for the
// server with a note (`over-limit`), never a frozen page. A reader that cannot load is its own
// outcome, tried again on the next file.
import { expect } from '@open-wc/testing';
import { readBeforeUpload } from '../../src/elements/akto-invoice-upload/reading.js';
import { frComplete as fr } from '../../src/i18n/fr-steps.js';
import { readInvoice, READER_LIMITS, type InvoiceReading } from '../../src/reader/index.js';
import { allowWorkers, setPdfjsImport } from '../../src/reader/pdf-text.js';
import { inflateBombPdf, longestTask, manyPagesPdf } from '../helpers/hostile-pdf.js';
import { sampleFile } from '../helpers/mock.js';

const MAX_TASK = 200;
const INVOICE = 'demo/samples/FACTURE KHATIB NABIL.pdf';
const pdf = (bytes: Uint8Array, name: string) => new File([bytes as BlobPart], name, { type: 'application/pdf' });

describe('reader: hostile PDFs, read in the worker within caps (issue 15 §1)', function () {
  this.timeout(60_000);
  const files: Record<string, File> = {};

  before(async () => {
    files.tenThousand = pdf(await manyPagesPdf(10_000), '10000-pages.pdf');
    files.hundredThousand = pdf(await manyPagesPdf(100_000), '100000-pages.pdf');
    files.bomb = pdf(await inflateBombPdf(300_000_000), 'bomb.pdf');
    // pdf.js itself loaded once, as after the page's first invoice: its first import is the same for every file.
    await readInvoice(await sampleFile(INVOICE));
  });

  it('builds the files as the probes had them: small on disk', () => {
    console.log(`[hostile] sizes: ${Object.entries(files).map(([k, f]) => `${k} ${f.size} B`).join(', ')}`);
    expect(files.tenThousand!.size).to.be.below(400_000);
    expect(files.hundredThousand!.size).to.be.below(3_000_000);
    expect(files.bomb!.size).to.be.below(400_000);
  });

  const cases: [keyof typeof files & string, InvoiceReading['limit']][] = [
    ['tenThousand', 'pages'],
    ['hundredThousand', 'pages'],
    ['bomb', 'inflated'],
  ];
  for (const [kind, limit] of cases) {
    it(`${kind}: accepted for the server over the ${limit} cap, the page's longest task under ${MAX_TASK} ms`, async () => {
      const { result, longest } = await longestTask(() => readInvoice(files[kind]!), { tolerated: MAX_TASK });
      console.log(`[hostile] ${kind}: longest task ${longest.toFixed(0)} ms, ${result.status} (${result.limit})`);
      expect(result.status).to.equal('over-limit');
      expect(result.accepted).to.equal(true);
      expect(result.limit).to.equal(limit);
      expect(longest).to.be.below(MAX_TASK);
    });
  }

  it('reads only the first and last pages: 100,000 pages under a raised page cap still read in the worker, no long task', async () => {
    const { result, longest } = await longestTask(() => readInvoice(files.hundredThousand!, { limits: { maxPages: Infinity } }), { tolerated: MAX_TASK });
    console.log(`[hostile] 100,000 pages read (first and last pages): longest task ${longest.toFixed(0)} ms`);
    expect(result.status).to.equal('ok');
    expect(result.pages).to.equal(100_000);
    expect(result.fields.invoiceNumber?.value).to.equal('FA-2026-001');
    expect(longest).to.be.below(MAX_TASK);
  });

  it('stops a reading at its time limit: the bomb under no size cap is cut by terminating the worker', async () => {
    const started = performance.now();
    const { result, longest } = await longestTask(() => readInvoice(files.bomb!, { timeLimit: 400, limits: { maxInflated: Infinity } }), { tolerated: MAX_TASK });
    expect(result.status).to.equal('over-limit');
    expect(result.limit).to.equal('time');
    expect(performance.now() - started).to.be.below(2500);
    expect(longest).to.be.below(MAX_TASK);
    // The next file gets a fresh worker and is read.
    const next = await readInvoice(await sampleFile(INVOICE));
    expect(next.status).to.equal('ok');
    expect(next.fields.invoiceNumber?.value).to.equal('2025-0387');
  });

  it('stops on the caller’s signal, with its reason', async () => {
    const controller = new AbortController();
    const reading = readInvoice(files.bomb!, { signal: controller.signal, limits: { maxInflated: Infinity } });
    setTimeout(() => controller.abort(), 100);
    const error = await reading.then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as Error).name).to.equal('AbortError');
    expect((await readInvoice(await sampleFile(INVOICE))).status).to.equal('ok');
  });

  it('step 1 uploads each hostile file with a note that AKTO will check it, never a refusal', async () => {
    for (const file of Object.values(files)) {
      const { result, longest } = await longestTask(() => readBeforeUpload(file, new AbortController().signal, fr.upload), { tolerated: MAX_TASK });
      expect(result).to.deep.equal({ outcome: 'upload', notes: [fr.upload.tooLargeToCheck], creditNote: false }, file.name);
      expect(longest, file.name).to.be.below(MAX_TASK);
    }
  });

  describe('without a worker (a page whose CSP refuses it)', () => {
    before(async () => {
      allowWorkers(false);
      await readInvoice(await sampleFile(INVOICE)); // pdf.js's worker code imported into the page once
    });
    after(() => allowWorkers(true));

    it('reads a small invoice on the page’s thread, and leaves big files to the server without a long task', async () => {
      for (const [kind, limit] of [['tenThousand', 'objects'], ['hundredThousand', 'objects'], ['bomb', 'inflated']] as const) {
        const { result, longest } = await longestTask(() => readInvoice(files[kind]!), { tolerated: MAX_TASK });
        console.log(`[hostile] no worker, ${kind}: longest task ${longest.toFixed(0)} ms, ${result.status} (${result.limit})`);
        expect(result.status, kind).to.equal('over-limit');
        expect(result.limit, kind).to.equal(limit);
        expect(longest, kind).to.be.below(MAX_TASK);
      }
      const invoice = await sampleFile(INVOICE);
      const { result, longest } = await longestTask(() => readInvoice(invoice), { tolerated: MAX_TASK });
      console.log(`[hostile] no worker, a sample invoice: longest task ${longest.toFixed(0)} ms`);
      expect(result.fields.invoiceNumber?.value).to.equal('2025-0387');
    });
  });
});

describe('reader: pdf.js that cannot load (issue 17)', () => {
  afterEach(() => setPdfjsImport());

  it('is « unavailable » (accepted, never « damaged »), and the next file loads pdf.js again', async () => {
    setPdfjsImport(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    const failed = await readInvoice(await sampleFile(INVOICE));
    expect(failed.status).to.equal('unavailable');
    expect(failed.accepted).to.equal(true);
    expect(failed.detail).to.contain('Failed to fetch');
    setPdfjsImport();
    const next = await readInvoice(await sampleFile(INVOICE));
    expect(next.status).to.equal('ok');
    expect(next.fields.invoiceNumber?.value).to.equal('2025-0387');
  });

  it('lets step 1 hand the file to the server (readBeforeUpload throws), then reads the next one', async () => {
    setPdfjsImport(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    const file = await sampleFile(INVOICE);
    const error = await readBeforeUpload(file, new AbortController().signal, fr.upload).then(
      () => null,
      (e: unknown) => e,
    );
    expect(String(error)).to.contain('the reader could not load');
    setPdfjsImport();
    expect(await readBeforeUpload(file, new AbortController().signal, fr.upload)).to.deep.equal({ outcome: 'upload', notes: [], creditNote: false });
  });

  it('documents its caps', () => {
    expect(READER_LIMITS).to.include({ timeLimit: 10_000, maxPages: 500, firstPages: 3, lastPages: 2 });
  });
});

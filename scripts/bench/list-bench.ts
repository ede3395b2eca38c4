/**
 * Runs in the page scripts/bench/list.html, driven by scripts/bench.mjs. The production script
 * (dist/akto-invoice-widget.js) against the mock backend with no latency; times are measured
 * from the moment the API's answer reaches the page to the frame after the rows are in the DOM.
 *
 * - `benchList(runs, pageSize)`: a page of invoices: its first screen painted (as the grid, which
 *   draws the rows in its view), then every row drawn; fully usable: the first screen if the list
 *   had its full height then (every row's place laid out: a scroll reaches any of them, see
 *   `reachable`), else every row drawn; then a search's answer painted;
 * - `benchListScroll(pageSize, speed)`: a page of 1,000 invoices (a partner raising the page
 *   size) painted, then the document scrolled from top to bottom at `speed` px/ms (or the list's
 *   own viewport, should it ever scroll its rows itself), every frame interval recorded. The peer
 *   of both is scripts/bench/grid-peer.ts.
 */
import { createMockBackend } from '../../src/mocks/index.js';
import { nextPaint, reachable, scrollThrough, SEARCH, when, within, type ScrollRecord } from './page-tools.js';

declare global {
  interface Window {
    benchList: (runs: number, pageSize: number) => Promise<{ render: number[]; drawn: number[]; usable: number[]; search: number[] }>;
    benchListScroll: (pageSize: number, speed: number) => Promise<{ render: number; drawn: number; longest: number; scroller: string } & ScrollRecord>;
  }
}

const mock = createMockBackend({ baseUrl: '/api', invoiceCount: 1200 });
const ready = mock.start();

/**
 * The moment each invoice-list answer is in the page: its body received (the transfer is the
 * network's), before JSON and schema parsing (those are ours and counted), as grid-peer.ts does.
 */
let answeredAt = 0;
const nativeFetch = window.fetch.bind(window);
window.fetch = async (input, init) => {
  const response = await nativeFetch(input, init);
  if (!String(input instanceof Request ? input.url : input).includes('/api/invoices')) return response;
  const body = await response.text();
  answeredAt = performance.now();
  performance.mark('bench-answer'); // where a trace of the run starts (BENCH_TRACE)
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
};

const stage = () => document.getElementById('stage')!;
const shownRows = (list: Element) => [...list.shadowRoot!.querySelectorAll('tbody tr:not(.skeleton)')];

/**
 * How many invoices the list holds on its current page, once it is no longer loading. The rows
 * in the DOM when it renders them all; a list that renders only the rows in view (virtualised)
 * is asked instead: `aria-rowcount` on its table (header row included), or the page it holds.
 */
function heldRows(list: Element): number {
  const root = list.shadowRoot;
  const table = root?.querySelector('table');
  if (!root || !table || table.getAttribute('aria-busy') === 'true') return 0;
  const rendered = shownRows(list).length;
  if (rendered === 0) return 0;
  const rowCount = Number(table.getAttribute('aria-rowcount')) - 1;
  const state = list as unknown as { rows?: unknown[]; onScreen?: { items?: unknown[] }; invoices?: { value?: { items?: unknown[] } } };
  const held = [state.rows, state.onScreen?.items, state.invoices?.value?.items].find(Array.isArray)?.length ?? 0;
  return Math.max(rendered, Number.isFinite(rowCount) ? rowCount : 0, held);
}

/**
 * Whether the list shows its first screen: no longer loading, and its drawn rows reach the bottom
 * of the window (or every row of the page is drawn). A list that checks and draws a long page a
 * slice at a time holds only the first slice here, and is timed from it.
 */
function firstScreen(list: Element, pageSize: number): boolean {
  if (list.shadowRoot?.querySelector('table')?.getAttribute('aria-busy') !== 'false') return false;
  const drawn = shownRows(list);
  return drawn.length >= pageSize || (drawn.length > 0 && drawn.at(-1)!.getBoundingClientRect().bottom >= innerHeight);
}

async function mountList(pageSize: number, search = '', shown: (list: Element) => boolean = (list) => heldRows(list) >= pageSize): Promise<Element> {
  await ready;
  await customElements.whenDefined('akto-invoice-list');
  const list = document.createElement('akto-invoice-list');
  list.setAttribute('page-size', String(pageSize));
  list.setAttribute('api-base', '/api');
  if (search) list.setAttribute('search', search);
  stage().replaceChildren(list);
  const root = await within(when(stage(), () => Boolean(list.shadowRoot)).then(() => list.shadowRoot!), 5000, 'shadow root');
  await within(when(root, () => shown(list), { attributes: true }), 30_000, `${pageSize} invoices`);
  return list;
}

window.benchList = async (runs, pageSize) => {
  const render: number[] = [];
  const drawn: number[] = [];
  const usable: number[] = [];
  const search: number[] = [];
  for (let run = 0; run < runs; run++) {
    const list = await mountList(pageSize, '', (l) => firstScreen(l, pageSize));
    render.push((await nextPaint()) - answeredAt);
    const heightAtFirstScreen = list.getBoundingClientRect().height;
    await within(when(list.shadowRoot!, () => shownRows(list).length >= pageSize), 10_000, `${pageSize} rows drawn`);
    drawn.push((await nextPaint()) - answeredAt);
    usable.push(reachable(heightAtFirstScreen, list.getBoundingClientRect().height) ? render.at(-1)! : drawn.at(-1)!);

    // A search answered by the server: from its answer to the updated rows painted.
    list.setAttribute('search', SEARCH);
    const root = list.shadowRoot!;
    const matches = () => heldRows(list) > 0 && shownRows(list).every((r) => r.querySelector('td')!.textContent!.includes(SEARCH));
    await within(when(root, matches, { attributes: true }), 10_000, 'search results');
    search.push((await nextPaint()) - answeredAt);
  }
  stage().replaceChildren();
  return { render, drawn, usable, search };
};

/**
 * What scrolls the rows: the document when the list grows with them (it renders them all, or pads
 * the rows it does not render); otherwise an element of the list that scrolls them itself.
 */
function scrollerOf(list: Element, pageSize: number): { element: Element | null; name: string } {
  const tall = (el: Element) => el.scrollHeight - el.clientHeight >= pageSize * 10;
  if (tall(document.scrollingElement ?? document.documentElement)) return { element: null, name: 'the document' };
  const inner = [...list.shadowRoot!.querySelectorAll('*')].find((el) => tall(el) && /auto|scroll/.test(getComputedStyle(el).overflowY));
  if (!inner) throw new Error(`bench: nothing scrolls ${pageSize} invoices (the document is ${document.documentElement.scrollHeight} px high)`);
  return { element: inner, name: `the list's own ${inner.localName}${inner.className ? `.${String(inner.className).split(' ')[0]}` : ''}` };
}

window.benchListScroll = async (pageSize, speed) => {
  // The longest task from the answer until every row is drawn (0: none over 50 ms). Filtered once
  // this run's answer is in: an observer's callback can come before it, when answeredAt is still
  // the last run's, and the mock's own work answering the request (in this page, through MSW:
  // 50–80 ms for 1,000 invoices) was then counted as ours.
  const tasks: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((entries) => tasks.push(...entries.getEntries()));
  observer.observe({ type: 'longtask' });
  const list = await mountList(pageSize, '', (l) => firstScreen(l, pageSize));
  const render = (await nextPaint()) - answeredAt;
  // A long page is drawn a task at a time after its first screen: scrolled once every row is in.
  await within(when(list.shadowRoot!, () => shownRows(list).length >= pageSize), 30_000, `${pageSize} rows drawn`);
  const drawn = (await nextPaint()) - answeredAt;
  await new Promise((resolve) => setTimeout(resolve, 0));
  tasks.push(...observer.takeRecords());
  observer.disconnect();
  const longest = Math.max(0, ...tasks.filter((task) => task.startTime >= answeredAt).map((task) => task.duration));
  // Nothing else on the page: the list's own toolbar and footer above and below the rows.
  const scroller = scrollerOf(list, pageSize);
  const record = await scrollThrough(scroller.element, speed);
  list.remove();
  window.scrollTo(0, 0);
  return { render, drawn, longest, scroller: scroller.name, ...record };
};

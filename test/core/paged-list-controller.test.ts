import { expect, fixture, html } from '@open-wc/testing';
import type { SortOrder } from '../../src/api/schemas.js';
import { AktoElement } from '../../src/core/akto-element.js';
import { ApiController } from '../../src/core/api-controller.js';
import { Configurable } from '../../src/core/config.js';
import { LocalizeController } from '../../src/core/localize-controller.js';
import { PagedListController, type ListPage, type PagedListOptions } from '../../src/core/paged-list-controller.js';
import { startMock, until } from '../helpers/mock.js';

type Item = { id: string };
type Options = PagedListOptions<ListProbe, Record<string, unknown>, Item>;

/** What the next probe's controller is given besides the defaults. */
let given: Partial<Options> = {};

/** A bare paged list: the controller and the attributes it reads, nothing drawn. */
class ListProbe extends Configurable(AktoElement) {
  search = '';
  entity = '';
  sort = 'id';
  order: SortOrder = 'desc';
  page = 1;
  pageSize = 20;
  l10n = new LocalizeController(this);
  api = new ApiController(this, this.l10n);
  list = new PagedListController<ListProbe, Record<string, unknown>, Item>(this, {
    api: this.api,
    l10n: this.l10n,
    load: async () => ({ items: [], total: 0, pageSize: 20 }),
    filters: () => ({}),
    filterAttributes: [],
    sortKeys: ['id'],
    defaultSort: 'id',
    found: (total) => String(total),
    activeFilters: () => 0,
    open: () => undefined,
    dialog: () => null,
    ...given,
  });
}
customElements.define('paged-list-probe', ListProbe);

describe('PagedListController', () => {
  beforeEach(async () => {
    await startMock();
  });

  it('warms the rows once a page load, after the first request is sent and before its answer', async () => {
    const steps: string[] = [];
    let answer!: (page: ListPage<Item>) => void;
    const warm = (locale: string) => void steps.push(`warm ${locale}`);
    given = {
      warm,
      load: () => {
        steps.push('request');
        return new Promise<ListPage<Item>>((resolve) => (answer = resolve));
      },
    };
    const first = await fixture<ListProbe>(html`<paged-list-probe api-base="/api"></paged-list-probe>`);
    await until(() => steps.includes('warm fr'), 2000, 'the warm-up');
    expect(steps, 'while the answer is still on its way').to.deep.equal(['request', 'warm fr']);
    answer({ items: [{ id: 'a' }], total: 1, pageSize: 20 });
    await until(() => first.list.onScreen?.items.length === 1, 2000, 'the page');

    // Another list of the same kind in the same page: its rows' code is warm already.
    const second = await fixture<ListProbe>(html`<paged-list-probe api-base="/api"></paged-list-probe>`);
    await until(() => steps.filter((s) => s === 'request').length === 2, 2000, 'the second request');
    answer({ items: [{ id: 'b' }], total: 1, pageSize: 20 });
    await until(() => second.list.onScreen?.items.length === 1, 2000, 'the second page');
    expect(steps).to.deep.equal(['request', 'warm fr', 'request']);
    given = {};
  });
});

/**
 * The single script's `css` literals are minified at build time (scripts/lib/css-literals.mjs):
 * every element's styles must read the same to the browser, rule for rule, minified or not.
 */
import { expect } from '@open-wc/testing';
import type { CSSResultOrNative } from 'lit';
import { minifyCssLiterals, minifyCssText } from '../../scripts/lib/css-literals.mjs';
import { AktoDossierDetail } from '../../src/elements/akto-dossier-detail/akto-dossier-detail.js';
import { AktoDossierList } from '../../src/elements/akto-dossier-list/akto-dossier-list.js';
import { AktoEntityPicker } from '../../src/elements/akto-entity-picker/akto-entity-picker.js';
import { AktoInvoiceDeposit } from '../../src/elements/akto-invoice-deposit/akto-invoice-deposit.js';
import { AktoInvoiceDetail } from '../../src/elements/akto-invoice-detail/akto-invoice-detail.js';
import { AktoInvoiceList } from '../../src/elements/akto-invoice-list/akto-invoice-list.js';
import { AktoInvoiceUpload } from '../../src/elements/akto-invoice-upload/akto-invoice-upload.js';
import { AktoInvoiceValidate } from '../../src/elements/akto-invoice-validate/akto-invoice-validate.js';
import { AktoInvoiceWidget } from '../../src/elements/akto-invoice-widget/akto-invoice-widget.js';
import { AktoPdfPreview } from '../../src/elements/akto-pdf-preview/akto-pdf-preview.js';
import { AktoProvider } from '../../src/elements/akto-provider/akto-provider.js';
import { AktoRibDeposit } from '../../src/elements/akto-rib-deposit/akto-rib-deposit.js';
import { AktoTransferDetail } from '../../src/elements/akto-transfer-detail/akto-transfer-detail.js';

const ELEMENTS = { AktoDossierDetail, AktoDossierList, AktoEntityPicker, AktoInvoiceDeposit, AktoInvoiceDetail, AktoInvoiceList, AktoInvoiceUpload, AktoInvoiceValidate, AktoInvoiceWidget, AktoPdfPreview, AktoProvider, AktoRibDeposit, AktoTransferDetail };

/**
 * What the browser parsed: each rule as it serialises it (its own normal form). A custom
 * property's value is kept as written, so its spaces beside commas (`var(--a, 1rem)`), which no
 * property reading it sees, are made alike on both sides.
 */
function parsed(text: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return [...sheet.cssRules].map((rule) => rule.cssText.replace(/\s*,\s*/g, ', '));
}

describe('the css literals minified at build time', () => {
  for (const [name, element] of Object.entries(ELEMENTS)) {
    it(`${name}: the same rules, in fewer characters`, () => {
      const styles = (element as unknown as { finalizeStyles(styles: unknown): CSSResultOrNative[]; styles: unknown }).finalizeStyles(
        (element as unknown as { styles: unknown }).styles,
      );
      const texts = styles.map((style) => ('cssText' in style ? style.cssText : [...style.cssRules].map((rule) => rule.cssText).join('\n')));
      expect(texts.length).to.be.greaterThan(0);
      for (const text of texts) {
        const minified = minifyCssText(text);
        const rules = parsed(text);
        expect(rules.length, 'the sheet parses').to.be.greaterThan(0);
        expect(parsed(minified)).to.deep.equal(rules);
        if (/\/\*|\n\s/.test(text)) expect(minified.length).to.be.lessThan(text.length);
      }
    });
  }

  it('keeps quoted strings and `${…}` parts as they are, and only touches css`…` literals', () => {
    const source = [
      "const a = css`",
      '  /* a comment, with an apostrophe: l\'élément */',
      '  td[data-label]::before {',
      "    content: attr(data-label) ' : ';",
      '    width: ${unsafeCSS(`${w}px`)};',
      '  }',
      '`;',
      'const b = html`<p>  two  spaces  </p>`;',
    ].join('\n');
    const plugin = minifyCssLiterals() as unknown as { transform(code: string, id: string): { code: string } };
    const { code } = plugin.transform(source, '/x/src/y.ts');
    expect(code).to.equal(["const a = css`td[data-label]::before{content:attr(data-label) ' : ';width:${unsafeCSS(`${w}px`)};}`;", 'const b = html`<p>  two  spaces  </p>`;'].join('\n'));
  });
});

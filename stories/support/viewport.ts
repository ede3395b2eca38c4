/**
 * Narrow screens. The guide's screens must work at 360 px (a common Android width).
 *
 * - `globals: NARROW` on a story sets Storybook's viewport to 360 × 740: the canvas (and, under
 *   vitest, the browser page) really is 360 px wide, so media queries apply.
 * - `decorators: [narrowFrame]` only puts the story in a 360 px wide box: for container queries,
 *   and for docs pages, where the viewport global does not apply.
 */
import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MINIMAL_VIEWPORTS, type ViewportMap } from 'storybook/viewport';

export const NARROW_WIDTH = 360;

/** The viewport menu: ours first, then Storybook's minimal set. */
export const AKTO_VIEWPORTS: ViewportMap = {
  narrow: { name: `Mobile ${NARROW_WIDTH} px`, styles: { width: `${NARROW_WIDTH}px`, height: '740px' }, type: 'mobile' },
  ...MINIMAL_VIEWPORTS,
};

/** Story globals for a 360 px viewport: `export const Mobile: Story = { globals: NARROW }`. */
export const NARROW = { viewport: { value: 'narrow', isRotated: false } };

/** Wraps the story in a box 360 px wide (with the page's default padding around it). */
export const narrowFrame: Decorator = (story) => html`<div data-narrow-frame style="inline-size: ${NARROW_WIDTH}px; max-inline-size: 100%;">${story()}</div>`;

import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { VERSION } from '../version.js';
import { textAttribute } from './attributes.js';
import type { Dependency } from './dependencies.js';
import { emit, type AktoEventDetails, type AktoEventName } from './events.js';
import { tokens } from './tokens.js';

/**
 * The base of every akto element, kept thin: its version (a second copy of the script is told
 * apart), the elements it renders, the language attribute, and typed events. What an element
 * needs beyond that it takes from controllers: LocalizeController for the user's language,
 * ApiController (with the Configurable attributes) for the API.
 */
export class AktoElement extends LitElement {
  static version = VERSION;
  static override styles = [tokens];
  /** The akto elements this one renders: a class is registered with it, a lazy one on first use. */
  static dependencies: Record<string, Dependency> = {};

  /** The language, `fr` (default) or `en`; else the provider's, the nearest `lang`, `<html lang>`. */
  @property({ converter: textAttribute }) override lang = '';

  /** Fires an akto event from this element; false when a listener cancelled it. */
  protected emit<K extends AktoEventName>(name: K, detail: AktoEventDetails[K], options?: { cancelable?: boolean }): boolean {
    return emit(this, name, detail, options);
  }
}

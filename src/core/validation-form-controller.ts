import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { checkFields, FIELD_KEYS, FIELD_SPECS, FIELDS, isFieldKey, type FieldContext, type FieldKey, type FieldResults, type FieldValues } from '../rules/fields.js';
import type { RuleFailure } from '../rules/result.js';

/** What a form (one invoice of step 2) knows besides its values: who was touched, whether « Valider » was pressed, the server's word. */
export interface FormState {
  readonly touched: readonly FieldKey[];
  /** « Valider » was pressed: every problem shows. */
  readonly attempted: boolean;
  /** The server's messages from a 422, per field, until the field is edited. */
  readonly server: Readonly<Partial<Record<FieldKey, string>>>;
}

export type FieldErrors = Partial<Record<FieldKey, string>>;

export interface ValidationFormOptions {
  /** A rule's failure in the user's words: the one place a failure becomes text. */
  message: (failure: RuleFailure) => string;
}

const BLANK: FormState = { touched: [], attempted: false, server: {} };

/** What a form's rules last read, and what they said. */
interface Checked {
  values: FieldValues;
  context: FieldContext;
  results: FieldResults;
}

const sameContext = (a: FieldContext, b: FieldContext) => a.creditNote === b.creditNote && a.depositDate === b.depositDate && a.prefixes === b.prefixes && a.locale === b.locale;

/**
 * The feedback of forms of fields A–F (one a pending invoice, by id), with the rules of the field
 * catalogue: a field's problem shows once it was touched, once « Valider » was pressed, or when the
 * server named it (Lion's `touched || submitted`). Each change replaces that form's state and asks
 * the host to render; nothing is changed in place.
 */
export class ValidationFormController implements ReactiveController {
  private states = new Map<string, FormState>();
  private checked = new Map<string, Checked>();

  constructor(
    private host: ReactiveControllerHost,
    private options: ValidationFormOptions,
  ) {
    host.addController(this);
  }

  /** Nothing to set up: the forms' state lives as long as the host (its rows are kept when it is moved). */
  hostConnected(): void {}

  state(id: string): FormState {
    return this.states.get(id) ?? BLANK;
  }

  private set(id: string, change: Partial<FormState>): void {
    this.states.set(id, { ...this.state(id), ...change });
    this.host.requestUpdate();
  }

  /** The user left the field (or acted on it): its problem shows from now on. */
  touch(id: string, field: FieldKey): void {
    const { touched } = this.state(id);
    if (!touched.includes(field)) this.set(id, { touched: [...touched, field] });
  }

  isTouched(id: string, field?: FieldKey): boolean {
    const { touched } = this.state(id);
    return field ? touched.includes(field) : touched.length > 0;
  }

  /** « Valider » was pressed: every field's problem shows. */
  attempt(id: string): void {
    if (!this.state(id).attempted) this.set(id, { attempted: true });
  }

  /** The field changed: the server's word on it (and on the fields checked with it) no longer holds. */
  edited(id: string, field: FieldKey): void {
    const cleared = [field, ...(FIELD_SPECS[field].checkedWith ?? [])];
    const { server } = this.state(id);
    if (!cleared.some((f) => server[f])) return;
    this.set(id, { server: Object.fromEntries(Object.entries(server).filter(([f]) => !cleared.includes(f as FieldKey))) });
  }

  /** The server's 422 on the fields A–F it names (the others are the caller's); gives what landed on the fields. */
  serverSaid(id: string, fieldErrors: readonly { field: string; message: string }[]): FieldErrors {
    const server: FieldErrors = {};
    for (const e of fieldErrors) if (isFieldKey(e.field)) server[e.field] = e.message;
    this.set(id, { server });
    return server;
  }

  /** The form left the screen (validated, deleted). */
  forget(id: string): void {
    this.states.delete(id);
    this.checked.delete(id);
  }

  /** A failure's text (for a check the catalogue does not hold, such as one dossier being added). */
  message(result: { ok: true } | RuleFailure): string | undefined {
    return result.ok ? undefined : this.options.message(result);
  }

  /**
   * Every field's problem now: the catalogue's rules, then `verdicts` (what a look-up answered, e.g.
   * INSEE's « unknown »), then the server's last word. Only the fields with a problem are there.
   */
  errors(id: string, values: FieldValues, context: FieldContext, verdicts: Partial<Record<FieldKey, RuleFailure>> = {}): FieldErrors {
    const results = this.check(id, values, context);
    const { server } = this.state(id);
    const errors: FieldErrors = {};
    for (const field of FIELD_KEYS) {
      const result = results[field];
      const failure = verdicts[field] ?? (result.ok ? undefined : result);
      const text = server[field] || (failure && this.options.message(failure));
      if (text) errors[field] = text;
    }
    return errors;
  }

  /**
   * The catalogue's rules on a form's values, again only where they can have changed: a field's
   * rule reads its own value, those of the fields it is `checkedWith` (HT and TTC) and the
   * context. An edit re-checks the field edited (and its pair), not the five others; a value is
   * compared as the row holds it (a string, D's list by identity: a new list on each change).
   */
  private check(id: string, values: FieldValues, context: FieldContext): FieldResults {
    const last = this.checked.get(id);
    let results: FieldResults;
    if (!last || !sameContext(last.context, context)) {
      results = checkFields(values, context);
    } else {
      results = last.results;
      for (const spec of FIELDS) {
        if (values[spec.key] === last.values[spec.key] && (spec.checkedWith ?? []).every((f) => values[f] === last.values[f])) continue;
        if (results === last.results) results = { ...results };
        (results as Record<FieldKey, unknown>)[spec.key] = spec.check(values, context);
      }
    }
    this.checked.set(id, { values, context, results });
    return results;
  }

  /** Whether a field's problem is shown yet. */
  shown(id: string, field: FieldKey): boolean {
    const state = this.state(id);
    return state.attempted || state.touched.includes(field) || Boolean(state.server[field]);
  }

  /** The first field with a problem, in the guide's order (A to F): where the focus goes. */
  static firstInvalid(errors: FieldErrors): FieldKey | undefined {
    return FIELD_KEYS.find((f) => errors[f]);
  }
}

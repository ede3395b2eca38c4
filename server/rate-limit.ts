/**
 * A token bucket per caller and action, in this process's memory: enough for one reference
 * server (several instances would each count on their own). Each bucket holds `burst` tokens and
 * gets `perMinute` back per minute; a request takes one, or is refused with the seconds to wait.
 */
export interface Limit {
  /** Requests a caller may make per minute, sustained. */
  perMinute: number;
  /** Requests a caller may make at once, after a quiet spell. */
  burst: number;
}

export type LimitName = 'uploads' | 'deposits' | 'validations' | 'siret' | 'signIn';

/**
 * Far above what a person does (a deposit of 20 invoices with their supporting documents is
 * 40 uploads), and above what the test suites send, yet they stop a script that loops.
 */
export const DEFAULT_LIMITS: Record<LimitName, Limit> = {
  uploads: { perMinute: 300, burst: 300 },
  deposits: { perMinute: 60, burst: 60 },
  validations: { perMinute: 120, burst: 120 },
  siret: { perMinute: 300, burst: 300 },
  signIn: { perMinute: 60, burst: 60 },
};

interface Bucket {
  tokens: number;
  at: number;
}

/** How many buckets are kept before full (idle) ones are forgotten. */
const MAX_BUCKETS = 10_000;

export class RateLimiter {
  private buckets = new Map<string, Bucket>();

  constructor(
    private limits: Record<LimitName, Limit>,
    private now: () => number = Date.now,
  ) {}

  /** Takes a token: 0 when allowed, else the seconds until the next one. */
  take(name: LimitName, caller: string): number {
    const { perMinute, burst } = this.limits[name];
    const key = `${name}\n${caller}`;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 60_000) * perMinute);
    bucket.at = now;
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= MAX_BUCKETS) this.sweep(now);
      this.buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil(((1 - bucket.tokens) * 60) / perMinute));
  }

  /** Forgets the buckets that have filled up again: they are the same as new ones. */
  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      const { perMinute, burst } = this.limits[key.slice(0, key.indexOf('\n')) as LimitName];
      if (bucket.tokens + ((now - bucket.at) / 60_000) * perMinute >= burst) this.buckets.delete(key);
    }
  }
}

/** Parses `RATE_LIMITS`: `off`, or `uploads=300,deposits=60` (per minute; the burst follows). */
export function parseLimits(text: string | undefined): Record<LimitName, Limit> | false {
  if (!text) return DEFAULT_LIMITS;
  if (/^(off|0|false)$/i.test(text.trim())) return false;
  const limits = { ...DEFAULT_LIMITS };
  for (const part of text.split(',')) {
    const [name, value] = part.split('=').map((s) => s.trim());
    const perMinute = Number(value);
    if (!(name! in limits) || !(perMinute > 0)) throw new Error(`RATE_LIMITS: cannot read « ${part} » (names: ${Object.keys(limits).join(', ')})`);
    limits[name as LimitName] = { perMinute, burst: perMinute };
  }
  return limits;
}

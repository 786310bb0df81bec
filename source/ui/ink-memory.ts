/**
 * Bounds on what Ink keeps for the life of a process. scripts/build.mjs wires these into Ink's own modules when it
 * bundles them (the build fails if Ink's code no longer has the shape it patches):
 *
 * - Ink caches every text it wraps (`wrap-text.js`, a plain object keyed by text + width + wrap mode) and measures
 *   (`measure-text.js`, a Map keyed by text), and never forgets one. A screen that runs for half an hour draws new
 *   texts all the time — the elapsed time each second, each event and log line — so both caches grew without end: a
 *   heap snapshot of the deploy screen watching a crash loop held thousands of such texts after 30 simulated minutes.
 *   They become `boundedTextCache()`s: the most recent TEXT_CACHE_ENTRIES texts, the oldest dropped first — more
 *   than the busiest of our screens draws in one frame (a browser list of 40 rows draws about 200), so a redraw still
 *   finds the texts of the frame before.
 * - Ink appends everything printed through `<Static>` to one string (`fullStaticOutput`), which it writes again only
 *   after clearing the terminal (scrollback included) when the live part of the screen has grown taller than the
 *   terminal — which our screens, sized to the terminal, avoid. It becomes at most the last STATIC_OUTPUT_KEPT
 *   characters, cut at a line's start (`keepStaticTail`): in that case the terminal shows the last few hundred lines
 *   printed above the screen again, not an hour of logs.
 */

/** The texts each of Ink's two caches keeps. */
export const TEXT_CACHE_ENTRIES = 500;
/** The most characters of printed `<Static>` output Ink keeps to write again (400 to 800 lines of 80 columns). */
export const STATIC_OUTPUT_KEPT = 64 * 1024;

/** A Map that keeps its `limit` most recently added keys: adding one more drops the oldest. */
export class BoundedTextCache<V> extends Map<string, V> {
  readonly #limit: number;

  constructor(limit: number = TEXT_CACHE_ENTRIES) {
    super();
    this.#limit = limit;
  }

  override set(key: string, value: V): this {
    if (!this.has(key) && this.size >= this.#limit) {
      const oldest = this.keys().next();
      if (oldest.done !== true) this.delete(oldest.value);
    }
    return super.set(key, value);
  }
}

/** What Ink's text caches are made of (see the header). */
export function boundedTextCache<V>(): BoundedTextCache<V> {
  return new BoundedTextCache<V>();
}

/**
 * `kept` followed by `added`, cut when longer than `limit` characters to its last `limit / 2`, from the start of a
 * line (a line longer than that: its last `limit / 2` characters). Cutting to half, not to the limit, makes a cut
 * happen once per `limit / 2` characters printed rather than on every print once full (a cut copies the string).
 */
export function keepStaticTail(kept: string, added: string, limit: number = STATIC_OUTPUT_KEPT): string {
  const whole = kept + added;
  if (whole.length <= limit) return whole;
  const from = whole.length - Math.floor(limit / 2);
  const lineStart = whole.indexOf('\n', from - 1);
  return lineStart === -1 || lineStart + 1 >= whole.length ? whole.slice(from) : whole.slice(lineStart + 1);
}

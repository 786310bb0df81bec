/**
 * Bounds on what Ink keeps for the life of a process. scripts/build.mjs wires these into Ink's own modules when it
 * bundles them (the build fails if Ink's code no longer has the shape it patches):
 *
 * - Ink caches every text it wraps (`wrap-text.js`, a plain object keyed by text + width + wrap mode) and measures
 *   (`measure-text.js`, a Map keyed by text), and never forgets one. A screen that runs for half an hour draws new
 *   texts all the time — the elapsed time each second, each event and log line — so both caches grew without end: a
 *   heap snapshot of the deploy screen watching a crash loop held thousands of such texts after 30 simulated minutes.
 *   They become `frameTextCache()`s, which keep the texts of the last two frames: Ink starts a frame
 *   (`nextTextFrame`, called at the start of Ink's `onRender`); a text looked up is kept into the next frame, one
 *   neither looked up nor added during a whole frame is forgotten. A redraw finds every text of the frame before, as
 *   with Ink's caches, and what they hold stops growing as soon as the screen is drawn — not once some count of texts
 *   has been reached, which a slow screen would take many minutes to reach. A frame that adds more than
 *   TEXT_CACHE_ENTRIES texts (never seen: a screen draws at most a few hundred) starts a new frame by itself.
 * - Ink appends everything printed through `<Static>` to one string (`fullStaticOutput`), which it writes again only
 *   after clearing the terminal (scrollback included) when the live part of the screen has grown taller than the
 *   terminal — which our screens, sized to the terminal, avoid. It becomes at most the last STATIC_OUTPUT_KEPT
 *   characters, cut at a line's start (`keepStaticTail`): in that case the terminal shows the last few hundred lines
 *   printed above the screen again, not an hour of logs.
 */

/** The most texts one frame adds to one cache before a new frame starts by itself. */
export const TEXT_CACHE_ENTRIES = 2000;
/** The most characters of printed `<Static>` output Ink keeps to write again (200 to 400 lines of 80 columns). */
export const STATIC_OUTPUT_KEPT = 32 * 1024;

/** A cache of the texts of the last two frames (see the header); `get` and `set` as Ink's caches use them. */
export class FrameTextCache<V> {
  #current = new Map<string, V>();
  #previous = new Map<string, V>();
  readonly #limit: number;

  constructor(limit: number = TEXT_CACHE_ENTRIES) {
    this.#limit = limit;
  }

  get(key: string): V | undefined {
    const value = this.#current.get(key);
    if (value !== undefined) return value;
    const kept = this.#previous.get(key);
    if (kept !== undefined) this.#keep(key, kept);
    return kept;
  }

  set(key: string, value: V): this {
    this.#keep(key, value);
    return this;
  }

  /** Texts of the frame before that this frame has not used are forgotten. */
  nextFrame(): void {
    this.#previous = this.#current;
    this.#current = new Map();
  }

  /** How many texts it holds. */
  get size(): number {
    let size = this.#current.size;
    for (const key of this.#previous.keys()) if (!this.#current.has(key)) size++;
    return size;
  }

  #keep(key: string, value: V): void {
    if (this.#current.size >= this.#limit) this.nextFrame();
    this.#current.set(key, value);
  }
}

/** Every cache frameTextCache() made (Ink's two), for nextTextFrame. */
const caches: FrameTextCache<unknown>[] = [];

/** What Ink's text caches are made of (see the header). */
export function frameTextCache<V>(): FrameTextCache<V> {
  const cache = new FrameTextCache<V>();
  caches.push(cache as FrameTextCache<unknown>);
  return cache;
}

/** Ink starts drawing a frame (its `onRender`). */
export function nextTextFrame(): void {
  for (const cache of caches) cache.nextFrame();
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

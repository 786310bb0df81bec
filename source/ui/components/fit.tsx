/**
 * Fitting a screen into the terminal's rows, so that the footer with the keys always shows.
 *
 * A screen's frame (frame.tsx) is measured after every render that changed anything in it (Ink has laid it out
 * by then): the sanitising Text (text.tsx) and the elastic parts ask for the check in a layout effect, so a
 * message appearing deep in a step is seen although the frame itself did not re-render. Elastic parts — a JSON
 * preview, the review's document, the answered lines — say how many rows they would like and how few they can do
 * with (useElasticRows); when the frame is taller than the terminal (Ink needs its output above the last row, or
 * it redraws the whole screen and the top scrolls away), they give up the rows it is over, the first registered
 * first; when rows come free again, they get them back. Only what cannot be known before layout is measured: how
 * many rows wrapped text takes at this width.
 *
 * Without a known terminal height (tests, a pipe) nothing is cut.
 */
import React, {createContext, useCallback, useContext, useLayoutEffect, useMemo, useRef, useState} from 'react';
import {Box, measureElement, type DOMElement} from 'ink';

interface Elastic {
  /** Rows it would like. */
  natural: number;
  /** Rows it needs at least. */
  floor: number;
}

interface Fit {
  /** Rows the elastic parts must give up together. */
  cut: number;
  elastics: Map<symbol, Elastic>;
  /** Measures the frame as laid out now, and asks for the rows it is over (or gives back those under). */
  check: () => void;
}

const FitContext = createContext<Fit | undefined>(undefined);

/** What a part may give up. */
const slack = (elastic: Elastic): number => Math.max(0, elastic.natural - elastic.floor);

/** Lays out `children` in a column no taller than `rows - 1` (when the elastic parts can give up enough). */
export function FitRows({rows, children}: {rows: number | undefined; children: React.ReactNode}) {
  const ref = useRef<DOMElement>(null);
  const [elastics] = useState(() => new Map<symbol, Elastic>());
  const [cut, setCut] = useState(0);
  /** The cut the laid-out frame was rendered with, and the one asked for since. */
  const rendered = useRef(cut);
  rendered.current = cut;
  const asked = useRef(cut);
  /** The last measurement, and whether giving rows back is off (it made the frame too tall: a part's rows come in steps). */
  const last = useRef({cut, height: -1, stuck: false});
  const check = useCallback(() => {
    if (rows === undefined || rows <= 0 || ref.current === null) return;
    const {height} = measureElement(ref.current);
    const room = [...elastics.values()].reduce((sum, elastic) => sum + slack(elastic), 0);
    const current = rendered.current;
    const memory = last.current;
    // The same cut laid out to another height: the content changed, so giving back may work again.
    if (current === memory.cut && height !== memory.height) memory.stuck = false;
    const over = height - (rows - 1);
    let wanted = current;
    if (over > 0) {
      wanted = current + over;
      // Rows were given back and the frame no longer fits: take them again, and stay (no back and forth).
      if (current < memory.cut) memory.stuck = true;
    } else if (over < 0 && !memory.stuck) wanted = current + over;
    wanted = Math.max(0, Math.min(room, wanted));
    memory.cut = current;
    memory.height = height;
    if (wanted === asked.current) return;
    asked.current = wanted;
    setCut(wanted);
  }, [rows, elastics]);
  useLayoutEffect(check);
  const fit = useMemo(() => ({cut, elastics, check}), [cut, elastics, check]);
  return (
    <FitContext.Provider value={fit}>
      <Box ref={ref} flexDirection="column">
        {children}
      </Box>
    </FitContext.Provider>
  );
}

/** Asks the frame around (if any) to check its fit after this component's render. */
export function useFitCheck(): void {
  const fit = useContext(FitContext);
  useLayoutEffect(() => fit?.check());
}

/**
 * The rows an elastic part may use: `natural` unless the screen does not fit, then down to `floor`. The first
 * part (in mount order) gives up rows first.
 */
export function useElasticRows(natural: number, floor = 3): number {
  const fit = useContext(FitContext);
  const [id] = useState(() => Symbol('elastic'));
  useLayoutEffect(() => {
    fit?.elastics.set(id, {natural, floor});
    fit?.check();
  });
  useLayoutEffect(
    () => () => {
      fit?.elastics.delete(id);
    },
    [fit],
  );
  if (fit === undefined || fit.cut === 0) return natural;
  let left = fit.cut;
  for (const [other, elastic] of fit.elastics) {
    const share = Math.min(left, slack(elastic));
    if (other === id) return natural - Math.min(share, Math.max(0, natural - floor));
    left -= share;
  }
  return natural;
}

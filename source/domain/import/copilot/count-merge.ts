/**
 * An environment's `count` map merged into the base's, the way Copilot merges a manifest's `environments.<env>`
 * override (copilot-cli internal/pkg/manifest/transform.go: countTransformer, rangeTransformer,
 * scalingConfigOrTTransformer, then mergo's field-by-field override): a number replaces the base's map (and a map
 * the base's number); within a map each field the environment writes replaces the base's — `range` bound by bound,
 * each target (`cpu_percentage`, `memory_percentage`, `requests`) whole, `cooldown` in and out one by one — and
 * every field it does not write is the base's. So `environments.prod.count.range: 2-10` under a base
 * `cpu_percentage: 70` gives prod 2–10 tracking CPU 70 %. Pure.
 */
import type {CopilotNote, CopilotScaling, Located} from './types.js';

/** The count fields of a manifest's settings (manifest.ts ServiceSettings). */
interface CountSettings {
  count?: Located<number>;
  scaling?: Located<CopilotScaling>;
  scalingOverride?: Located<Partial<CopilotScaling>>;
}

/** The base's count map with the environment's fields over it; undefined when the result has no complete range. */
export function mergeScaling(base: CopilotScaling | undefined, override: Partial<CopilotScaling>): Partial<CopilotScaling> {
  const merged: Partial<CopilotScaling> = {...base};
  for (const key of ['min', 'max', 'cpu', 'memory', 'requests', 'cooldownIn', 'cooldownOut'] as const) {
    if (override[key] !== undefined) (merged as Record<string, unknown>)[key] = override[key];
  }
  return merged;
}

const complete = (scaling: Partial<CopilotScaling>): scaling is CopilotScaling => scaling.min !== undefined && scaling.max !== undefined;

/**
 * Completes `settings` (one environment's, as read) from its `scalingOverride`: the merged auto scaling and the
 * count it starts at, with a note saying what came from where; or a warning when no range results.
 */
export function mergeCountOverride(base: CountSettings, settings: CountSettings, environment: string, notes: CopilotNote[]): void {
  const override = settings.scalingOverride;
  if (override === undefined) return;
  const field = `environments.${environment}.count`;
  const merged = mergeScaling(base.scaling?.value, override.value);
  if (!complete(merged)) {
    notes.push({
      at: override.at,
      field,
      status: 'warning',
      environment,
      message: `no count.range here or in the base manifest (Copilot requires one with a count map): not migrated — ${environment} keeps the base's count`,
    });
    return;
  }
  settings.scaling = {value: merged, at: override.at};
  settings.count = {value: merged.min, at: override.at};
  const inherited = (['cpu', 'memory', 'requests', 'cooldownIn', 'cooldownOut'] as const).filter(
    (key) => override.value[key] === undefined && base.scaling?.value[key] !== undefined,
  );
  const words: Record<(typeof inherited)[number], string> = {
    cpu: 'cpu_percentage',
    memory: 'memory_percentage',
    requests: 'requests',
    cooldownIn: 'cooldown.in',
    cooldownOut: 'cooldown.out',
  };
  const rangeFromBase = override.value.min === undefined || override.value.max === undefined;
  const fromBase = [...(rangeFromBase ? ['a bound of range'] : []), ...inherited.map((key) => words[key])];
  notes.push({
    at: override.at,
    field,
    status: 'info',
    environment,
    message: `range ${merged.min}-${merged.max}${fromBase.length === 0 ? '' : `, with the base manifest's ${fromBase.join(', ')}`} (Copilot merges an environment's count into the base's field by field); desiredCount ${merged.min}`,
  });
}

/**
 * The order of a whole-application deploy (`deploy --app`): each service's `dependsOn` (service names of the same
 * application) checked — unknown names and cycles refused, naming them — and turned into one deploy order, and the
 * selection `--only` / `--from` makes of it. Pure.
 *
 * The order is a topological order that is stable: among services whose dependencies are all before them, the one
 * first by name goes first. A service runs once each of its dependencies IN THIS RUN is deployed; a dependency left
 * out by `--only` / `--from` is taken as deployed already (the plan says so).
 */

/** What the order needs of a service. */
export interface OrderedService {
  name: string;
  dependsOn?: readonly string[];
}

export type DependencyProblem =
  {kind: 'unknown'; service: string; missing: string[]} | {kind: 'cycle'; cycle: string[]} | {kind: 'duplicate'; service: string; count: number};

/** One line per problem, naming the services. */
export function dependencyProblemText(problem: DependencyProblem, known: readonly string[], where = 'the application'): string {
  switch (problem.kind) {
    case 'unknown':
      return `service ${problem.service} depends on ${problem.missing.join(', ')}, which ${problem.missing.length === 1 ? 'is' : 'are'} not a service of ${where} (its services: ${known.join(', ') || 'none'})`;
    case 'cycle':
      return `dependency cycle: ${problem.cycle.join(' → ')}`;
    case 'duplicate':
      return `${problem.count} profiles of the application deploy service ${problem.service} to this environment: a service may appear once`;
  }
}

/** Unknown names and cycles (each cycle once, starting at its first service by name). */
export function dependencyProblems(services: readonly OrderedService[]): DependencyProblem[] {
  const problems: DependencyProblem[] = [];
  const counts = new Map<string, number>();
  for (const service of services) counts.set(service.name, (counts.get(service.name) ?? 0) + 1);
  for (const [service, count] of counts) if (count > 1) problems.push({kind: 'duplicate', service, count});
  const names = new Set(services.map((service) => service.name));
  for (const service of services) {
    const missing = (service.dependsOn ?? []).filter((name) => !names.has(name));
    if (missing.length > 0) problems.push({kind: 'unknown', service: service.name, missing});
  }
  const edges = new Map(services.map((service) => [service.name, [...new Set(service.dependsOn ?? [])].filter((name) => names.has(name)).sort()]));
  const state = new Map<string, 'open' | 'done'>();
  const seen = new Set<string>();
  const stack: string[] = [];
  const visit = (name: string): void => {
    state.set(name, 'open');
    stack.push(name);
    for (const next of edges.get(name) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        const first = [...cycle].sort()[0]!;
        const start = cycle.indexOf(first);
        const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
        const key = rotated.join('\u0000');
        if (!seen.has(key)) {
          seen.add(key);
          problems.push({kind: 'cycle', cycle: [...rotated, first]});
        }
      } else if (state.get(next) === undefined) visit(next);
    }
    stack.pop();
    state.set(name, 'done');
  };
  for (const name of [...names].sort()) if (state.get(name) === undefined) visit(name);
  return problems;
}

/** The deploy order (dependencies first; ties by name). Throws on a cycle: check dependencyProblems first. */
export function deployOrder(services: readonly OrderedService[]): string[] {
  const names = new Set(services.map((service) => service.name));
  const waiting = new Map(services.map((service) => [service.name, new Set((service.dependsOn ?? []).filter((name) => names.has(name)))]));
  const order: string[] = [];
  while (waiting.size > 0) {
    const ready = [...waiting].filter(([, deps]) => deps.size === 0).map(([name]) => name);
    if (ready.length === 0) throw new Error(`dependency cycle among ${[...waiting.keys()].join(', ')}`);
    const next = ready.sort()[0]!;
    order.push(next);
    waiting.delete(next);
    for (const deps of waiting.values()) deps.delete(next);
  }
  return order;
}

/** `--only a,b` (exactly those) or `--from x` (x and every service after it in the order). */
export interface Selection {
  only?: readonly string[];
  from?: string;
}

/** The services a run deploys, in order; an error message naming an unknown service (the caller makes it exit 2). */
export function selectServices(order: readonly string[], selection: Selection): {ok: true; services: string[]} | {ok: false; message: string} {
  const known = order.join(', ');
  if (selection.only !== undefined) {
    const unknown = selection.only.filter((name) => !order.includes(name));
    if (unknown.length > 0) return {ok: false, message: `--only names ${unknown.join(', ')}, not a service of the application (its services: ${known})`};
    return {ok: true, services: order.filter((name) => selection.only!.includes(name))};
  }
  if (selection.from !== undefined) {
    const index = order.indexOf(selection.from);
    if (index === -1) return {ok: false, message: `--from names ${selection.from}, not a service of the application (its services: ${known})`};
    return {ok: true, services: order.slice(index)};
  }
  return {ok: true, services: [...order]};
}

/** Every service that depends on `name`, directly or not (within `services`). */
export function dependentsOf(services: readonly OrderedService[], name: string): string[] {
  const found = new Set<string>();
  const queue = [name];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const service of services) {
      if ((service.dependsOn ?? []).includes(current) && !found.has(service.name)) {
        found.add(service.name);
        queue.push(service.name);
      }
    }
  }
  return [...found];
}

/** How to resume: the flag that deploys exactly `left` (those not deployed), `--from` when it says the same. */
export function resumeFlag(order: readonly string[], left: readonly string[]): string | undefined {
  if (left.length === 0) return undefined;
  const first = order.findIndex((name) => left.includes(name));
  const tail = order.slice(first);
  if (tail.length === left.length && tail.every((name) => left.includes(name))) return `--from ${order[first]}`;
  return `--only ${order.filter((name) => left.includes(name)).join(',')}`;
}

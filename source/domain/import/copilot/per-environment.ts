/**
 * Helpers of the Copilot plan (build.ts): values that may differ per environment (a literal, or a config variable
 * with per-environment overrides), Copilot's manifest interpolation, and a secret's valueFrom as Copilot renders it.
 * Pure.
 */
import {escapePlaceholders, serviceVariable} from '../../placeholders.js';
import type {SecretSource} from './manifest.js';

/** `${COPILOT_APPLICATION_NAME}` and `${COPILOT_ENVIRONMENT_NAME}` substituted (Copilot's manifest interpolation). */
export const interpolate = (value: string, app: string, environment: string): string =>
  value.replaceAll('${COPILOT_APPLICATION_NAME}', app).replaceAll('${COPILOT_ENVIRONMENT_NAME}', environment);

export const partitionOf = (region: string): string => (region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws');

/** Values that may differ per environment: a literal when they do not, else a config variable with overrides. */
export class PerEnvironment {
  readonly variables: Record<string, string> = {};
  readonly overrides: Record<string, Record<string, string>> = {};
  readonly unquoted = new Set<string>();
  constructor(private readonly environments: readonly string[]) {
    for (const environment of environments) this.overrides[environment] = {};
  }
  /**
   * The value to write: the literal when every environment has the same one, else `${serviceVariable.NAME}` (the
   * first environment's value as the variable, overrides where another differs). Environments without a value
   * get `missing`; when it is undefined, they get none (never another environment's): their render names the
   * variable, and the environments that have one hold it as an override.
   */
  value(name: string, byEnvironment: Record<string, string | undefined>, missing?: string): string | undefined {
    const values = this.environments.map((environment) => byEnvironment[environment] ?? missing);
    const known = values.filter((value): value is string => value !== undefined);
    if (known.length === 0) return undefined;
    if (known.length === values.length && known.every((value) => value === known[0])) return escapePlaceholders(known[0]!);
    if (known.length < values.length) {
      // Some environments have no value: each known one is an override, so that no environment takes another's.
      this.environments.forEach((environment, index) => {
        const value = values[index];
        if (value !== undefined) this.overrides[environment]![name] = value;
      });
      return serviceVariable(name);
    }
    const first = known[0]!;
    this.variables[name] = first;
    this.environments.forEach((environment, index) => {
      const value = values[index];
      if (value !== first) this.overrides[environment]![name] = value!;
    });
    return serviceVariable(name);
  }
}

/** A secret's valueFrom as Copilot renders it (template/workload.go): SSM names as written, Secrets Manager names as ARNs. */
export function secretValueFrom(
  source: SecretSource,
  context: {app: string; environment: string; region: string; accountId: string | undefined; live: string | undefined},
): string | undefined {
  if (source.kind === 'ssm') return interpolate(source.name, context.app, context.environment);
  if (source.kind === 'from-cfn') return context.live;
  const name = interpolate(source.name, context.app, context.environment);
  if (name.startsWith('arn:')) return name;
  if (context.accountId === undefined) return context.live;
  return `arn:${partitionOf(context.region)}:secretsmanager:${context.region}:${context.accountId}:secret:${name}`;
}

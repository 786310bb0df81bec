/**
 * Checking one typed answer: the value, or a message saying what is wrong and how to write it (shown in place
 * by the wizard, listed with the flag by `init`). The checks shared by several questions live here; a check
 * that belongs to one question lives in its module (questions/). Pure.
 */
import type {NameValue, NetworkMode, PortMapping} from '../../domain/model.js';
import {findSecretValue} from '../../domain/secret-values.js';
import {VARIABLE_NAME_PATTERN} from '../../domain/placeholders.js';
import {ARN_DESCRIPTIONS, ARN_EXAMPLES, isArn, type ArnKind} from '../../domain/aws-names.js';

/** A checked answer: the value, or a message saying what is wrong and how to write it. */
export type Checked<T> = {ok: true; value: T; note?: string} | {ok: false; message: string};

export const ok = <T>(value: T, note?: string): Checked<T> => (note === undefined ? {ok: true, value} : {ok: true, value, note});
export const bad = <T>(message: string): Checked<T> => ({ok: false, message});

/** A whole number in [min, max]; empty text is `undefined` when the answer is optional. */
export function checkInteger(text: string, what: string, options: {min: number; max?: number; optional?: boolean}): Checked<number | undefined> {
  const written = text.trim();
  if (written === '') return options.optional ? ok(undefined) : bad(`Give ${what}`);
  if (!/^\d+$/.test(written)) return bad(`${what[0]!.toUpperCase()}${what.slice(1)} must be a whole number, found "${written}"`);
  const value = Number(written);
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  if (value < options.min || value > max) {
    return bad(
      `${what[0]!.toUpperCase()}${what.slice(1)} must be ${max === Number.MAX_SAFE_INTEGER ? `at least ${options.min}` : `between ${options.min} and ${max}`}, found ${value}`,
    );
  }
  return ok(value);
}

/** `80`, `80/udp`, `8080:80` (host:container, bridge/host only), `8080:80/tcp`. */
export function parsePortMapping(text: string, networkMode?: NetworkMode): Checked<PortMapping> {
  const written = text.trim();
  const match = /^(?:(\d+):)?(\d+)(?:\/(tcp|udp))?$/i.exec(written);
  if (!match) return bad(`"${written}" is not a port mapping: write the container port, e.g. 80 or 53/udp (or 8080:80 for host port 8080)`);
  const containerPort = Number(match[2]);
  const hostPort = match[1] === undefined ? undefined : Number(match[1]);
  const protocol = (match[3]?.toLowerCase() ?? 'tcp') as 'tcp' | 'udp';
  if (containerPort < 1 || containerPort > 65535) return bad(`Port ${containerPort} is out of range (1–65535)`);
  if (hostPort !== undefined && hostPort > 65535) return bad(`Host port ${hostPort} is out of range (0–65535; 0 = dynamic)`);
  if (hostPort !== undefined && networkMode === 'awsvpc' && hostPort !== containerPort) {
    return bad(`Under awsvpc the host port must equal the container port (or be left out): write ${containerPort}`);
  }
  return ok(hostPort === undefined ? {containerPort, protocol} : {containerPort, hostPort, protocol});
}

export const formatPortMapping = (mapping: PortMapping): string =>
  `${mapping.hostPort === undefined ? '' : `${mapping.hostPort}:`}${mapping.containerPort}${mapping.protocol === 'tcp' ? '' : `/${mapping.protocol}`}`;

/** `NAME=VALUE` (the value may be empty and may hold `=`). */
export function parseNameValue(text: string, options: {variable?: boolean} = {}): Checked<NameValue> {
  const written = text.trim();
  const equals = written.indexOf('=');
  if (equals <= 0) return bad(`"${written}" is not NAME=VALUE, e.g. ${options.variable ? 'containerPort=8080' : 'LOG_LEVEL=info'}`);
  const name = written.slice(0, equals).trim();
  const value = written.slice(equals + 1);
  if (options.variable && !VARIABLE_NAME_PATTERN.test(name)) return bad(`"${name}" is not a variable name: a letter or _, then letters, digits and _`);
  if (!options.variable && !/^[^=\0\s]+$/.test(name)) return bad(`"${name}" is not an environment variable name`);
  // A secret by its value is refused where it is typed, so that it is never shown again nor saved (masked here).
  const secret = findSecretValue(value.trim());
  if (secret !== undefined) {
    return bad(
      `${name} holds a secret (${secret.shown}): secrets are never stored in a profile — keep it in AWS Secrets Manager and refer to it with a container "secrets" entry`,
    );
  }
  return ok({name, value});
}

export function checkArnAnswer(kind: ArnKind, text: string, what: string): Checked<string> {
  const arn = text.trim();
  if (arn === '') return bad(`Give ${what}: ${ARN_DESCRIPTIONS[kind]} like ${ARN_EXAMPLES[kind]}`);
  if (!isArn(kind, arn)) return bad(`"${arn}" is not ${ARN_DESCRIPTIONS[kind]}: write it like ${ARN_EXAMPLES[kind]}`);
  return ok(arn);
}

/** The region of an ARN (`arn:aws:secretsmanager:eu-west-1:…` → eu-west-1). */
export const arnRegion = (arn: string): string | undefined => {
  const region = arn.split(':')[3];
  return region === undefined || region === '' ? undefined : region;
};

/** Subnet or security group ids, comma or space separated. */
export function parseIds(text: string, kind: 'subnet' | 'sg'): Checked<string[]> {
  const ids = text
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const pattern = kind === 'subnet' ? /^subnet-[0-9a-f]{8,17}$/ : /^sg-[0-9a-f]{8,17}$/;
  const wrong = ids.find((id) => !pattern.test(id));
  if (wrong !== undefined) return bad(`"${wrong}" is not a ${kind === 'subnet' ? 'subnet id (subnet-0123abcd…)' : 'security group id (sg-0123abcd…)'}`);
  if (ids.length === 0) return bad(kind === 'subnet' ? 'Choose at least one subnet' : 'Choose at least one security group');
  return ok([...new Set(ids)]);
}

/**
 * An application's artifact servers as text (`apps servers`, `apps server-add|edit|rm|adopt`): names and values read
 * from the store or typed by people are cleaned here, where they are shown.
 */
import {SERVER_FIELD_NAMES, serverLabel, type ArtifactServer as ServerDefinition} from '../domain/artifact-servers.js';
import type {JsonObject} from '../domain/json.js';
import type {ArtifactServer, ArtifactServerChange} from '../ports/profile-store.js';
import {sanitize} from './sanitize.js';
import type {Style} from './style.js';

const names = (items: readonly string[]): string => (items.length === 0 ? '-' : items.join(','));

/** The application's servers, then the registries its services keep for themselves (named `-`). */
export function serverTable(servers: readonly ArtifactServer[], style: Style): string {
  if (servers.length === 0) return 'No artifact servers yet: ecs-wizard apps server-add NAME --app APP --registry HOST (or the wizard defines one).\n';
  const header = ['SERVER', 'KIND', 'HOST', 'USER', 'CREDENTIALS SECRET', 'KMS KEY', 'SERVICES'];
  const rows = servers.map((server) => [
    server.name ?? '-',
    server.registry,
    server.host,
    server.username ?? '-',
    server.credentialsSecretArn ?? '-',
    server.kmsKeyArn ?? '-',
    names(server.services),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]): string => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ');
  const own = servers.some((server) => server.name === undefined)
    ? ['(-: registry settings services keep for themselves; ecs-wizard apps server-adopt makes servers of them)']
    : [];
  return `${[style.bold(line(header)), ...rows.map((row) => sanitize(line(row))), ...own].join('\n')}\n`;
}

/** `apps show`'s lines for one server. */
export function serverLines(server: ArtifactServer): string[] {
  const users = server.services.length === 0 ? 'no service' : server.services.join(', ');
  return server.name === undefined
    ? [sanitize(`  ${serverLabel(server)}: ${users}`)]
    : [sanitize(`  ${server.name}: ${serverLabel(server)}`), sanitize(`    used by ${users}`)];
}

/** What an edit changed, and for which services. */
export function serverChangeLines(change: ArtifactServerChange, before: ServerDefinition, after: ServerDefinition): string[] {
  const where = `artifact server ${change.server} of application ${change.application}`;
  if (change.fields.length === 0) return [sanitize(`Nothing changed in ${where}.`)];
  return [
    sanitize(`Changed ${where}:`),
    sanitize(`  was ${serverLabel(before)}`),
    sanitize(`  now ${serverLabel(after)}`),
    `  (${change.fields.map((field) => SERVER_FIELD_NAMES[field]).join(', ')})`,
    sanitize(
      change.services.length === 0
        ? 'No service uses it yet.'
        : `Affects ${change.services.length} service${change.services.length === 1 ? '' : 's'}: ${change.services.join(', ')}.`,
    ),
  ];
}

/** The roles that must be allowed to read a server's new secret, each with the services and environments that run with it. */
export function roleLines(roles: ReadonlyArray<{role: string; uses: ReadonlyArray<{profile: string; environment: string}>; policy?: JsonObject}>): string[] {
  return roles.map((need) => sanitize(`  ${need.role} (${need.uses.map((use) => `${use.profile} ${use.environment}`).join(', ')})`));
}

/**
 * The application's artifact servers in the setup (the guide's "Source Server": a registry defined once, used by every
 * service): the wizard offers them before asking for a new registry (questions/artifact-server.ts); using one answers
 * the registry questions (SERVER_STEPS are skipped); a new registry is saved as a new server of the application under
 * the name asked next (questions/artifact-server-name.ts). `init --artifact-server NAME` uses a defined one, or with
 * --registry defines it.
 */
import {authOf, type ArtifactServer} from '../../domain/artifact-servers.js';
import type {WizardAnswers} from '../../domain/wizard-answers.js';
import type {ArtifactServer as ServerView} from '../../ports/profile-store.js';

/** A server of the application with the profiles that use it. */
export type OfferedServer = ArtifactServer & {services: string[]};

/** The application's own servers (named) of what `apps show` lists. */
export const offeredServers = (views: readonly ServerView[]): OfferedServer[] =>
  views.flatMap((view) => (view.name === undefined ? [] : [{...structuredClone(view), name: view.name}]));

/** The questions a server answers (the wizard skips them when one is used). */
export const SERVER_STEPS = ['registry', 'registry-url', 'registry-username', 'registry-access', 'auth-secret', 'auth-kms', 'artifact-server-name'] as const;

/** The choice that records which server the artifact uses (`NEW_SERVER`: a new registry, named by artifact-server-name). */
export const SERVER_CHOICE = 'artifact-server';
export const NEW_SERVER = '\0new';
/** The choice that records how many servers the chosen application has (artifact-server is asked when some). */
export const SERVERS_CHOICE = 'application-servers';
/** The choice that records the names the application's servers have (a new one must differ), as JSON. */
export const SERVER_NAMES_CHOICE = 'application-server-names';

/** The answers of an artifact that uses `server` (the image and tag kept; the registry settings the server's). */
export function answersOfServer(server: ArtifactServer, answers: WizardAnswers): WizardAnswers {
  const next: WizardAnswers = {...answers, registry: server.registry, registryHost: server.host, artifactServer: server.name};
  delete next.registryUsername;
  delete next.registryAnonymous;
  if (server.username !== undefined) next.registryUsername = server.username;
  const auth = authOf(server);
  if (auth !== undefined) next.registryAuth = auth;
  else if (server.registry === 'registry') {
    // A private registry without a secret: anyone may pull (what the server was defined as).
    next.registryAnonymous = true;
    next.registryAuth = null;
  } else next.registryAuth = null;
  // Another registry: the image and tag chosen for the previous one do not carry over.
  if (answers.registryHost !== undefined && answers.registryHost !== server.host) {
    delete next.image;
    delete next.tag;
  }
  return next;
}

/** Back to "a new registry": what a server filled is asked again. */
export function newRegistryAnswers(answers: WizardAnswers, previousServer: string | undefined): WizardAnswers {
  const next: WizardAnswers = {...answers};
  delete next.artifactServer;
  if (previousServer !== undefined && previousServer !== NEW_SERVER) {
    delete next.registry;
    delete next.registryHost;
    delete next.registryUsername;
    delete next.registryAnonymous;
    delete next.registryAuth;
    delete next.image;
    delete next.tag;
  }
  return next;
}

/** True when step `id` is answered by the application's server the artifact uses. */
export function answeredByServer(id: string, choices: Readonly<Record<string, string>>): boolean {
  const chosen = choices[SERVER_CHOICE];
  return chosen !== undefined && chosen !== NEW_SERVER && (SERVER_STEPS as readonly string[]).includes(id);
}

/** `registry.example.com:5000 · private, user deploy, secret · used by api, web`. */
export const serverDetail = (server: OfferedServer): string =>
  `${server.host} · ${server.registry === 'dockerhub' ? 'Docker Hub' : server.registry === 'ecr' ? 'ECR' : 'private'}${
    server.username === undefined ? '' : `, user ${server.username}`
  }${server.credentialsSecretArn === undefined ? '' : ', secret'} · used by ${server.services.length === 0 ? 'no service yet' : server.services.join(', ')}`;

/** The choices that make the wizard offer the application's servers (how many, and their names). */
export const serverChoices = (servers: readonly OfferedServer[]): Record<string, string> => ({
  [SERVERS_CHOICE]: String(servers.length),
  [SERVER_NAMES_CHOICE]: JSON.stringify(servers.map((server) => server.name)),
});

/** The save step's line when the answers define a new server of the application (undefined otherwise). */
export function newServerLine(answers: WizardAnswers, choices: Readonly<Record<string, string>>): string | undefined {
  const chosen = choices[SERVER_CHOICE];
  if (answers.artifactServer === undefined || (chosen !== undefined && chosen !== NEW_SERVER)) return undefined;
  const application = answers.application ?? 'the application';
  return `Saving also defines the artifact server ${answers.artifactServer} of ${application} (${answers.registryHost ?? ''}): its other services can choose it (ecs-wizard apps servers ${application})`;
}

/**
 * 3. The application's artifact servers first (the guide's "Source Server": a registry defined once, used by every
 * service of the application): one of them — its registry, host, user name and private registry authentication — or a
 * new registry. Using one answers the registry questions (SERVER_STEPS are skipped; the image and tag are still asked);
 * a new one is asked as before and saved as a new server of the application (artifact-server-name). Asked only when
 * the application has servers. Its flag: --artifact-server NAME (with --registry: a new server of that name).
 */
import {ARTIFACT_SERVER_NAME} from '../../../domain/artifact-servers.js';
import {
  answersOfServer,
  NEW_SERVER,
  newRegistryAnswers,
  SERVER_CHOICE,
  SERVER_NAMES_CHOICE,
  SERVER_STEPS,
  serverDetail,
  SERVERS_CHOICE,
  type OfferedServer,
} from '../application-servers.js';
import type {Question} from '../question.js';

const LISTED = 'application servers';
const NEW_ROW = {value: NEW_SERVER, label: 'A new registry…', detail: 'asked next, then saved as a server of the application'};

/** Flags that say what a server says: given with a defined server, they contradict it. */
const REGISTRY_FLAGS = ['registry', 'registry-username', 'credentials-secret', 'kms-key'] as const;

export const artifactServer: Question = {
  id: 'artifact-server',
  section: 2,
  label: 'Source server',
  applies: (ctx) => Number(ctx.choices[SERVERS_CHOICE] ?? '0') > 0,
  summary: (ctx) => {
    const chosen = ctx.choices[SERVER_CHOICE];
    return chosen === undefined || chosen === NEW_SERVER ? 'a new registry' : `${chosen} (the application's: ${ctx.answers.registryHost ?? ''})`;
  },
  help: [
    "In the setup guide a service's Artifact Source names a Source Server: an Artifact Server defined once (Add Artifact Servers) and used by every service that pulls from it.",
    "An application's artifact server holds the registry (Docker Hub, a private Docker Registry HTTP API v2 server or Amazon ECR), its address, for a private registry the user name, and the private registry authentication: the Secrets Manager secret the tasks pull with and its KMS key. Never a password.",
    'Choosing one gives this service those settings; the image and the tag are still this service’s own. A change to the server later (ecs-wizard apps server-edit) is a change for every service that uses it.',
  ],
  prompt: ({ctx, services, memo}) => ({
    kind: 'picker',
    label: `Source server: use one of ${ctx.answers.application ?? 'the application'}'s registries, or a new one`,
    hint: "The application's artifact servers are shared by its services.",
    what: "the application's artifact servers",
    load: async () => {
      if (services.artifactServers === undefined || ctx.answers.application === undefined) return {ok: true, items: []};
      const listing = await services.artifactServers(ctx.answers.application);
      if (!listing.ok) return listing;
      memo.set(LISTED, listing.items);
      // The application's registries first, then a new one.
      return {ok: true, items: [...listing.items.map((server) => ({value: server.name, label: server.name, detail: serverDetail(server)})), NEW_ROW]};
    },
    // When the servers cannot be listed, a new registry can still be asked.
    extra: (listed) => (listed === undefined ? [NEW_ROW] : []),
    initial: ctx.choices[SERVER_CHOICE],
    submit: ([value]) => {
      const listed = (memo.get(LISTED) as OfferedServer[] | undefined) ?? [];
      const names = JSON.stringify(listed.map((server) => server.name));
      if (value === NEW_SERVER)
        return {answers: newRegistryAnswers(ctx.answers, ctx.choices[SERVER_CHOICE]), choices: {[SERVER_CHOICE]: NEW_SERVER, [SERVER_NAMES_CHOICE]: names}};
      const server = listed.find((candidate) => candidate.name === value);
      if (server === undefined) return undefined;
      return {answers: answersOfServer(server, ctx.answers), choices: {[SERVER_CHOICE]: server.name, [SERVER_NAMES_CHOICE]: names}};
    },
  }),
  flags: [
    {
      name: 'artifact-server',
      type: 'string',
      value: 'NAME',
      description: "the application's artifact server to pull from (ecs-wizard apps servers APP); with --registry: a new server of that name",
    },
  ],
  fromFlags(draft) {
    const name = draft.value('artifact-server');
    if (name === undefined) return;
    if (!ARTIFACT_SERVER_NAME.test(name)) {
      draft.fail('--artifact-server', `"${name}" is not an artifact server name: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit`);
      return;
    }
    const servers = draft.artifactServers ?? [];
    const server = servers.find((candidate) => candidate.name === name);
    if (server !== undefined) {
      const given = [...REGISTRY_FLAGS.filter((flag) => draft.value(flag) !== undefined), ...(draft.isSet('anonymous-registry') ? ['anonymous-registry'] : [])];
      if (given.length > 0) {
        draft.fail(
          '--artifact-server',
          `the application's server ${name} defines the registry (${server.host}): leave out ${given.map((flag) => `--${flag}`).join(', ')} (change the server for every service with: ecs-wizard apps server-edit ${name})`,
        );
        return;
      }
      draft.answers = answersOfServer({...server}, draft.answers);
      for (const step of SERVER_STEPS) draft.given[step] = '--artifact-server';
      draft.given['artifact-server'] = '--artifact-server';
      draft.choices[SERVER_CHOICE] = name;
      draft.notes.push(
        `--artifact-server ${name}: the application's registry ${server.host} (used by ${server.services.length === 0 ? 'no service yet' : server.services.join(', ')})`,
      );
      return;
    }
    if (draft.value('registry') === undefined) {
      const names = servers.map((candidate) => candidate.name);
      draft.fail(
        '--artifact-server',
        `the application has no artifact server ${name}${names.length === 0 ? '' : ` (its servers: ${names.join(', ')})`}: to define it, give --registry (and --registry-username, --credentials-secret) too`,
      );
      return;
    }
    // A new server of the application, defined by the registry flags.
    draft.answers = {...draft.answers, artifactServer: name};
    draft.given['artifact-server'] = '--artifact-server';
    draft.given['artifact-server-name'] = '--artifact-server';
    draft.choices[SERVER_CHOICE] = NEW_SERVER;
  },
};

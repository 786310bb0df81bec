/**
 * 3. A new registry is saved as a new artifact server of the application (the guide's "Add Artifact Servers"), so that
 * its other services can use it: its name, by default the host (`registry.example.com-5000`). Not asked for Docker Hub,
 * nor when the artifact uses one of the application's servers (artifact-server).
 */
import {ARTIFACT_SERVER_NAME, suggestServerName} from '../../../domain/artifact-servers.js';
import {bad, ok, type Checked} from '../answer-checks.js';
import {SERVER_NAMES_CHOICE} from '../application-servers.js';
import {textPrompt, type Question} from '../question.js';

const takenOf = (choices: Readonly<Record<string, string>>): string[] => {
  try {
    const parsed: unknown = JSON.parse(choices[SERVER_NAMES_CHOICE] ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
};

export function checkServerName(text: string, taken: readonly string[]): Checked<string> {
  const name = text.trim();
  if (!ARTIFACT_SERVER_NAME.test(name)) return bad("1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit, e.g. team-registry");
  if (taken.includes(name)) return bad(`the application already has a server named ${name}: choose it in the step before, or give another name`);
  return ok(name);
}

export const artifactServerName: Question = {
  id: 'artifact-server-name',
  section: 2,
  label: 'Server name',
  applies: (ctx) => ctx.answers.application !== undefined && (ctx.answers.registry === 'registry' || ctx.answers.registry === 'ecr'),
  summary: (ctx) =>
    ctx.answers.artifactServer === undefined
      ? 'none: this service keeps its own registry settings'
      : `${ctx.answers.artifactServer} (a new server of ${ctx.answers.application ?? 'the application'})`,
  help: [
    "The registry is saved as an artifact server of the application (the guide's Add Artifact Servers): its address, user name and, in step 8, the Secrets Manager secret the tasks pull with. The application's other services can then choose it instead of typing it again.",
    'A change to it later (ecs-wizard apps server-edit NAME) is a change for every service that uses it.',
  ],
  prompt: ({ctx}) => {
    const taken = takenOf(ctx.choices);
    const suggestion = suggestServerName({registry: ctx.answers.registry ?? 'registry', host: ctx.answers.registryHost ?? ''}, taken);
    return textPrompt({
      label: `Name of this registry as a server of ${ctx.answers.application ?? 'the application'}`,
      hint: 'Other services of the application can then use it. Enter takes the suggestion.',
      suggestion,
      initial: ctx.answers.artifactServer,
      validate: (text) => checkServerName(text === '' ? suggestion : text, taken),
      submit: (value) => ({answers: {...ctx.answers, artifactServer: value}}),
    });
  },
};

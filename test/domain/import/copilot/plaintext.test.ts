/**
 * Plaintext secrets of a Copilot profile: found with each environment's values in place (a value that differs per
 * environment is a config variable), and moved out with each environment's own value for its secret — the config
 * variables that held the value removed from the profile.
 */
import {expect, test} from 'vitest';
import {planService} from '../../../../source/domain/import/copilot/build.js';
import {readServiceManifest, type EnvironmentManifest} from '../../../../source/domain/import/copilot/manifest.js';
import {copilotPlaintextSecrets, planCopilotSecretMove} from '../../../../source/domain/import/copilot/plaintext.js';
import {parseYaml} from '../../../../source/domain/import/copilot/yaml.js';
import type {Profile} from '../../../../source/domain/model.js';

const FILE = 'copilot/worker/manifest.yml';
const environment = (name: string): EnvironmentManifest => ({
  name,
  file: `copilot/environments/${name}/manifest.yml`,
  publicSubnets: [],
  privateSubnets: [],
  notes: [],
});

function profileOf(yaml: string): Profile {
  const parsed = parseYaml(FILE, yaml);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  const manifest = readServiceManifest(FILE, 'worker', parsed.root);
  return planService({application: 'shop', environments: [environment('prod'), environment('test')], services: [manifest]}, manifest, {
    region: 'eu-west-1',
    now: '2026-12-06T00:00:00.000Z',
  }).profile!;
}

const MANIFEST =
  'name: worker\ntype: Backend Service\nimage:\n  location: nginx:1.27\nvariables:\n  LOG_LEVEL: info\n  DB_PASSWORD: t3st-Pa55w0rd-2024\nenvironments:\n  prod:\n    variables:\n      DB_PASSWORD: pr0d-Pa55w0rd-2025\n';

test('a secret whose value differs per environment is found (by the name the container renders to), never shown', () => {
  const profile = profileOf(MANIFEST);
  expect(profile.service.variables['env_DB_PASSWORD']).toBe('pr0d-Pa55w0rd-2025');
  expect(copilotPlaintextSecrets(profile).map((suspect) => `${suspect.container} ${suspect.name} = ${suspect.shown} (${suspect.reason})`)).toEqual([
    'worker DB_PASSWORD = (masked) (its name)',
  ]);
});

test('moved: each environment’s secret holds its own value; the profile refers to it and holds the value nowhere', () => {
  const move = planCopilotSecretMove(profileOf(MANIFEST), new Set(['DB_PASSWORD']));
  expect(move.secretStrings).toEqual({prod: '{"DB_PASSWORD":"pr0d-Pa55w0rd-2025"}', test: '{"DB_PASSWORD":"t3st-Pa55w0rd-2024"}'});
  expect(move.variable).toBe('secretsArn');
  expect(move.moved).toEqual(['DB_PASSWORD']);
  const text = JSON.stringify(move.profile);
  expect(text).not.toContain('Pa55w0rd');
  expect(move.profile.service.variables['env_DB_PASSWORD']).toBeUndefined();
  const spec = JSON.parse(move.profile.service.containerSpec.mode === 'json' ? move.profile.service.containerSpec.json : '{}') as {
    containerDefinitions: Array<{secrets: unknown}>;
  };
  expect(spec.containerDefinitions[0]!.secrets).toEqual([{name: 'DB_PASSWORD', valueFrom: '${serviceVariable.secretsArn}:DB_PASSWORD::'}]);
  expect(copilotPlaintextSecrets(move.profile)).toEqual([]);
});

/**
 * The corpus (test/fixtures/, sources in test/fixtures/README.md): real-world task definitions and services, each
 * imported as `ecs-wizard import --from-file` does (fileSource → planImport, the profile validated as the store
 * validates it on save) and rendered as `ecs-wizard render` prints it (renderDeployInputs). The rendered documents
 * must be the registrable input, every field — computed here independently of the code under test — and diff to
 * nothing against what ECS describes.
 *
 * A few fixtures are refused, each for a reason ECS itself has or for a plaintext secret (listed below with the
 * exact message): nothing else may be.
 */
import {describe, expect, test} from 'vitest';
import {diffPlan} from '../../source/domain/diff.js';
import type {JsonObject, JsonValue} from '../../source/domain/json.js';
import {validateProfile} from '../../source/domain/profile-schema/profile.js';
import {renderDeployInputs} from '../../source/operations/deploy/plan.js';
import {fileSource, planImport, suggestNames, type ImportPlan} from '../../source/operations/import.js';
import {createInput, familyOf, jsonFiles, read, registerInput, SERVICE_TASKS, SERVICES, TASKS} from '../helpers/corpus.js';

const NOW = '2026-02-01T00:00:00.000Z';

// ---------------------------------------------------------------------------------------------------
// import --from-file → render
// ---------------------------------------------------------------------------------------------------

function importFiles(files: Array<{name: string; text: string}>, family: string, serviceName?: string): ImportPlan {
  const {source} = fileSource(files);
  const names = suggestNames(serviceName === undefined ? {family} : {serviceName, family});
  return planImport(source!, {names, now: NOW, region: 'us-east-1'});
}

/** The profile as the store takes it (schema, credential scan), then the documents `render` prints. */
function renderImported(plan: ImportPlan): {taskDefinition: JsonObject; service: JsonObject} {
  expect(plan.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  const saved = validateProfile(plan.profile!);
  expect(saved.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  const profile = saved.profile!;
  const inputs = renderDeployInputs({profile, environment: profile.environments[0]!, allowIncompleteService: true});
  return {taskDefinition: inputs.taskDefinition, service: inputs.service};
}

/**
 * Refused, and why. Two do not register in ECS either (RegisterTaskDefinition: "At least one of 'memory' or
 * 'memoryReservation' must be specified"; "Fargate requires task definition to have execution role ARN to support
 * log driver awslogs"); two hold a plaintext secret (the published value), which a profile never stores: importing
 * them is the "move to Secrets Manager" step's work.
 */
const REFUSED: Record<string, {at: 'render' | 'save'; message: string}> = {
  'appmesh-gateway-depends-on.json': {
    at: 'render',
    message: 'On EC2 a container needs memory or memoryReservation when the task has no task-level memory',
  },
  'nginx-fargate.json': {at: 'render', message: 'Fargate tasks need a task execution role (to pull the image and write logs)'},
  'wordpress-mysql.json': {
    at: 'save',
    message:
      'json: "MYSQL_ROOT_PASSWORD" at containerDefinitions[1].environment[0] looks like a credential; credentials are never stored in a profile: use a Secrets Manager ARN instead (AWS access comes from the AWS credential chain)',
  },
  'splunk-otel-collector-daemon.json': {
    at: 'save',
    message:
      'json: "SPLUNK_ACCESS_TOKEN" at containerDefinitions[0].environment[0] looks like a credential; credentials are never stored in a profile: use a Secrets Manager ARN instead (AWS access comes from the AWS credential chain)',
  },
};

const taskFiles = jsonFiles(TASKS);

describe('task definitions: import --from-file → render gives back the registrable input, every field', () => {
  test('the corpus: at least 20 task definitions that round-trip', () => {
    expect(taskFiles.filter((file) => REFUSED[file] === undefined).length).toBeGreaterThanOrEqual(20);
  });

  test.each(taskFiles.filter((file) => REFUSED[file] === undefined))('%s', (file) => {
    const {text, value} = read(TASKS, file);
    const plan = importFiles([{name: file, text}], familyOf(value));
    const rendered = renderImported(plan);
    expect(rendered.taskDefinition).toEqual(registerInput(value));
    // And the diff against the revision as ECS describes it (with its tags) is empty.
    const described = {...(value['taskDefinition'] as JsonObject), tags: (value['tags'] ?? []) as JsonValue};
    expect(
      diffPlan({taskDefinition: {desired: rendered.taskDefinition, current: described}, service: {desired: {}, current: {}}}).taskDefinition.changes,
    ).toEqual([]);
  });

  test.each(Object.entries(REFUSED))('refused: %s', (file, {at, message}) => {
    const {text, value} = read(TASKS, file);
    const plan = importFiles([{name: file, text}], familyOf(value));
    if (at === 'save') {
      expect(
        validateProfile(plan.profile!)
          .issues.filter((issue) => issue.severity === 'error')
          .map((issue) => issue.message),
      ).toEqual([message]);
      return;
    }
    expect(() => renderDeployInputs({profile: plan.profile!, environment: plan.profile!.environments[0]!, allowIncompleteService: true})).toThrow(message);
  });
});

describe('services: import --from-file TASK --from-file SERVICE → render gives back the CreateService input, and no difference', () => {
  test('every service fixture is paired with its task definition', () => {
    expect(jsonFiles(SERVICES)).toEqual(Object.keys(SERVICE_TASKS));
  });

  test.each(Object.entries(SERVICE_TASKS))('%s (running %s)', (file, taskFile) => {
    const task = read(TASKS, taskFile);
    const service = read(SERVICES, file);
    const described = (service.value['services'] as JsonObject[])[0]!;
    const plan = importFiles(
      [
        {name: taskFile, text: task.text},
        {name: file, text: service.text},
      ],
      familyOf(task.value),
      String(described['serviceName']),
    );
    expect(plan.profile?.service.adopted).toBe(true);
    const rendered = renderImported(plan);
    expect(rendered.taskDefinition).toEqual(registerInput(task.value));
    expect(rendered.service).toEqual(createInput(described, familyOf(task.value)));
    const diff = diffPlan({
      taskDefinition: {
        desired: rendered.taskDefinition,
        current: {...(task.value['taskDefinition'] as JsonObject), tags: (task.value['tags'] ?? []) as JsonValue},
      },
      service: {desired: rendered.service, current: described},
    });
    expect([...diff.taskDefinition.changes, ...diff.service.changes]).toEqual([]);
  });
});

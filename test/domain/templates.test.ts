import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {defaultServiceSpec} from '../../source/domain/defaults.js';
import {parseJsonText} from '../../source/domain/json-text.js';
import type {JsonValue} from '../../source/domain/json.js';
import type {Profile} from '../../source/domain/model.js';
import {findPlaceholders, substitutePlaceholders} from '../../source/domain/placeholders.js';
import {privateRegistryPolicy} from '../../source/domain/policy.js';
import {render} from '../../source/domain/render.js';
import {renderAndValidate} from '../../source/domain/render-and-validate.js';
import {TEMPLATES, TEMPLATE_NAMES, findTemplate, templatePath, templatesFor} from '../../source/domain/templates.js';
import type {TemplateInfo} from '../../source/domain/templates.js';
import {ec2FormProfile, fargateJsonProfile} from '../helpers/profile-fixtures.js';

const root = join(import.meta.dirname, '..', '..');
const readTemplate = (template: TemplateInfo): string => readFileSync(join(root, templatePath(template.name)), 'utf8');
const exampleVariables = (template: TemplateInfo): Record<string, string> =>
  Object.fromEntries(Object.entries(template.variables).map(([name, variable]) => [name, variable.example]));

/** A profile using the template, in an environment its launch type suits. */
function profileWith(template: TemplateInfo): Profile {
  const launchType = template.launchType ?? 'FARGATE';
  const profile = launchType === 'EC2' ? ec2FormProfile() : fargateJsonProfile();
  const others = launchType === 'EC2' ? findTemplate('container-ec2') : findTemplate('container-fargate');
  const container = template.kind === 'containerSpec' ? template : others!;
  profile.service.containerSpec = {mode: 'json', json: readTemplate(container)};
  profile.service.serviceSpec = template.kind === 'serviceSpec' ? readTemplate(template) : defaultServiceSpec();
  profile.service.variables = {...exampleVariables(container), ...exampleVariables(template)};
  profile.environments = profile.environments.map((environment) => ({...environment, overrides: {}}));
  return profile;
}

describe('templates', () => {
  test('every file in templates/ is listed, and every listed template has its file', () => {
    const files = readdirSync(join(root, 'templates'))
      .filter((file) => file.endsWith('.json'))
      .sort();
    expect(files).toEqual(TEMPLATE_NAMES.map((name) => `${name}.json`).sort());
    expect(TEMPLATES.map((template) => template.name)).toEqual([...TEMPLATE_NAMES]);
  });

  test.each(TEMPLATES.map((template) => [template.name, template]))('%s parses and names exactly the variables it declares', (_name, template) => {
    const parsed = parseJsonText(readTemplate(template), 'containerSpec');
    expect(parsed.issues).toEqual([]);
    const used = new Set(findPlaceholders(parsed.value as JsonValue).flatMap((use) => (use.variable === undefined ? [] : [use.variable])));
    expect([...used].sort()).toEqual(Object.keys(template.variables).sort());
    expect(findPlaceholders(parsed.value as JsonValue).filter((use) => use.kind === 'unknown')).toEqual([]);
  });

  test.each(TEMPLATES.filter((template) => template.kind !== 'policy').map((template) => [template.name, template]))(
    '%s renders within a fixture profile with no issues',
    (_name, template) => {
      const profile = profileWith(template);
      const result = renderAndValidate({profile, environment: profile.environments[0]!.name});
      expect(result.issues).toEqual([]);
      expect(result.taskDefinition).toBeDefined();
      expect(result.service).toBeDefined();
    },
  );

  test('container-fargate renders the awslogs options as strings, the port as a number', () => {
    const profile = profileWith(findTemplate('container-fargate')!);
    const task = render({profile, environment: 'staging'}).taskDefinition;
    expect(task).toMatchObject({
      cpu: '256',
      memory: '512',
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      containerDefinitions: [
        {
          portMappings: [{containerPort: 80, protocol: 'tcp'}],
          logConfiguration: {
            logDriver: 'awslogs',
            options: {'awslogs-group': '/ecs/my-service', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs'},
          },
        },
      ],
    });
  });

  test("service-discovery renders the seed's serviceRegistries with a numeric containerPort", () => {
    const profile = profileWith(findTemplate('service-discovery')!);
    expect(
      renderAndValidate({
        profile,
        environment: 'staging',
        discoveryRecordTypes: {[exampleVariables(findTemplate('service-discovery')!).registryArn!]: ['SRV']},
      }),
    ).toMatchObject({
      issues: [],
      service: {
        serviceRegistries: [
          {registryArn: 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-jwyz2x4igkxckqno', containerName: 'team_web-api_1_4_2', containerPort: 80},
        ],
      },
    });
  });

  test('service-replica is the default service specification', () => {
    expect(parseJsonText(readTemplate(findTemplate('service-replica')!), 'serviceSpec').value).toEqual(JSON.parse(defaultServiceSpec('REPLICA')));
    expect(parseJsonText(readTemplate(findTemplate('service-daemon')!), 'serviceSpec').value).toEqual(JSON.parse(defaultServiceSpec('DAEMON')));
  });

  test('private-registry-policy renders to the policy the wizard attaches', () => {
    const template = findTemplate('private-registry-policy')!;
    const parsed = parseJsonText(readTemplate(template), 'profile');
    const variables = exampleVariables(template);
    const rendered = substitutePlaceholders(parsed.value as JsonValue, {variables}, {source: 'profile', document: 'service', unquoted: parsed.unquoted});
    expect(rendered.issues).toEqual([]);
    expect(rendered.value).toEqual(
      privateRegistryPolicy({credentialsSecretArn: variables.registryCredentialsSecretArn!, kmsKeyArn: variables.registryKmsKeyArn}),
    );
  });

  test('templatesFor picks by kind and launch type', () => {
    expect(templatesFor('containerSpec', 'EC2').map((template) => template.name)).toEqual(['container-ec2']);
    expect(templatesFor('serviceSpec', 'FARGATE').map((template) => template.name)).toEqual(['service-replica', 'service-discovery']);
    expect(templatesFor('serviceSpec', 'EC2').map((template) => template.name)).toEqual(['service-replica', 'service-daemon', 'service-discovery']);
    expect(templatesFor('policy').map((template) => template.name)).toEqual(['private-registry-policy']);
  });
});

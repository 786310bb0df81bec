import {describe, expect, test} from 'vitest';
import type {JsonObject} from '../../source/domain/json.js';
import {renderAndValidate} from '../../source/domain/render-and-validate.js';
import {InputError} from '../../source/errors.js';
import {planContainerReplacement, type ImportSource} from '../../source/operations/import.js';
import {
  applySecretDecisions,
  applySecretPolicies,
  decisionsFromFlags,
  executionRoleOf,
  plaintextSecretsOf,
  secretPolicies,
  type SecretDecision,
} from '../../source/operations/import-secrets.js';
import type {IamPort} from '../../source/ports/iam.js';
import type {NewSecret, SecretSummary, SecretsPort} from '../../source/ports/secrets.js';
import {EXECUTION_ROLE_ARN, fargateJsonProfile} from '../helpers/profile-fixtures.js';

const NOW = '2026-02-01T10:00:00.000Z';
const AKID = 'AKIAIOSFODNN7EXAMPLE';

/** web-api:9 with a database password and an access key in plain text. */
function source(role = EXECUTION_ROLE_ARN): ImportSource {
  const taskDefinition: JsonObject = {
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web-api:9',
    family: 'web-api',
    executionRoleArn: role,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    containerDefinitions: [
      {
        name: 'web',
        image: 'registry.example.com:5000/team/web-api:1.5.0',
        essential: true,
        portMappings: [{containerPort: 8080, protocol: 'tcp'}],
        environment: [
          {name: 'DB_PASSWORD', value: 'hunter2-Very-S3cret'},
          {name: 'UPLOAD_KEY_ID', value: AKID},
        ],
      },
    ],
  };
  return {label: 'web-api:9', taskDefinitionText: JSON.stringify({taskDefinition}), taskDefinition};
}

function fakeSecrets(existing: SecretSummary[] = []) {
  const created: NewSecret[] = [];
  const port: SecretsPort = {
    describeSecret: async (name) => existing.find((secret) => secret.name === name),
    listSecrets: async () => existing,
    createSecret: async (secret) => {
      created.push(secret);
      return {arn: `arn:aws:secretsmanager:us-east-1:123456789012:secret:${secret.name}-Ab12Cd`, name: secret.name};
    },
    putSecretValue: async () => undefined,
  };
  return {port, created};
}

describe('plaintext secrets of an import plan', () => {
  const plan = planContainerReplacement(fargateJsonProfile(), source(), {now: NOW});

  test('suspects come from the planned container specification; a key by its shape must move', () => {
    expect(plaintextSecretsOf(plan).map((suspect) => [suspect.name, suspect.shown, suspect.mustMove])).toEqual([
      ['DB_PASSWORD', '(masked)', undefined],
      ['UPLOAD_KEY_ID', 'AKIA…', 'an AWS access key id'],
    ]);
  });

  test('flags: --keep-plaintext on a key by its shape is a problem; --move-secrets decides the rest', () => {
    const suspects = plaintextSecretsOf(plan);
    expect(decisionsFromFlags(suspects, {move: false, keep: ['UPLOAD_KEY_ID']}).problems).toEqual([
      '--keep-plaintext UPLOAD_KEY_ID: its value looks like an AWS access key id, which is never kept in a profile: move it (--move-secrets) or remove it',
    ]);
    const decided = decisionsFromFlags(suspects, {move: true, keep: ['DB_PASSWORD']});
    expect([...decided.decisions]).toEqual([
      ['DB_PASSWORD', 'keep'],
      ['UPLOAD_KEY_ID', 'move'],
    ]);
    expect(decided.undecided).toEqual([]);
    expect(decisionsFromFlags(suspects, {move: false, keep: []}).undecided).toEqual(['DB_PASSWORD', 'UPLOAD_KEY_ID']);
  });

  test('a profile with two environments: a secret for each, each environment names its own in an override; both render', async () => {
    const secrets = fakeSecrets();
    const decisions = new Map<string, SecretDecision>([
      ['DB_PASSWORD', 'move'],
      ['UPLOAD_KEY_ID', 'move'],
    ]);
    const regions: string[] = [];
    const result = await applySecretDecisions(plan, decisions, {
      secrets: async (region) => {
        regions.push(region);
        return secrets.port;
      },
      label: 'web-api:9',
    });
    expect(secrets.created.map((secret) => secret.name)).toEqual(['ecs-wizard/web-api/staging', 'ecs-wizard/web-api/production']);
    expect(regions).toEqual(['us-east-1', 'us-east-1']);
    const profile = result.plan.profile!;
    expect(profile.environments.map((environment) => environment.overrides['secretsArn'])).toEqual([
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:ecs-wizard/web-api/staging-Ab12Cd',
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:ecs-wizard/web-api/production-Ab12Cd',
    ]);
    for (const environment of ['staging', 'production']) {
      const rendered = renderAndValidate({profile, environment});
      expect(rendered.issues.filter((issue) => issue.path.includes('secrets'))).toEqual([]);
      expect(JSON.stringify(rendered.taskDefinition)).not.toContain('hunter2');
      expect(JSON.stringify(rendered.taskDefinition)).toContain(`secret:ecs-wizard/web-api/${environment}-Ab12Cd:DB_PASSWORD::`);
    }
    // An environment added later has no secret of its own: it does not render, naming the variable.
    const added = {...profile, environments: [...profile.environments, {...profile.environments[0]!, name: 'qa', overrides: {}}]};
    expect(
      renderAndValidate({profile: added, environment: 'qa'})
        .issues.map((issue) => issue.message)
        .join('\n'),
    ).toContain('secretsArn');
  });

  test('keeping records the names; a secret scheduled for deletion is refused with the way out', async () => {
    const kept = await applySecretDecisions(plan, new Map([['DB_PASSWORD', 'keep']]), {label: 'x'});
    expect(kept.plan.profile?.service.plaintextVariables).toEqual(['DB_PASSWORD']);
    expect(kept.secrets).toEqual([]);
    const deleted = fakeSecrets([
      {arn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:ecs-wizard/web-api/staging-Zz', name: 'ecs-wizard/web-api/staging', deletedAt: NOW},
    ]);
    const refused = applySecretDecisions(plan, new Map([['DB_PASSWORD', 'move']]), {secrets: async () => deleted.port, label: 'x'});
    await expect(refused).rejects.toThrow(InputError);
    await expect(refused).rejects.toThrow('the secret ecs-wizard/web-api/staging is scheduled for deletion');
  });

  test("the execution role: a literal ARN in the specification wins over the environment's; without one, the policy is printed with what to do", async () => {
    const literal = 'arn:aws:iam::123456789012:role/web-api-private';
    const replaced = planContainerReplacement(
      {...fargateJsonProfile(), environments: fargateJsonProfile().environments.map((environment) => ({...environment, executionRoleArn: EXECUTION_ROLE_ARN}))},
      source(literal),
      {now: NOW},
    );
    expect(executionRoleOf(replaced.profile!, 'staging')).toBe(literal);
    const policies = secretPolicies(replaced.profile!, [
      {
        environment: 'staging',
        arn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:s-Ab12Cd',
        name: 's',
        created: true,
        variables: ['DB_PASSWORD'],
        variable: 'secretsArn',
      },
    ]);
    expect(policies.map((policy) => [policy.role, policy.policyName])).toEqual([[literal, 'ecs-wizard-secrets-web-api-staging']]);
    const put: string[] = [];
    const iam = {putRolePolicy: async (role: string, name: string) => void put.push(`${role} ${name}`)} as unknown as IamPort;
    expect(await applySecretPolicies(policies, {apply: true, iam: async () => iam})).toEqual([
      `put the inline policy ecs-wizard-secrets-web-api-staging on ${literal} (secretsmanager:GetSecretValue)`,
    ]);
    expect(put).toEqual([`${literal} ecs-wizard-secrets-web-api-staging`]);
    const withoutRole = await applySecretPolicies(
      [{...policies[0]!, role: undefined}].map(({role: _role, ...rest}) => rest),
      {apply: true},
    );
    expect(withoutRole[0]).toContain('environment staging: the task definition has no execution role, which ECS needs to read secrets');
  });
});

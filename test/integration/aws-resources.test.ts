import {CreateLogGroupCommand} from '@aws-sdk/client-cloudwatch-logs';
import {CreateVpcCommand} from '@aws-sdk/client-ec2';
import {CreateRepositoryCommand, PutImageCommand} from '@aws-sdk/client-ecr';
import {AttachRolePolicyCommand, CreatePolicyCommand, CreateRoleCommand, PutRolePolicyCommand} from '@aws-sdk/client-iam';
import {CreateSecretCommand} from '@aws-sdk/client-secrets-manager';
import {CreatePrivateDnsNamespaceCommand, CreateServiceCommand, GetOperationCommand} from '@aws-sdk/client-servicediscovery';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {createAwsClientFactory} from '../../source/adapters/aws/client-factory.js';
import {createDiscoveryPort} from '../../source/adapters/aws/discovery.js';
import {createEcrRegistryPort} from '../../source/adapters/aws/ecr.js';
import {createIamPort} from '../../source/adapters/aws/iam.js';
import {createLogsPort} from '../../source/adapters/aws/logs.js';
import {createSecretsPort} from '../../source/adapters/aws/secrets.js';
import {createRegistryPort} from '../../source/adapters/registry/index.js';
import type {ArtifactSource} from '../../source/domain/model.js';
import {ECS_TASK_EXECUTION_ROLE_POLICY_ARN, executionRoleTrustPolicy, privateRegistryPolicy, PRIVATE_REGISTRY_POLICY_NAME} from '../../source/domain/policy.js';
import {AwsError} from '../../source/errors.js';
import {RegistryError} from '../../source/ports/registry.js';
import {CLOSED_ENDPOINT, motoEnv, useMoto} from '../helpers/moto.js';

/**
 * The AWS-resource ports (IAM, Secrets Manager, Cloud Map, CloudWatch Logs, ECR as a registry) through the real
 * SDK against moto: resources are made with the SDK directly, then read back through the adapters.
 */
describe('AWS resource ports on the SDK', () => {
  const moto = useMoto();
  const factory = createAwsClientFactory({env: moto.env, userAgent: 'ecs-wizard/test'});
  afterAll(() => factory.destroy());

  describe('IamPort', () => {
    const s3Policy = {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*'}]};
    let customPolicyArn: string;

    beforeAll(async () => {
      if (moto.skipped) return;
      const iam = await factory.iam();
      await iam.send(
        new CreateRoleCommand({RoleName: 'existing-exec', Path: '/service/', AssumeRolePolicyDocument: JSON.stringify(executionRoleTrustPolicy())}),
      );
      await iam.send(
        new CreateRoleCommand({
          RoleName: 'lambda-role',
          AssumeRolePolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{Effect: 'Allow', Principal: {Service: 'lambda.amazonaws.com'}, Action: 'sts:AssumeRole'}],
          }),
        }),
      );
      await iam.send(new AttachRolePolicyCommand({RoleName: 'existing-exec', PolicyArn: ECS_TASK_EXECUTION_ROLE_POLICY_ARN}));
      const custom = await iam.send(new CreatePolicyCommand({PolicyName: 'read-bucket', PolicyDocument: JSON.stringify(s3Policy)}));
      customPolicyArn = custom.Policy?.Arn ?? '';
      await iam.send(new AttachRolePolicyCommand({RoleName: 'existing-exec', PolicyArn: customPolicyArn}));
      await iam.send(new PutRolePolicyCommand({RoleName: 'existing-exec', PolicyName: 'inline-one', PolicyDocument: JSON.stringify(s3Policy)}));
    });

    test('getRole by name and by ARN: trust policy decoded, ECS trust recognised; a missing role is undefined', async () => {
      const iam = await createIamPort(factory);
      const role = await iam.getRole('existing-exec');
      expect(role).toMatchObject({name: 'existing-exec', trustsEcsTasks: true, trustPolicy: executionRoleTrustPolicy(), path: '/service/'});
      expect(role?.arn).toMatch(/^arn:aws:iam::\d{12}:role\/service\/existing-exec$/);
      expect(await iam.getRole(role?.arn ?? '')).toEqual(role);
      expect((await iam.getRole('lambda-role'))?.trustsEcsTasks).toBe(false);
      expect(await iam.getRole('no-such-role')).toBeUndefined();
      expect(await iam.getRole('arn:aws:iam::123456789012:role/no-such-role')).toBeUndefined();
    });

    test('rolePolicyDocuments: inline, then attached managed policies with their default version (AWS managed included)', async () => {
      const iam = await createIamPort(factory);
      const documents = await iam.rolePolicyDocuments('existing-exec');
      expect(documents.map(({source, name, arn}) => ({source, name, arn}))).toEqual([
        {source: 'inline', name: 'inline-one', arn: undefined},
        {source: 'managed', name: 'AmazonECSTaskExecutionRolePolicy', arn: ECS_TASK_EXECUTION_ROLE_POLICY_ARN},
        {source: 'managed', name: 'read-bucket', arn: customPolicyArn},
      ]);
      expect(documents[0]?.document).toEqual(s3Policy);
      expect(documents[2]?.document).toEqual(s3Policy);
      // The AWS managed policy's real document (moto loads them with MOTO_IAM_LOAD_MANAGED_POLICIES=true).
      expect(JSON.stringify(documents[1]?.document)).toContain('ecr:GetAuthorizationToken');
      expect(JSON.stringify(documents[1]?.document)).toContain('logs:PutLogEvents');
      expect(await iam.rolePolicyDocuments('no-such-role')).toEqual([]);
    });

    test('listRoles, all or only those ECS tasks can assume', async () => {
      const iam = await createIamPort(factory);
      const names = (await iam.listRoles()).map((role) => role.name);
      expect(names).toEqual(expect.arrayContaining(['existing-exec', 'lambda-role']));
      const ecsRoles = (await iam.listRoles({trustingEcsTasks: true})).map((role) => role.name);
      expect(ecsRoles).toContain('existing-exec');
      expect(ecsRoles).not.toContain('lambda-role');
    });

    test('createExecutionRole: trusts ecs-tasks and carries AmazonECSTaskExecutionRolePolicy; then putRolePolicy adds the registry policy', async () => {
      const iam = await createIamPort(factory);
      const created = await iam.createExecutionRole('wizard-exec');
      expect(created).toMatchObject({name: 'wizard-exec', trustsEcsTasks: true});
      expect(created.arn).toMatch(/:role\/wizard-exec$/);
      expect((await iam.getRole('wizard-exec'))?.trustPolicy).toEqual(executionRoleTrustPolicy());
      expect(await iam.rolePolicyDocuments('wizard-exec')).toEqual([
        expect.objectContaining({source: 'managed', name: 'AmazonECSTaskExecutionRolePolicy', arn: ECS_TASK_EXECUTION_ROLE_POLICY_ARN}),
      ]);

      const policy = privateRegistryPolicy({credentialsSecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:hub-AbCdEf'});
      await iam.putRolePolicy(created.arn, PRIVATE_REGISTRY_POLICY_NAME, policy);
      const documents = await iam.rolePolicyDocuments('wizard-exec');
      expect(documents[0]).toEqual({source: 'inline', name: PRIVATE_REGISTRY_POLICY_NAME, document: policy});
      expect(documents).toHaveLength(2);

      // A second role of the same name is an AwsError, not a crash.
      await expect(iam.createExecutionRole('wizard-exec')).rejects.toBeInstanceOf(AwsError);
    });

    test('createExecutionRole: when the policy cannot be attached, the role is removed again and the error says so', async () => {
      const iam = await createIamPort(factory);
      const missing = 'arn:aws:iam::aws:policy/service-role/NoSuchPolicyForEcsWizard';
      const error = await iam.createExecutionRole('half-made-exec', {managedPolicyArn: missing}).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AwsError);
      expect((error as AwsError).message).toMatch(
        new RegExp(`^could not attach ${missing} to the new IAM role half-made-exec \\(.+\\); the role was removed again, so nothing changed in IAM$`),
      );
      expect(await iam.getRole('half-made-exec')).toBeUndefined();
    });

    test('simulatePrincipalPolicy: moto does not implement it → unavailable, never an error', async () => {
      const iam = await createIamPort(factory);
      const role = await iam.getRole('existing-exec');
      expect(
        await iam.simulatePrincipalPolicy(role?.arn ?? '', ['secretsmanager:GetSecretValue'], ['arn:aws:secretsmanager:us-east-1:123456789012:secret:x']),
      ).toBe('unavailable');
    });
  });

  describe('SecretsPort', () => {
    let plainArn: string;
    let kmsArn: string;
    const keyArn = 'arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555';

    beforeAll(async () => {
      if (moto.skipped) return;
      const secrets = await factory.client('secretsmanager');
      plainArn = (await secrets.send(new CreateSecretCommand({Name: 'registry/hub', SecretString: '{"username":"u","password":"p"}'}))).ARN ?? '';
      kmsArn = (await secrets.send(new CreateSecretCommand({Name: 'registry/private', SecretString: '{}', KmsKeyId: keyArn}))).ARN ?? '';
    });

    test('describeSecret by ARN or name: name and customer KMS key; a missing secret is undefined', async () => {
      const secrets = await createSecretsPort(factory);
      const plain = await secrets.describeSecret(plainArn);
      expect(plain).toMatchObject({arn: plainArn, name: 'registry/hub'});
      expect(plain?.kmsKeyId).toBeUndefined();
      expect(await secrets.describeSecret('registry/private')).toMatchObject({arn: kmsArn, name: 'registry/private', kmsKeyId: keyArn});
      expect(await secrets.describeSecret('arn:aws:secretsmanager:us-east-1:123456789012:secret:nope-AbCdEf')).toBeUndefined();
    });

    test('listSecrets', async () => {
      const secrets = await createSecretsPort(factory);
      expect((await secrets.listSecrets()).map((secret) => secret.name).sort()).toEqual(['registry/hub', 'registry/private']);
    });
  });

  describe('DiscoveryPort', () => {
    let namespaceId: string;
    let srvArn: string;
    let aArn: string;

    beforeAll(async () => {
      if (moto.skipped) return;
      const ec2 = await factory.client('ec2');
      const vpc = await ec2.send(new CreateVpcCommand({CidrBlock: '10.20.0.0/16'}));
      const discovery = await factory.client('servicediscovery');
      const operation = await discovery.send(new CreatePrivateDnsNamespaceCommand({Name: 'internal.test', Vpc: vpc.Vpc?.VpcId ?? ''}));
      const done = await discovery.send(new GetOperationCommand({OperationId: operation.OperationId ?? ''}));
      namespaceId = done.Operation?.Targets?.NAMESPACE ?? '';
      const create = async (name: string, type: 'SRV' | 'A'): Promise<string> =>
        (await discovery.send(new CreateServiceCommand({Name: name, NamespaceId: namespaceId, DnsConfig: {DnsRecords: [{Type: type, TTL: 60}]}}))).Service
          ?.Arn ?? '';
      srvArn = await create('api', 'SRV');
      aArn = await create('web', 'A');
    });

    test('getService by registry ARN: SRV or A records; a missing service is undefined', async () => {
      const discovery = await createDiscoveryPort(factory);
      expect(await discovery.getService(srvArn)).toMatchObject({arn: srvArn, name: 'api', namespaceId, recordTypes: ['SRV']});
      expect(await discovery.getService(aArn)).toMatchObject({arn: aArn, name: 'web', recordTypes: ['A']});
      expect((await discovery.getService(srvArn))?.id).toMatch(/^srv-/);
      expect(await discovery.getService('arn:aws:servicediscovery:us-east-1:123456789012:service/srv-doesnotexist0000')).toBeUndefined();
    });

    test('listNamespaces and listServices (of one namespace)', async () => {
      const discovery = await createDiscoveryPort(factory);
      expect(await discovery.listNamespaces()).toEqual([expect.objectContaining({id: namespaceId, name: 'internal.test', type: 'DNS_PRIVATE'})]);
      const services = await discovery.listServices(namespaceId);
      expect(services.map((service) => [service.name, service.recordTypes]).sort()).toEqual([
        ['api', ['SRV']],
        ['web', ['A']],
      ]);
      expect((await discovery.listServices()).map((service) => service.arn).sort()).toEqual([srvArn, aArn].sort());
    });
  });

  describe('LogsPort', () => {
    beforeAll(async () => {
      if (moto.skipped) return;
      const logs = await factory.client('logs');
      await logs.send(new CreateLogGroupCommand({logGroupName: '/ecs/web'}));
      await logs.send(new CreateLogGroupCommand({logGroupName: '/ecs/web-worker'}));
    });

    test('logGroupExists is exact (not a prefix match); createLogGroup is idempotent', async () => {
      const logs = await createLogsPort(factory);
      expect(await logs.logGroupExists('/ecs/web')).toBe(true);
      expect(await logs.logGroupExists('/ecs/we')).toBe(false);
      expect(await logs.logGroupExists('/ecs/api')).toBe(false);
      await logs.createLogGroup('/ecs/api');
      await logs.createLogGroup('/ecs/api');
      expect(await logs.logGroupExists('/ecs/api')).toBe(true);
    });
  });

  describe('RegistryPort for ECR', () => {
    const host = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
    const ecrArtifact: ArtifactSource = {registry: 'ecr', host, image: 'team/api'};
    const digests: Record<string, string> = {};

    const manifest = (seed: string): string =>
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        config: {mediaType: 'application/vnd.docker.container.image.v1+json', size: 100 + seed.length, digest: `sha256:${seed.padEnd(64, '0')}`},
        layers: [],
      });

    beforeAll(async () => {
      if (moto.skipped) return;
      const ecr = await factory.client('ecr');
      await ecr.send(new CreateRepositoryCommand({repositoryName: 'team/api'}));
      // Pushed one after the other: 1.0 (with `stable`) first, then 1.1.
      for (const [tag, seed] of [
        ['1.0', 'a'],
        ['stable', 'a'],
        ['1.1', 'b'],
      ] as const) {
        const pushed = await ecr.send(new PutImageCommand({repositoryName: 'team/api', imageManifest: manifest(seed), imageTag: tag}));
        digests[tag] = pushed.image?.imageId?.imageDigest ?? '';
      }
    });

    test('listTags: tags with push dates and digests, newest first', async () => {
      const port = createEcrRegistryPort(() => factory);
      const result = await port.listTags(ecrArtifact);
      expect(result.newestFirst).toBe(true);
      expect(new Set(result.tags.map((tag) => tag.tag))).toEqual(new Set(['1.0', 'stable', '1.1']));
      for (const tag of result.tags) {
        expect(tag.digest).toBe(digests[tag.tag]);
        expect(Number.isNaN(Date.parse(tag.pushedAt ?? ''))).toBe(false);
      }
      const dates = result.tags.map((tag) => tag.pushedAt ?? '');
      expect([...dates].sort().reverse()).toEqual(dates);
    });

    test('tagExists: exists with digest, missing, by digest; a missing repository is missing with the reason', async () => {
      const port = createRegistryPort({aws: () => factory});
      expect(await port.tagExists(ecrArtifact, '1.1')).toEqual({status: 'exists', digest: digests['1.1']});
      expect(await port.tagExists(ecrArtifact, '9.9')).toEqual({status: 'missing'});
      expect(await port.tagExists(ecrArtifact, digests['1.0'] ?? '')).toEqual({status: 'exists', digest: digests['1.0']});
      expect(await port.tagExists({...ecrArtifact, image: 'team/none'}, '1.0')).toEqual({
        status: 'missing',
        reason: 'ECR repository team/none not found',
      });
      const error = await port.listTags({...ecrArtifact, image: 'team/none'}).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RegistryError);
      expect(error).toMatchObject({kind: 'not-found'});
    });

    test('AWS unreachable: listTags throws RegistryError(unreachable), tagExists answers unknown', async () => {
      const offline = createAwsClientFactory({env: motoEnv(CLOSED_ENDPOINT), userAgent: 'ecs-wizard/test'});
      try {
        const port = createEcrRegistryPort(() => offline);
        const check = await port.tagExists(ecrArtifact, '1.0');
        expect(check).toMatchObject({status: 'unknown', kind: 'unreachable', reason: expect.stringContaining('cannot reach AWS')});
        await expect(port.listTags(ecrArtifact)).rejects.toMatchObject({name: 'RegistryError', kind: 'unreachable'});
      } finally {
        offline.destroy();
      }
    });
  });
});

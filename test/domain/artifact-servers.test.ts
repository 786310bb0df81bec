import {describe, expect, test} from 'vitest';
import {resolveProfile, storedProfileOf, type Application} from '../../source/domain/applications.js';
import {
  differingServerFields,
  resolveService,
  serverLabel,
  serverOfService,
  storedServiceOf,
  suggestServerName,
  type ArtifactServer,
} from '../../source/domain/artifact-servers.js';
import type {Profile} from '../../source/domain/model.js';
import {renderAndValidate} from '../../source/domain/render-and-validate.js';
import {REGISTRY_KMS_KEY_ARN, REGISTRY_SECRET_ARN, ec2FormProfile, fargateJsonProfile} from '../helpers/profile-fixtures.js';

const PRIVATE: ArtifactServer = {
  name: 'team-registry',
  registry: 'registry',
  host: 'registry.example.com:5000',
  username: 'deploy',
  credentialsSecretArn: REGISTRY_SECRET_ARN,
  kmsKeyArn: REGISTRY_KMS_KEY_ARN,
};

/** The fargate fixture (a private registry with a secret and a KMS key), naming the server. */
function onServer(): Profile {
  const profile = fargateJsonProfile({name: 'web', application: 'shop'});
  profile.service.artifact = {...profile.service.artifact, server: PRIVATE.name};
  return profile;
}

const applicationWith = (profile: Profile, servers: ArtifactServer[]): Application => ({
  name: profile.application,
  environments: profile.environments.map(({name, region, cluster, launchType, network, executionRoleArn}) => ({
    name,
    region,
    cluster,
    launchType,
    ...(network === undefined ? {} : {network}),
    ...(executionRoleArn === undefined ? {} : {executionRoleArn}),
  })),
  artifactServers: servers,
});

describe('a service that names an artifact server', () => {
  test("keeps only its own part (server, image, tag); the registry, host, user and secret are the server's", () => {
    const stored = storedServiceOf(onServer().service);
    expect(stored.artifact).toEqual({
      server: 'team-registry',
      image: fargateJsonProfile().service.artifact.image,
      tag: fargateJsonProfile().service.artifact.tag,
    });
    expect('registryAuth' in stored).toBe(false);
    expect(serverOfService(onServer().service)).toEqual(PRIVATE);
  });

  test('resolves to the very profile that was split (key order too), and renders byte for byte as the same service keeping its own settings', () => {
    const profile = onServer();
    const resolved = resolveProfile(storedProfileOf(profile), applicationWith(profile, [PRIVATE]));
    if (!('profile' in resolved)) throw new Error('does not resolve');
    expect(JSON.stringify(resolved.profile)).toBe(JSON.stringify(profile));
    const own = fargateJsonProfile({name: 'web', application: 'shop'});
    for (const environment of own.environments) {
      const was = renderAndValidate({profile: own, environment: environment.name});
      const now = renderAndValidate({profile: resolved.profile, environment: environment.name});
      expect(JSON.stringify(now.taskDefinition)).toBe(JSON.stringify(was.taskDefinition));
      expect(JSON.stringify(now.service)).toBe(JSON.stringify(was.service));
      expect(now.issues).toEqual(was.issues);
    }
  });

  test('a server without a secret gives no registryAuth; a service without a server is left as it is', () => {
    const profile = ec2FormProfile({application: 'shop'});
    const hub: ArtifactServer = {name: 'dockerhub', registry: 'dockerhub', host: 'registry.hub.docker.com'};
    const named = {...profile.service, artifact: {...profile.service.artifact, server: 'dockerhub'}};
    expect(resolveService(storedServiceOf(named), [hub])).toEqual(named);
    expect(resolveService(profile.service, [])).toBe(profile.service);
  });

  test('a server the application lacks: the profile does not resolve, and says which', () => {
    const profile = onServer();
    expect(resolveProfile(storedProfileOf(profile), applicationWith(profile, []))).toEqual({
      failure: {kind: 'no-server', application: 'shop', server: 'team-registry'},
    });
  });
});

describe('server names, differences and labels', () => {
  test.each([
    [{registry: 'registry', host: 'localhost:5000'}, [], 'localhost-5000'],
    [{registry: 'registry', host: 'localhost:5000'}, ['localhost-5000'], 'localhost-5000-2'],
    [{registry: 'registry', host: 'localhost:5000'}, ['localhost-5000', 'localhost-5000-2'], 'localhost-5000-3'],
    [{registry: 'dockerhub', host: 'registry.hub.docker.com'}, [], 'dockerhub'],
    [{registry: 'ecr', host: '123456789012.dkr.ecr.us-east-1.amazonaws.com'}, [], '123456789012.dkr.ecr.us-east-1.amazonaws.com'],
  ] as const)('%j with %j taken → %s', (server, taken, name) => {
    expect(suggestServerName(server, taken)).toBe(name);
  });

  test('the fields that differ, in the stored order', () => {
    expect(differingServerFields(PRIVATE, {...PRIVATE, name: 'other'})).toEqual([]);
    expect(differingServerFields(PRIVATE, {name: 'x', registry: 'registry', host: 'localhost:5000'})).toEqual([
      'host',
      'username',
      'credentialsSecretArn',
      'kmsKeyArn',
    ]);
  });

  test('a label says host, kind, user, secret and key', () => {
    expect(serverLabel(PRIVATE)).toBe(`registry.example.com:5000 [registry] user deploy, credentials ${REGISTRY_SECRET_ARN} (KMS ${REGISTRY_KMS_KEY_ARN})`);
  });
});

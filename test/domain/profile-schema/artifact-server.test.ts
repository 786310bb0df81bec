import {describe, expect, test} from 'vitest';
import {storedProfileOf} from '../../../source/domain/applications.js';
import {storeDocumentOf, validateStoreDocument} from '../../../source/domain/profile-schema/store-document.js';
import type {Profile} from '../../../source/domain/model.js';
import {REGISTRY_KMS_KEY_ARN, REGISTRY_SECRET_ARN, fargateJsonProfile} from '../../helpers/profile-fixtures.js';

const TEAM = {
  name: 'team',
  registry: 'registry' as const,
  host: 'registry.example.com:5000',
  username: 'deploy',
  credentialsSecretArn: REGISTRY_SECRET_ARN,
  kmsKeyArn: REGISTRY_KMS_KEY_ARN,
};

function document(): Record<string, unknown> {
  const profile: Profile = fargateJsonProfile({name: 'web', application: 'shop'});
  profile.service.artifact = {...profile.service.artifact, server: 'team'};
  const environments = profile.environments.map(({overrides: _o, ...environment}) => environment);
  return structuredClone(storeDocumentOf([{name: 'shop', environments, artifactServers: [TEAM]}], [storedProfileOf(profile)])) as unknown as Record<
    string,
    unknown
  >;
}

// The raw document, written into freely (what a hand edit of the file may hold).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;

const paths = (value: unknown): string[] => validateStoreDocument(value).issues.map((issue) => `${issue.path}: ${issue.message}`);

describe('artifact servers in the store document', () => {
  test('a valid document: the server once in its application, the service by name', () => {
    const result = validateStoreDocument(document());
    expect(result.issues).toEqual([]);
    expect(result.document?.applications.shop?.artifactServers).toEqual([TEAM]);
    expect(result.document?.profiles.web?.service.artifact).toEqual({server: 'team', image: 'team/web-api', tag: '1.4.2'});
  });

  test('a server the application lacks, a server field written in the service, registryAuth beside a server: each named at its path', () => {
    const missing = document() as Doc;
    missing.profiles.web.service.artifact.server = 'teams';
    expect(paths(missing)).toContain('profiles.web.service.artifact.server: the application "shop" has no artifact server "teams" (it has: team)');
    const written = document() as Doc;
    written.profiles.web.service.artifact.host = 'localhost:5000';
    written.profiles.web.service.registryAuth = {credentialsSecretArn: REGISTRY_SECRET_ARN};
    expect(paths(written)).toEqual([
      'profiles.web.service.artifact.host: host belongs to the artifact server "team", not to the service',
      'profiles.web.service.registryAuth: registryAuth belongs to the artifact server "team"',
    ]);
  });

  test("a server's own fields: kind, host, secret and key formats, a key without a secret, names used twice", () => {
    const bad = document() as Doc;
    bad.applications.shop.artifactServers = [
      {name: 'team', registry: 'quay', host: 'registry.example.com:5000'},
      {name: 'team', registry: 'registry', host: 'http://x', credentialsSecretArn: 'secret'},
      {name: 'k', registry: 'registry', host: 'localhost:5000', kmsKeyArn: REGISTRY_KMS_KEY_ARN, password: 'hunter2'},
    ];
    const found = paths(bad);
    expect(found.some((line) => line.startsWith('applications.shop.artifactServers[0].registry:'))).toBe(true);
    expect(found.some((line) => line.startsWith('applications.shop.artifactServers[1].host:'))).toBe(true);
    expect(found.some((line) => line.startsWith('applications.shop.artifactServers[1].credentialsSecretArn:'))).toBe(true);
    expect(found).toContain('applications.shop.artifactServers[1].name: the artifact server name "team" is already used by artifactServers[0]');
    expect(found).toContain('applications.shop.artifactServers[2].kmsKeyArn: a KMS key goes with a credentials secret (the key that encrypts it)');
    expect(found.some((line) => line.startsWith('applications.shop.artifactServers[2].password'))).toBe(true);
    expect(JSON.stringify(validateStoreDocument(bad).issues)).not.toContain('hunter2');
  });
});

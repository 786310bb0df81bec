import {describe, expect, test} from 'vitest';
import {
  answeredByServer,
  answersOfServer,
  NEW_SERVER,
  newRegistryAnswers,
  newServerLine,
  offeredServers,
} from '../../../source/operations/wizard/application-servers.js';

const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:team-creds-AbCdEf';
const TEAM = {name: 'team', registry: 'registry' as const, host: 'registry.example.com:5000', username: 'deploy', credentialsSecretArn: SECRET};

describe("the answers of an artifact on one of the application's servers", () => {
  test("the server's registry, host, user and secret; the image and tag kept on the same host, dropped on another", () => {
    const answers = answersOfServer(TEAM, {application: 'shop', registry: 'registry', registryHost: TEAM.host, image: 'team/api', tag: '1.0'});
    expect(answers).toEqual({
      application: 'shop',
      registry: 'registry',
      registryHost: TEAM.host,
      registryUsername: 'deploy',
      registryAuth: {credentialsSecretArn: SECRET},
      artifactServer: 'team',
      image: 'team/api',
      tag: '1.0',
    });
    expect(answersOfServer(TEAM, {registry: 'registry', registryHost: 'other:5000', image: 'x/y', tag: '1'})).not.toHaveProperty('image');
  });

  test('a private server without a secret is one anyone may pull from; ECR and Docker Hub need none', () => {
    expect(answersOfServer({name: 'open', registry: 'registry', host: 'mirror.example.com'}, {})).toMatchObject({registryAnonymous: true, registryAuth: null});
    expect(answersOfServer({name: 'ecr', registry: 'ecr', host: '123456789012.dkr.ecr.us-east-1.amazonaws.com'}, {})).toMatchObject({registryAuth: null});
  });

  test('"a new registry" after a server forgets what the server gave; the steps a server answers are skipped only while one is chosen', () => {
    const fromServer = answersOfServer(TEAM, {application: 'shop', image: 'team/api'});
    expect(newRegistryAnswers(fromServer, 'team')).toEqual({application: 'shop'});
    expect(newRegistryAnswers({application: 'shop', registry: 'ecr', artifactServer: 'x'}, NEW_SERVER)).toEqual({application: 'shop', registry: 'ecr'});
    expect(answeredByServer('auth-secret', {'artifact-server': 'team'})).toBe(true);
    expect(answeredByServer('image', {'artifact-server': 'team'})).toBe(false);
    expect(answeredByServer('auth-secret', {'artifact-server': NEW_SERVER})).toBe(false);
  });

  test('only named servers are offered; the save step says when a new one is defined', () => {
    expect(
      offeredServers([
        {registry: 'registry', host: 'own.example.com', services: ['x']},
        {...TEAM, services: ['api']},
      ]),
    ).toEqual([{...TEAM, services: ['api']}]);
    expect(newServerLine({application: 'shop', artifactServer: 'mirror', registryHost: 'mirror.example.com'}, {})).toBe(
      'Saving also defines the artifact server mirror of shop (mirror.example.com): its other services can choose it (ecs-wizard apps servers shop)',
    );
    expect(newServerLine({application: 'shop', artifactServer: 'team'}, {'artifact-server': 'team'})).toBeUndefined();
  });
});

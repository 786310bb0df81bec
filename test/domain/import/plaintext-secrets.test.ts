import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {findPlaintextSecrets, planSecretMove, secretNameFor, secretsVariable} from '../../../source/domain/import/plaintext-secrets.js';
import {importTaskDefinition} from '../../../source/domain/import/task-definition.js';

const WORDPRESS = readFileSync(new URL('../../fixtures/plaintext-secrets/wordpress.task-definition.json', import.meta.url), 'utf8');
const PASSWORDS = ['wp-Pa55w0rd-9f3k', 'r00t-Pa55w0rd-2024'];

function wordpressSpec(): string {
  const imported = importTaskDefinition(WORDPRESS);
  if (!imported.ok) throw new Error('the fixture does not import');
  return imported.containerSpecJson;
}

const spec = (environment: Array<{name: string; value: string}>, second: Array<{name: string; value: string}> = []): string =>
  JSON.stringify({
    family: 'x',
    containerDefinitions: [
      {name: 'app', image: '${DOCKER_IMAGE_NAME}', environment},
      {name: 'worker', image: 'busybox', environment: second},
    ],
  });

describe('plaintext secrets in a container specification', () => {
  test('the WordPress-style task definition: the passwords of both containers, masked, by name', () => {
    const found = findPlaintextSecrets(wordpressSpec());
    expect(found).toEqual([
      {name: 'WORDPRESS_DB_PASSWORD', container: 'wordpress', path: 'containerDefinitions[0].environment[2]', shown: '(masked)', reason: 'its name'},
      {name: 'MYSQL_ROOT_PASSWORD', container: 'mysql', path: 'containerDefinitions[1].environment[0]', shown: '(masked)', reason: 'its name'},
      {name: 'MYSQL_PASSWORD', container: 'mysql', path: 'containerDefinitions[1].environment[3]', shown: '(masked)', reason: 'its name'},
    ]);
    for (const password of PASSWORDS) expect(JSON.stringify(found)).not.toContain(password);
  });

  test('a secret by its value whatever it is called; what is a credential by its shape must move; where a secret is, is not one', () => {
    const found = findPlaintextSecrets(
      spec([
        {name: 'DATABASE_URL', value: 'postgres://app:hunter2-Very-S3cret@db.internal/app'},
        {name: 'UPLOADER', value: 'AKIAIOSFODNN7EXAMPLE'},
        {name: 'DB_PASSWORD_FILE', value: '/run/secrets/db_password'},
        {name: 'DB_PASSWORD_SECRET_NAME', value: 'prod/db'},
        {name: 'API_TOKEN', value: '${serviceVariable.apiToken}'},
        {name: 'REQUIRE_PASSWORD', value: 'true'},
      ]),
    );
    expect(found).toEqual([
      {
        name: 'DATABASE_URL',
        container: 'app',
        path: 'containerDefinitions[0].environment[0]',
        shown: 'postgres://app:…@db.internal/app',
        reason: 'its value looks like a URL with a password',
      },
      {
        name: 'UPLOADER',
        container: 'app',
        path: 'containerDefinitions[0].environment[1]',
        shown: 'AKIA…',
        reason: 'its value looks like an AWS access key id',
        mustMove: 'an AWS access key id',
      },
    ]);
  });

  test('a variable declared plain text is not suspected again, unless its value can never stay plain text', () => {
    const text = spec([
      {name: 'MYSQL_ROOT_PASSWORD', value: 'hunter2-Very-S3cret'},
      {name: 'AWS_ACCESS_KEY_ID', value: 'AKIAIOSFODNN7EXAMPLE'},
    ]);
    expect(findPlaintextSecrets(text, ['MYSQL_ROOT_PASSWORD', 'AWS_ACCESS_KEY_ID']).map((item) => item.name)).toEqual(['AWS_ACCESS_KEY_ID']);
  });

  test('moving: secrets entries read a JSON key of the environment secret; the values are only in the secret string', () => {
    const move = planSecretMove(wordpressSpec(), new Set(['WORDPRESS_DB_PASSWORD', 'MYSQL_ROOT_PASSWORD', 'MYSQL_PASSWORD']), 'secretsArn');
    for (const password of PASSWORDS) expect(move.containerSpecJson).not.toContain(password);
    expect(JSON.parse(move.secretString)).toEqual({
      WORDPRESS_DB_PASSWORD: 'wp-Pa55w0rd-9f3k',
      MYSQL_ROOT_PASSWORD: 'r00t-Pa55w0rd-2024',
      MYSQL_PASSWORD: 'wp-Pa55w0rd-9f3k',
    });
    const containers = JSON.parse(move.containerSpecJson).containerDefinitions;
    expect(containers[0].environment).toEqual([
      {name: 'WORDPRESS_DB_HOST', value: '127.0.0.1:3306'},
      {name: 'WORDPRESS_DB_USER', value: 'wordpress'},
      {name: 'WORDPRESS_DB_NAME', value: 'wordpress'},
    ]);
    expect(containers[0].secrets).toEqual([{name: 'WORDPRESS_DB_PASSWORD', valueFrom: '${serviceVariable.secretsArn}:WORDPRESS_DB_PASSWORD::'}]);
    expect(Object.keys(containers[0])).toEqual([
      'name',
      'image',
      'essential',
      'portMappings',
      'environment',
      'secrets',
      'dependsOn',
      'mountPoints',
      'volumesFrom',
    ]);
    expect(containers[1].secrets).toEqual([
      {name: 'MYSQL_ROOT_PASSWORD', valueFrom: '${serviceVariable.secretsArn}:MYSQL_ROOT_PASSWORD::'},
      {name: 'MYSQL_PASSWORD', valueFrom: '${serviceVariable.secretsArn}:MYSQL_PASSWORD::'},
    ]);
    expect(move.moved.map((item) => `${item.path} ${item.name} ${item.shown} → ${item.valueFrom}`)).toEqual([
      'containerDefinitions[0].environment[2] WORDPRESS_DB_PASSWORD (masked) → ${serviceVariable.secretsArn}:WORDPRESS_DB_PASSWORD::',
      'containerDefinitions[1].environment[0] MYSQL_ROOT_PASSWORD (masked) → ${serviceVariable.secretsArn}:MYSQL_ROOT_PASSWORD::',
      'containerDefinitions[1].environment[3] MYSQL_PASSWORD (masked) → ${serviceVariable.secretsArn}:MYSQL_PASSWORD::',
    ]);
  });

  test('moving: existing secrets entries are kept; one name with two values gets a key per container', () => {
    const text = JSON.stringify({
      containerDefinitions: [
        {
          name: 'app',
          secrets: [{name: 'OLD', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/old'}],
          environment: [{name: 'DB_PASSWORD', value: 'one-S3cret'}],
        },
        {name: 'worker', environment: [{name: 'DB_PASSWORD', value: 'two-S3cret'}]},
      ],
    });
    const move = planSecretMove(text, new Set(['DB_PASSWORD']), 'secretsArn2');
    expect(JSON.parse(move.secretString)).toEqual({DB_PASSWORD: 'one-S3cret', 'worker.DB_PASSWORD': 'two-S3cret'});
    const containers = JSON.parse(move.containerSpecJson).containerDefinitions;
    expect(containers[0]).toEqual({
      name: 'app',
      environment: [],
      secrets: [
        {name: 'OLD', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/old'},
        {name: 'DB_PASSWORD', valueFrom: '${serviceVariable.secretsArn2}:DB_PASSWORD::'},
      ],
    });
    expect(containers[1].secrets).toEqual([{name: 'DB_PASSWORD', valueFrom: '${serviceVariable.secretsArn2}:worker.DB_PASSWORD::'}]);
  });

  test('moving: a value with a ${…} goes to Secrets Manager as the container reads it, not as the profile escapes it', () => {
    // Import writes a literal `${` as `$${` in the profile (it renders back as `${`); the secret holds the value itself.
    const text = JSON.stringify({
      containerDefinitions: [
        {
          name: 'app',
          environment: [
            {name: 'DB_PASSWORD', value: 'Sup3r$${part}Pa55'},
            {name: 'DATABASE_URL', value: 'postgres://app:HuntEr22@db.internal/$${DB_NAME}'},
          ],
        },
      ],
    });
    const move = planSecretMove(text, new Set(['DB_PASSWORD', 'DATABASE_URL']), 'secretsArn');
    expect(JSON.parse(move.secretString)).toEqual({DB_PASSWORD: 'Sup3r${part}Pa55', DATABASE_URL: 'postgres://app:HuntEr22@db.internal/${DB_NAME}'});
    expect(move.moved.map((item) => item.shown)).toEqual(['(masked)', 'postgres://app:…@db.internal/${DB_NAME}']);
  });

  test('names: the config variable avoids names in use; the secret is named after the profile and environment', () => {
    expect(secretsVariable([])).toBe('secretsArn');
    expect(secretsVariable(['secretsArn', 'secretsArn2'])).toBe('secretsArn3');
    expect(secretNameFor('wp', 'production')).toBe('ecs-wizard/wp/production');
    expect(secretNameFor('wp', 'blue green!')).toBe('ecs-wizard/wp/blue-green-');
  });
});

import {describe, expect, test} from 'vitest';
import {looksLikeCredentialName} from '../../../source/domain/profile-schema/credentials.js';

describe('credential-like names', () => {
  test.each([
    ['password', true],
    ['dbPassword', true],
    ['DB_PASSWD', true],
    ['secret', true],
    ['clientSecret', true],
    ['secretAccessKey', true],
    ['aws_secret_access_key', true],
    ['accessKeyId', true],
    ['AWS_ACCESS_KEY_ID', true],
    ['sessionToken', true],
    ['token', true],
    ['GITHUB_TOKEN', true],
    ['apiKey', true],
    ['APIKey', true],
    ['x-api-key', true],
    ['privateKey', true],
    ['ssh_private_key', true],
    ['Authorization', true],
    ['credentials', true],
    ['DB_PASS', true],
    ['credentialsSecretArn', false],
    ['credentialsParameter', false],
    ['kmsKeyArn', false],
    ['secretArn', false],
    ['DB_PASSWORD_ARN', false],
    ['secrets', false],
    ['secretOptions', false],
    ['repositoryCredentials', false],
    ['credentialSpecs', false],
    ['valueFrom', false],
    ['kmsKeyId', false],
    ['keyName', false],
    ['tokenizer', false],
    ['bypass', false],
    ['username', false],
    ['executionRoleArn', false],
  ])('looksLikeCredentialName(%j) is %s', (key, expected) => {
    expect(looksLikeCredentialName(key)).toBe(expected);
  });
});

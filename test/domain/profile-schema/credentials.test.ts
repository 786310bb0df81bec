import {describe, expect, test} from 'vitest';
import {isHarmlessValue, looksLikeCredentialName} from '../../../source/domain/profile-schema/credentials.js';

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
    ['DB_PASSWORD_SECRET_NAME', false],
    ['JWT_SECRET_FILE', false],
    ['API_TOKEN_PATH', false],
    ['dbPasswordSecretId', false],
    ['SECRET_PARAMETER', false],
  ])('looksLikeCredentialName(%j) is %s', (key, expected) => {
    expect(looksLikeCredentialName(key)).toBe(expected);
  });
});

describe('values that cannot be a secret, even under a credential-like name', () => {
  test.each([
    ['prod/db', true],
    ['/app/prod/db-password', true],
    ['/run/secrets/db_password', true],
    ['db.internal', true],
    ['vault.example.com:8200', true],
    ['https://vault.example.com/v1/secret', true],
    ['true', true],
    ['off', true],
    ['3600', true],
    [12, true],
    ['arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf', true],
    ['${serviceVariable.DB_SECRET}', true],
    ['hunter2', false],
    ['Sup3r-S3cret!', false],
    ['postgres://app:hunter2@db/app', false],
    ['12345678', false],
    [1234567890, false],
    ['correct horse battery staple', false],
    ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', false],
    ['https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX', false],
    ['keys/aB3dE5gH7jK9mN1pQ3sT', false],
  ])('isHarmlessValue(%j) is %s', (value, expected) => {
    expect(isHarmlessValue(value)).toBe(expected);
  });
});

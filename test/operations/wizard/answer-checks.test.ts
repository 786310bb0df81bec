import {describe, expect, test} from 'vitest';
import {checkArnAnswer, checkInteger, parseIds, parseNameValue, parsePortMapping} from '../../../source/operations/wizard/answer-checks.js';

describe('one answer at a time', () => {
  test('numbers and ids', () => {
    expect(checkInteger('', 'the CPU units', {min: 0, optional: true})).toEqual({ok: true, value: undefined});
    expect(checkInteger('12x', 'the CPU units', {min: 0})).toEqual({ok: false, message: 'The CPU units must be a whole number, found "12x"'});
    expect(parseIds('subnet-0a1b2c3d, subnet-4e5f6a7b subnet-0a1b2c3d', 'subnet')).toEqual({ok: true, value: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b']});
    expect(parseIds('sg-zz', 'sg')).toEqual({ok: false, message: '"sg-zz" is not a security group id (sg-0123abcd…)'});
  });

  test('ARNs are explained with an example', () => {
    expect(checkArnAnswer('cloudMapService', 'srv-123', 'the Cloud Map service ARN')).toEqual({
      ok: false,
      message: '"srv-123" is not a Cloud Map service ARN: write it like arn:aws:servicediscovery:us-east-1:123456789012:service/srv-jwyz2x4igkxckqno',
    });
  });

  test('port mappings: container port, protocol, host port (not under awsvpc unless equal)', () => {
    expect(parsePortMapping('53/udp')).toEqual({ok: true, value: {containerPort: 53, protocol: 'udp'}});
    expect(parsePortMapping('8080:80', 'bridge')).toEqual({ok: true, value: {containerPort: 80, hostPort: 8080, protocol: 'tcp'}});
    expect(parsePortMapping('8080:80', 'awsvpc')).toEqual({
      ok: false,
      message: 'Under awsvpc the host port must equal the container port (or be left out): write 80',
    });
    expect(parsePortMapping('http')).toMatchObject({ok: false});
  });

  test('NAME=VALUE pairs', () => {
    expect(parseNameValue('URL=a=b')).toEqual({ok: true, value: {name: 'URL', value: 'a=b'}});
    expect(parseNameValue('9x=1', {variable: true})).toMatchObject({ok: false});
  });

  test('a NAME=VALUE whose value is a secret is refused where it is typed, masked (whatever the name)', () => {
    const refused = parseNameValue('STRIPE=sk_live_51HcQz2EXAMPLEf9sT0kEnVaLuE7x');
    expect(refused).toEqual({
      ok: false,
      message:
        'STRIPE holds a secret (sk_live_…): secrets are never stored in a profile — keep it in AWS Secrets Manager and refer to it with a container "secrets" entry',
    });
    expect(parseNameValue('dbUrl=postgres://app:hunter2x@db/app', {variable: true})).toMatchObject({ok: false});
    expect(parseNameValue('CACHE_URL=redis://cache:6379')).toEqual({ok: true, value: {name: 'CACHE_URL', value: 'redis://cache:6379'}});
  });
});

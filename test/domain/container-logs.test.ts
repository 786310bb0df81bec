import {describe, expect, test} from 'vitest';
import {awslogsConfiguration, defaultFormLogs, formLogsOf} from '../../source/domain/container-logs.js';
import {validateProfile} from '../../source/domain/profile-schema/profile.js';
import {ec2FormProfile} from '../helpers/profile-fixtures.js';

describe('the default awslogs configuration of a new container', () => {
  test("/ecs/<family>, the environment's region, stream prefix ecs — no awslogs-create-group (deploy creates the group)", () => {
    const logs = defaultFormLogs('web-api', 'eu-west-1');
    expect(logs).toEqual({group: '/ecs/web-api', region: 'eu-west-1', streamPrefix: 'ecs'});
    expect(awslogsConfiguration(logs)).toEqual({
      logDriver: 'awslogs',
      options: {'awslogs-group': '/ecs/web-api', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'ecs'},
    });
  });

  test('formLogsOf reads back exactly what awslogsConfiguration writes, nothing else', () => {
    const logs = defaultFormLogs('web', 'us-east-1');
    expect(formLogsOf(awslogsConfiguration(logs))).toEqual(logs);
    const written = awslogsConfiguration(logs) as {options: Record<string, string>};
    expect(formLogsOf({...written, options: {...written.options, 'awslogs-create-group': 'true'}})).toBeUndefined();
    expect(formLogsOf({logDriver: 'splunk', options: written.options})).toBeUndefined();
    expect(formLogsOf(undefined)).toBeUndefined();
  });

  test('a saved form keeps its log configuration through the profile schema', () => {
    const profile = ec2FormProfile();
    if (profile.service.containerSpec.mode !== 'form') throw new Error('the fixture is a form');
    profile.service.containerSpec.form.logConfiguration = defaultFormLogs('web', 'us-east-1');
    const result = validateProfile(JSON.parse(JSON.stringify(profile)));
    expect(result.issues).toEqual([]);
    expect(result.profile?.service.containerSpec).toEqual(profile.service.containerSpec);
  });
});

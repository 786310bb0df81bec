import {describe, expect, test} from 'vitest';
import {composeServiceSpec, readStrategy} from '../../../source/operations/wizard/service-spec.js';
import {CLOUD_MAP} from './fixtures.js';

describe('the service specification', () => {
  test('the default REPLICA spec with the desired count', () => {
    expect(composeServiceSpec({strategy: 'REPLICA', desiredCount: 3}).text).toBe(
      '{\n  "placementConstraints": [],\n  "placementStrategy": [],\n  "healthCheckGracePeriodSeconds": null,\n  "schedulingStrategy": "REPLICA",\n  "desiredCount": 3\n}',
    );
  });

  test('DAEMON takes no desired count and no placement strategy; an edited spec is switched, keeping its fields', () => {
    const edited =
      '{"schedulingStrategy": "REPLICA", "desiredCount": 4, "placementStrategy": [{"type": "spread", "field": "attribute:ecs.availability-zone"}], "enableECSManagedTags": true}';
    const composed = composeServiceSpec({strategy: 'DAEMON', serviceSpecJson: edited});
    expect(composed.removed).toEqual(['desiredCount', 'placementStrategy']);
    expect(JSON.parse(composed.text)).toEqual({schedulingStrategy: 'DAEMON', placementStrategy: [], enableECSManagedTags: true});
    expect(readStrategy(composed.text)).toEqual({strategy: 'DAEMON'});
  });

  test('"no service discovery" removes the registries of an imported spec', () => {
    const spec = `{"schedulingStrategy": "REPLICA", "serviceRegistries": [{"registryArn": "${CLOUD_MAP}", "port": 80}]}`;
    expect(JSON.parse(composeServiceSpec({serviceSpecJson: spec, discovery: null}).text)).toEqual({schedulingStrategy: 'REPLICA'});
    expect(JSON.parse(composeServiceSpec({serviceSpecJson: spec}).text).serviceRegistries).toEqual([{registryArn: CLOUD_MAP, port: 80}]);
  });
});

import {describe, expect, test} from 'vitest';
import {specContainers} from '../../../source/operations/wizard/container-spec.js';
import {checkDiscoveryPort, discoveryContainerPortValue, discoveryRule, readDiscovery} from '../../../source/operations/wizard/discovery.js';
import {composeServiceSpec} from '../../../source/operations/wizard/service-spec.js';
import {CLOUD_MAP, fargateAnswers} from './fixtures.js';

describe("service discovery: the seed's rules", () => {
  test.each([
    ['awsvpc', ['SRV', 'A'], 'either'],
    ['awsvpc', ['A'], 'none'],
    ['bridge', ['SRV'], 'container'],
    ['host', ['A'], 'needs-srv'],
    ['bridge', undefined, 'unknown'],
  ] as const)('%s with %j records → %s', (mode, records, rule) => {
    expect(discoveryRule(mode, records)).toBe(rule);
  });

  test('containerPort must be a mapped port of that container, variables resolved', () => {
    const containers = specContainers(fargateAnswers());
    expect(containers).toEqual([{name: '${CONTAINER_NAME}', ports: [8080]}]);
    expect(checkDiscoveryPort(containers, '${CONTAINER_NAME}', 8080)).toEqual({ok: true, value: 8080});
    expect(checkDiscoveryPort(containers, '${CONTAINER_NAME}', 8081)).toEqual({
      ok: false,
      message: 'Port 8081 is not a port mapping of container "${CONTAINER_NAME}" (its ports: 8080)',
    });
    const templated = [{name: 'web', ports: ['${serviceVariable.containerPort}']}];
    expect(checkDiscoveryPort(templated, 'web', 9000, {containerPort: '9000'})).toEqual({ok: true, value: 9000});
    expect(checkDiscoveryPort([{name: 'web', ports: []}], 'web', 80)).toMatchObject({ok: false, message: expect.stringContaining('maps no ports')});
  });

  test('the registry uses ${serviceVariable.containerPort} when that variable holds the port (the seed)', () => {
    const answers = fargateAnswers();
    expect(discoveryContainerPortValue(answers)).toBe('${serviceVariable.containerPort}');
    expect(discoveryContainerPortValue({...answers, variables: {}})).toBe(8080);
    const spec = composeServiceSpec(answers).text;
    expect(spec).toContain('"containerPort": ${serviceVariable.containerPort}');
    expect(readDiscovery(spec)).toEqual({
      registryArn: CLOUD_MAP,
      use: 'container',
      containerName: '${CONTAINER_NAME}',
      containerPort: '${serviceVariable.containerPort}',
    });
  });
});

import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {expect, test} from 'vitest';
import {classify, COPILOT_MAPPING, mappingMarkdown} from '../../../../source/domain/import/copilot/mapping.js';

test('readme.md prints the mapping table as the code has it', () => {
  const readme = readFileSync(join(import.meta.dirname, '../../../../readme.md'), 'utf8');
  const begin = readme.indexOf('<!-- copilot-mapping:begin -->\n');
  const end = readme.indexOf('\n<!-- copilot-mapping:end -->');
  expect(begin).toBeGreaterThan(-1);
  expect(readme.slice(begin + '<!-- copilot-mapping:begin -->\n'.length, end)).toBe(mappingMarkdown());
});

test('every field that waits for a counterpart names the feature it waits for; nothing else does', () => {
  for (const row of COPILOT_MAPPING) expect([row.field, row.wire !== undefined]).toEqual([row.field, row.status === 'later']);
});

test('a field is classified by its most specific row', () => {
  expect(classify('service', ['count'])?.status).toBe('mapped');
  expect(classify('service', ['count', 'range'])?.status).toBe('mapped');
  expect(classify('service', ['count', 'range', 'spot_from'])?.status).toBe('unmapped');
  expect(classify('service', ['count', 'cpu_percentage', 'cooldown', 'in'])?.field).toBe('count.cpu_percentage');
  expect(classify('service', ['count', 'response_time'])?.status).toBe('unmapped');
  expect(classify('service', ['count', 'spot'])).toMatchObject({status: 'later', wire: 'capacity-providers'});
  expect(classify('service', ['http', 'healthcheck', 'path'])).toMatchObject({field: 'http.healthcheck', status: 'unmapped'});
  expect(classify('service', ['http', 'healthcheck', 'grace_period'])).toMatchObject({field: 'http.healthcheck.grace_period', status: 'mapped'});
  expect(classify('service', ['http'])).toMatchObject({field: 'http', status: 'mapped'});
  expect(classify('service', ['nlb', 'target_port'])).toMatchObject({status: 'mapped'});
  expect(classify('service', ['network', 'connect', 'alias'])).toMatchObject({field: 'network.connect.alias', status: 'mapped'});
  expect(classify('service', ['unknown_field'])).toBeUndefined();
  expect(classify('environment', ['cdn'])).toMatchObject({status: 'unmapped'});
  expect(classify('environment', ['network', 'vpc', 'subnets', 'public'])?.status).toBe('mapped');
});

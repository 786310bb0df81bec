import {expect, test} from 'vitest';
import {parseAutoScaling} from '../../../../source/operations/wizard/questions/auto-scaling-settings.js';

test('the scaling settings typed in one line', () => {
  expect(parseAutoScaling('2-10 cpu 60')).toEqual({ok: true, value: {minCount: 2, maxCount: 10, policies: [{metric: 'cpu', target: 60}]}});
  expect(parseAutoScaling(' 1–4 memory 75 requests 1000 ')).toEqual({
    ok: true,
    value: {
      minCount: 1,
      maxCount: 4,
      policies: [
        {metric: 'memory', target: 75},
        {metric: 'requests', target: 1000},
      ],
    },
  });
  expect(parseAutoScaling('10-2 cpu 60')).toEqual({ok: false, message: 'The minimum (10) is above the maximum (2)'});
  expect(parseAutoScaling('2-10')).toEqual({ok: false, message: 'Name at least one target: cpu N, memory N or requests N'});
  expect(parseAutoScaling('2-10 disk 60')).toEqual({ok: false, message: '"disk" is not a metric: use cpu, memory or requests'});
  expect(parseAutoScaling('2-10 cpu 160')).toEqual({ok: false, message: 'The cpu target must be from 1 to 100, found 160'});
  expect(parseAutoScaling('cpu 60')).toEqual({ok: false, message: 'Start with the task range MIN-MAX, e.g. 2-10 cpu 60'});
});

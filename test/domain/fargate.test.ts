import {describe, expect, test} from 'vitest';
import fc from 'fast-check';
import {
  FARGATE_PAIRS,
  FARGATE_SIZES,
  describeFargatePair,
  isValidFargatePair,
  nearestValidFargatePair,
  parseCpuUnits,
  parseMemoryMiB,
} from '../../source/domain/fargate.js';

describe('the Fargate table (ecs-facts.md)', () => {
  test('memory of each cpu', () => {
    const table = Object.fromEntries(FARGATE_SIZES.map(({cpu, memory}) => [cpu, [memory[0], memory[memory.length - 1], memory.length]]));
    expect(table).toEqual({
      256: [512, 2048, 3],
      512: [1024, 4096, 4],
      1024: [2048, 8192, 7],
      2048: [4096, 16384, 13],
      4096: [8192, 30720, 23],
      8192: [16384, 61440, 12],
      16384: [32768, 122880, 12],
    });
    expect(FARGATE_SIZES[0]?.memory).toEqual([512, 1024, 2048]);
    expect(FARGATE_PAIRS).toHaveLength(3 + 4 + 7 + 13 + 23 + 12 + 12);
  });
});

describe('units', () => {
  test.each([
    [1024, 1024],
    ['1024', 1024],
    ['1 vCPU', 1024],
    ['1vcpu', 1024],
    ['0.25 vCPU', 256],
    // The ECS developer guide's own example (ecs-exec.md) writes ".25 vcpu" and ".5 gb"; ECS registers them as 256 / 512.
    ['.25 vcpu', 256],
    ['.', undefined],
    ['2 VCPUS', 2048],
    [' 512 ', 512],
    ['', undefined],
    ['1 GB', undefined],
    ['-1', undefined],
    [0, undefined],
    [Number.NaN, undefined],
    [null, undefined],
    [[1], undefined],
  ])('cpu %j → %s', (value, units) => {
    expect(parseCpuUnits(value)).toBe(units);
  });

  test.each([
    [2048, 2048],
    ['2048', 2048],
    ['2 GB', 2048],
    ['2GB', 2048],
    ['0.5 gb', 512],
    ['.5 gb', 512],
    ['.', undefined],
    ['3 GiB', 3072],
    ['512 MiB', 512],
    ['512MB', 512],
    ['2 TB', undefined],
    ['lots', undefined],
    [true, undefined],
  ])('memory %j → %s', (value, mib) => {
    expect(parseMemoryMiB(value)).toBe(mib);
  });
});

describe('isValidFargatePair', () => {
  test.each([
    [256, 512, true],
    ['256', '512', true],
    ['0.25 vCPU', '0.5 GB', true],
    ['1 vCPU', '2 GB', true],
    [256, 4096, false],
    [1024, 1024, false],
    [512, 5120, false],
    [4096, 30720, true],
    [4096, 31744, false],
    [8192, 20480, true],
    [8192, 18432, false],
    [16384, 122880, true],
    [16384, 36864, false],
    [384, 1024, false],
    ['x', 512, false],
  ])('cpu %j memory %j → %s', (cpu, memory, valid) => {
    expect(isValidFargatePair(cpu, memory)).toBe(valid);
  });
});

describe('nearestValidFargatePair', () => {
  test.each([
    [256, 512, {cpu: 256, memory: 512}],
    [256, 4096, {cpu: 512, memory: 4096}],
    [256, 3000, {cpu: 512, memory: 3072}],
    [1024, 1024, {cpu: 1024, memory: 2048}],
    [4096, 4096, {cpu: 4096, memory: 8192}],
    ['2 vCPU', '5 GB', {cpu: 2048, memory: 5120}],
    [8192, 18432, {cpu: 8192, memory: 20480}],
    [32768, 4096, {cpu: 16384, memory: 32768}],
    [256, 500000, {cpu: 16384, memory: 122880}],
    [100, 100, {cpu: 256, memory: 512}],
    ['bogus', 'bogus', {cpu: 256, memory: 512}],
    [3000, 'bogus', {cpu: 4096, memory: 8192}],
  ])('cpu %j memory %j → %j', (cpu, memory, expected) => {
    expect(nearestValidFargatePair(cpu, memory)).toEqual(expected);
  });

  test('is always valid, fits the request when any size does, and is its own nearest', () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 20000}), fc.integer({min: 1, max: 130000}), (cpu, memory) => {
        const nearest = nearestValidFargatePair(cpu, memory);
        expect(isValidFargatePair(nearest.cpu, nearest.memory)).toBe(true);
        if (cpu <= 16384 && memory <= 122880) {
          expect(nearest.cpu).toBeGreaterThanOrEqual(cpu);
          expect(nearest.memory).toBeGreaterThanOrEqual(memory);
        }
        expect(nearestValidFargatePair(nearest.cpu, nearest.memory)).toEqual(nearest);
      }),
      {numRuns: 300, seed: 11},
    );
  });

  test('describes a pair for people', () => {
    expect(describeFargatePair({cpu: 512, memory: 3072})).toBe('cpu 512 / memory 3072 (0.5 vCPU, 3 GB)');
  });
});

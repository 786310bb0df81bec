import {describe, expect, test} from 'vitest';
import {dependencyProblems, dependencyProblemText, dependentsOf, deployOrder, resumeFlag, selectServices} from '../../../source/domain/deploy/app-order.js';

const shop = [{name: 'web', dependsOn: ['api']}, {name: 'api', dependsOn: ['db', 'cache']}, {name: 'db'}, {name: 'cache'}, {name: 'worker', dependsOn: ['db']}];

describe('the order of a whole-application deploy', () => {
  test('dependencies first; among ready services, by name', () => {
    expect(deployOrder(shop)).toEqual(['cache', 'db', 'api', 'web', 'worker']);
  });

  test('no problems in a sound application', () => {
    expect(dependencyProblems(shop)).toEqual([]);
  });

  test('an unknown service is named, with the services there are', () => {
    const problems = dependencyProblems([{name: 'web', dependsOn: ['api', 'nope']}, {name: 'api'}]);
    expect(problems).toEqual([{kind: 'unknown', service: 'web', missing: ['nope']}]);
    expect(dependencyProblemText(problems[0]!, ['api', 'web'])).toBe(
      'service web depends on nope, which is not a service of the application (its services: api, web)',
    );
  });

  test('each cycle is named once, from its first service by name', () => {
    const problems = dependencyProblems([
      {name: 'c', dependsOn: ['a']},
      {name: 'a', dependsOn: ['b']},
      {name: 'b', dependsOn: ['c']},
      {name: 'x', dependsOn: ['x']},
    ]);
    expect(problems.map((problem) => dependencyProblemText(problem, []))).toEqual(['dependency cycle: a → b → c → a', 'dependency cycle: x → x']);
    expect(() =>
      deployOrder([
        {name: 'a', dependsOn: ['b']},
        {name: 'b', dependsOn: ['a']},
      ]),
    ).toThrow(/cycle/);
  });

  test('a service deployed by two profiles to one environment is refused', () => {
    expect(dependencyProblems([{name: 'api'}, {name: 'api'}])).toEqual([{kind: 'duplicate', service: 'api', count: 2}]);
  });

  test('--only keeps the order; --from takes the tail; an unknown name is an error naming it', () => {
    const order = deployOrder(shop);
    expect(selectServices(order, {only: ['web', 'db']})).toEqual({ok: true, services: ['db', 'web']});
    expect(selectServices(order, {from: 'api'})).toEqual({ok: true, services: ['api', 'web', 'worker']});
    expect(selectServices(order, {})).toEqual({ok: true, services: order});
    expect(selectServices(order, {only: ['cart']})).toEqual({
      ok: false,
      message: '--only names cart, not a service of the application (its services: cache, db, api, web, worker)',
    });
    expect(selectServices(order, {from: 'cart'})).toMatchObject({ok: false});
  });

  test('dependents are found transitively', () => {
    expect(dependentsOf(shop, 'db').sort()).toEqual(['api', 'web', 'worker']);
    expect(dependentsOf(shop, 'web')).toEqual([]);
  });

  test('resume: --from when what is left is the tail of the order, else --only', () => {
    const order = deployOrder(shop);
    expect(resumeFlag(order, ['web', 'worker', 'api'])).toBe('--from api');
    expect(resumeFlag(order, ['api', 'web'])).toBe('--only api,web');
    expect(resumeFlag(order, [])).toBeUndefined();
  });
});

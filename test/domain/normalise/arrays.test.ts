import {describe, expect, test} from 'vitest';
import {sortArray, TASK_DEFINITION_ARRAYS} from '../../../source/domain/normalise/arrays.js';

describe('sortArray', () => {
  test('port mappings sort numerically, not as text', () => {
    expect(sortArray([{containerPort: 9000}, {containerPort: 80}, {containerPort: 443}], TASK_DEFINITION_ARRAYS['containerDefinitions.portMappings']!)).toEqual(
      [{containerPort: 80}, {containerPort: 443}, {containerPort: 9000}],
    );
  });
});

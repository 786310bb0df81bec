import {describe, expect, test} from 'vitest';
import {render, renderedRequest, RenderMemo, type RenderInput} from '../../source/domain/render.js';
import {renderAndValidate} from '../../source/domain/render-and-validate.js';
import {fargateJsonProfile} from '../helpers/profile-fixtures.js';

/** A memo that counts the renderings it was asked to make. */
function countingMemo(): {memo: RenderMemo; made: () => number} {
  const memo = new RenderMemo();
  let made = 0;
  const get = memo.get.bind(memo);
  memo.get = (input, make) =>
    get(input, () => {
      made += 1;
      return make();
    });
  return {memo, made: () => made};
}

describe('RenderMemo: the renderings of one command, each made once', () => {
  const profile = fargateJsonProfile();
  const base: RenderInput = {profile, environment: 'staging', tag: '2.0.0', overrides: {LOG_LEVEL: 'debug'}};

  test('the same inputs render once and share the documents; the results are those of a rendering without memo', () => {
    const {memo, made} = countingMemo();
    const first = render(base, memo);
    const second = renderAndValidate({...base, overrides: {LOG_LEVEL: 'debug'}}, memo);
    expect(made()).toBe(1);
    expect(second.taskDefinition).toBe(first.taskDefinition);
    expect(second.service).toBe(first.service);
    expect(first).toEqual(render(base));
    expect(second).toEqual(renderAndValidate(base));
    expect(renderedRequest(base, memo)).toBe(renderedRequest(base, memo));
  });

  test('any other input renders anew: tag, overrides (value, presence), environment, another profile object, discovery record types', () => {
    const {memo, made} = countingMemo();
    const first = render(base, memo);
    const others: RenderInput[] = [
      {...base, tag: '2.0.1'},
      {profile, environment: 'staging', overrides: {LOG_LEVEL: 'debug'}},
      {...base, overrides: {LOG_LEVEL: 'info'}},
      {...base, overrides: {LOG_LEVEL: 'debug', EXTRA: 'x'}},
      {profile, environment: 'staging', tag: '2.0.0'},
      {...base, environment: 'production'},
      {...base, profile: fargateJsonProfile()},
      {...base, discoveryRecordTypes: {}},
    ];
    for (const [index, input] of others.entries()) {
      const rendered = render(input, memo);
      expect(made()).toBe(index + 2);
      expect(rendered.taskDefinition).not.toBe(first.taskDefinition);
      expect(rendered).toEqual(render(input));
    }
    // The first is still kept, and so is each of the others.
    expect(render(base, memo).taskDefinition).toBe(first.taskDefinition);
    for (const input of others) render(input, memo);
    expect(made()).toBe(others.length + 1);
  });

  test('an environment the profile does not have is kept as such (no rendering), and says so like render does', () => {
    const {memo} = countingMemo();
    const input = {...base, environment: 'qa'};
    expect(renderedRequest(input, memo)).toBeUndefined();
    expect(render(input, memo)).toEqual(render(input));
    expect(renderAndValidate(input, memo)).toEqual(renderAndValidate(input));
  });

  test('each spec text is parsed once across renderings of other tags; what a rendering found is its own, not added to the next', () => {
    const memo = new RenderMemo();
    const parsed: string[] = [];
    const parse = memo.parse;
    Object.defineProperty(memo, 'parse', {
      value: (text: string, source: 'containerSpec' | 'serviceSpec') => {
        parsed.push(source);
        return parse(text, source);
      },
    });
    // A container spec without ${DOCKER_IMAGE_NAME}: every rendering of it has an error of its own.
    const literal = {
      ...profile,
      service: {
        ...profile.service,
        containerSpec: {mode: 'json' as const, json: '{"containerDefinitions": [{"name": "${CONTAINER_NAME}", "image": "nginx:1", "memory": 512}]}'},
      },
    };
    const tags = ['1.0.0', '2.0.0', '3.0.0'];
    const rendered = tags.map((tag) => render({profile: literal, environment: 'staging', tag}, memo));
    expect(parsed).toEqual(['containerSpec', 'serviceSpec', 'containerSpec', 'serviceSpec', 'containerSpec', 'serviceSpec']);
    expect(memo.parse('{"a": 1}', 'serviceSpec')).toBe(memo.parse('{"a": 1}', 'serviceSpec'));
    expect(memo.parse('{"a": 1}', 'serviceSpec')).not.toBe(memo.parse('{"a": 1}', 'containerSpec'));
    tags.forEach((tag, index) => {
      const alone = render({profile: literal, environment: 'staging', tag});
      expect(alone.issues.filter((issue) => issue.code === 'image-placeholder-missing')).toHaveLength(1);
      expect(rendered[index]).toEqual(alone);
      expect(renderAndValidate({profile: literal, environment: 'staging', tag}, memo)).toEqual(
        renderAndValidate({profile: literal, environment: 'staging', tag}),
      );
    });
  });
});

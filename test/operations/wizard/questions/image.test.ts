import {expect, test} from 'vitest';
import {checkImage} from '../../../../source/operations/wizard/questions/image.js';

test('Docker Hub: nginx is an official image under library/, with a tag written along', () => {
  expect(checkImage('dockerhub', 'nginx:1.27')).toEqual({
    ok: true,
    value: {image: 'library/nginx', tag: '1.27'},
    note: 'official Docker Hub images live under library/: library/nginx',
  });
  expect(checkImage('dockerhub', 'team/api')).toEqual({ok: true, value: {image: 'team/api'}});
  expect(checkImage('dockerhub', 'Team/Api')).toEqual({ok: false, message: '"Team/Api" has capital letters: image names are lower case'});
});

test('an image naming another registry says what to choose instead', () => {
  const checked = checkImage('dockerhub', '123456789012.dkr.ecr.us-east-1.amazonaws.com/api');
  expect(checked).toEqual({ok: false, message: expect.stringContaining('choose Amazon ECR')});
  expect(checkImage('registry', 'localhost:5000/team/api', 'localhost:5000')).toEqual({ok: true, value: {image: 'team/api'}});
});

/**
 * The whole program (`main`) run in-process on a store in `configDir`, offline: AWS at a closed loopback port with
 * dummy credentials and no instance metadata, no terminal (CI), no input. What a plain command test of the
 * application commands needs; the exit code and both streams, whole.
 */
import {PassThrough, Readable} from 'node:stream';
import {main} from '../../source/cli.js';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function offlineCli(configDir: string, argv: string[]): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const env = {
    ECS_WIZARD_CONFIG_DIR: configDir,
    CI: 'true',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
  };
  const code = await main({argv, env, io: {stdin: Readable.from([]), stdout, stderr}});
  return {code, out, err};
}

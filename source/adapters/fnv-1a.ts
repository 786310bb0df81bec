/**
 * A 64-bit checksum computed natively, for what is checked on every start: the launcher's code cache files and the
 * profile store's index. No imports: dist/cli.js and the plain bundles both hold it.
 */

/**
 * FNV-1a over the data's 64-bit little-endian words (the last one padded with zeros), as WebAssembly: the function
 * `h(start, length)` of a module that imports its memory as `m.m`:
 *
 *   (func (param $p i32) (param $end i32) (result i64) (local $h i64)
 *     (local.set $h (i64.const 0xcbf29ce484222325))
 *     (local.set $end (i32.add (local.get $p) (local.get $end)))
 *     (block (loop
 *       (br_if 1 (i32.ge_u (local.get $p) (local.get $end)))
 *       (local.set $h (i64.mul (i64.xor (local.get $h) (i64.load (local.get $p))) (i64.const 0x100000001b3)))
 *       (local.set $p (i32.add (local.get $p) (i32.const 8)))
 *       (br 0)))
 *     (local.get $h))
 *
 * Each step is a bijection of the running value, so a change to any one word always changes the result; a file cut
 * short is caught by the length (the code cache's header has it; the profile index's body ends with a newline and is
 * JSON, which no zero padding can turn into another text of the same checksum). Computed natively in well under a
 * millisecond for the code cache's few hundred KB, where node:crypto would first cost a few milliseconds to load, and a
 * loop in JavaScript runs in the interpreter at startup (the profile index's 88 KB for 300 profiles: ~1.5 ms in a
 * 32-bit JavaScript loop, ~0.5 ms here). launcher.test.ts checks it against the same sum in BigInt arithmetic.
 */
const FNV_WASM =
  'AGFzbQEAAAABBwFgAn9/AX4CCAEBbQFtAgABAwIBAAcFAQFoAAAKQwFBAQF+QqXGiKHInKf5SyECIAAgAWohAQJAA0AgACABTw0BIAIgACkDAIVCs4OAgIAgfiECIABBCGohAAwACwsgAgs=';

/** The part of the WebAssembly global used here (@types/node 20 declares its types but not the global's value). */
interface WebAssemblyApi {
  Memory: new (descriptor: {initial: number}) => {buffer: ArrayBuffer};
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => {exports: Record<string, unknown>};
}

/** The FNV-1a of `data`: 16 hex digits (see FNV_WASM). */
export function fnv1a64(data: Uint8Array): string {
  const wasm = (globalThis as unknown as {WebAssembly: WebAssemblyApi}).WebAssembly;
  const length = Math.ceil(data.byteLength / 8) * 8;
  const memory = new wasm.Memory({initial: Math.max(1, Math.ceil(length / 65_536))});
  const instance = new wasm.Instance(new wasm.Module(Buffer.from(FNV_WASM, 'base64')), {m: {m: memory}});
  new Uint8Array(memory.buffer).set(data);
  const sum = (instance.exports['h'] as (start: number, length: number) => bigint)(0, length);
  return BigInt.asUintN(64, sum).toString(16).padStart(16, '0');
}

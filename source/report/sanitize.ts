/**
 * Cleaning text that came from outside (AWS, registries, files, the person's input) before it reaches a terminal:
 * control sequences and other non-printing characters are removed, so such text cannot drive the terminal.
 *
 * Called only at the renderer boundary: Ink screens through `ui/components/text.tsx`, the CLI's error lines, plain output where a reporter
 * writes its lines, NDJSON where an event is serialised. Operations emit raw text.
 */
export function sanitize(text: string): string {
  return text
    .replace(/\u001B\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/g, '')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '');
}

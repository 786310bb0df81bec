/**
 * The part of React's `scheduler` package (a dependency of react-reconciler, the same instance Ink's renderer
 * uses) that source/ui/terminal-input.ts needs. The package ships no types.
 */
declare module 'scheduler' {
  /** A scheduled task. `id` comes from one counter shared by every task scheduled in the process. */
  export interface SchedulerTask {
    readonly id: number;
  }
  export const unstable_IdlePriority: 5;
  export function unstable_scheduleCallback(priorityLevel: number, callback: () => void): SchedulerTask;
  export function unstable_cancelCallback(task: SchedulerTask): void;
}

/**
 * ts-rs writes Rust's i64 as `bigint`, but IPC carries JSON, and JSON numbers arrive as
 * `number`. `Wire<T>` is the generated type `T` as it really arrives: every `bigint` read
 * as `number` (database ids and sequence numbers stay far below 2^53).
 */
export type Wire<T> = T extends bigint
  ? number
  : T extends readonly unknown[]
    ? { [K in keyof T]: Wire<T[K]> } // arrays and tuples keep their shape
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

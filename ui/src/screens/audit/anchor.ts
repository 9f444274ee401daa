/** The `SEQ:HASH` part of an anchor as the core writes it (`SEQ:HASH key=… sig=…`). */
export function anchorHead(anchor: string): string {
  return anchor.trim().split(/\s+/)[0] ?? '';
}

/** Whether an anchor carries the installation key's signature. */
export function isSigned(anchor: string): boolean {
  return /\ssig=[0-9a-f]+/i.test(anchor);
}

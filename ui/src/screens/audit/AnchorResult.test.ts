import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import AnchorResult from './AnchorResult.svelte';
import { anchorHead, isSigned } from './anchor';

const hash = 'ab'.repeat(32);

describe('AnchorResult', () => {
  it('says the log holds a signed anchor and names the key', () => {
    render(AnchorResult, {
      result: { status: 'held', anchor: `12:${hash}`, signed_by: 'SHA256:abcd:ef01' },
    });
    const text = screen.getByRole('status').textContent?.replace(/\s+/g, ' ').trim();
    expect(text).toBe(`The log still holds 12:${hash}, signed by key SHA256:abcd:ef01.`);
  });

  it('shows a failed anchor and what the chain holds instead as an alert', () => {
    render(AnchorResult, {
      result: { status: 'failed', anchor: `12:${hash}`, problem: 'the chain ends at event 9' },
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(`Anchor 12:${hash} does not hold.`);
    expect(alert.textContent).toContain('the chain ends at event 9');
  });
});

describe('anchor text', () => {
  it('keeps SEQ:HASH and sees a signature', () => {
    const signed = `12:${hash} key=${'0'.repeat(64)} sig=${'1'.repeat(128)}`;
    expect(anchorHead(signed)).toBe(`12:${hash}`);
    expect(isSigned(signed)).toBe(true);
    expect(isSigned(`  12:${hash} `)).toBe(false);
    expect(anchorHead(`  12:${hash} `)).toBe(`12:${hash}`);
  });
});

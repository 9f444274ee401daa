import { describe, expect, it } from 'vitest';
import { findCandidates, nextToScore } from './candidates';

const list = Array.from({ length: 500 }, (_, i) => ({
  id: i + 1,
  reference: `C-${String(i + 1).padStart(3, '0')}`,
  name: i === 41 ? 'Priya Natarajan' : `Candidate ${i + 1}`,
}));

describe('findCandidates', () => {
  it('finds by reference or by the start of any word of the name, in any case', () => {
    expect(findCandidates(list, 'c-042').map((c) => c.id)).toEqual([42]);
    expect(findCandidates(list, 'natar').map((c) => c.name)).toEqual(['Priya Natarajan']);
    expect(findCandidates(list, 'priya C-042').map((c) => c.id)).toEqual([42]);
    expect(findCandidates(list, 'C-49').map((c) => c.reference)).toEqual([
      'C-490', 'C-491', 'C-492', 'C-493', 'C-494', 'C-495', 'C-496', 'C-497', 'C-498', 'C-499',
    ]);
  });

  it('finds a name with or without its accents, in any case', () => {
    const people = [
      { id: 1, reference: 'C-001', name: 'Mairéad Ní Bhriain' },
      { id: 2, reference: 'C-002', name: 'Mairead Walsh' },
      { id: 3, reference: 'C-003', name: 'Søren Łukasz Straße' },
    ];
    expect(findCandidates(people, 'Mairead').map((c) => c.id)).toEqual([1, 2]);
    expect(findCandidates(people, 'MAIRÉAD ni').map((c) => c.id)).toEqual([1]);
    expect(findCandidates(people, 'soren lukasz strasse').map((c) => c.id)).toEqual([3]);
    expect(findCandidates(people, 'Søren').map((c) => c.id)).toEqual([3]);
  });

  it('matches the start of a name\'s words, and the reference anywhere', () => {
    const people = [
      { id: 1, reference: 'C-0457', name: 'Siobhán MacLeod' },
      { id: 2, reference: 'C-1345', name: 'Siobhan Ó Sé' },
      { id: 3, reference: 'C-2001', name: 'Siobhan Kelly-Ryan' },
    ];
    expect(findCandidates(people, 'siobhan o').map((c) => c.id)).toEqual([2]);
    expect(findCandidates(people, 'mac').map((c) => c.id)).toEqual([1]);
    expect(findCandidates(people, 'leod')).toEqual([]);
    expect(findCandidates(people, 'ryan').map((c) => c.id)).toEqual([3]);
    expect(findCandidates(people, '457').map((c) => c.id)).toEqual([1]);
  });

  it('keeps every candidate for an empty query and none for a miss', () => {
    expect(findCandidates(list, '  ')).toHaveLength(500);
    expect(findCandidates(list, 'nobody')).toEqual([]);
  });
});

describe('nextToScore', () => {
  it('is the next unsubmitted candidate after the current one, wrapping round', () => {
    const submitted = new Set([2, 3]);
    expect(nextToScore(list.slice(0, 5), 1, (id) => submitted.has(id))?.id).toBe(4);
    expect(nextToScore(list.slice(0, 5), 5, (id) => submitted.has(id))?.id).toBe(1);
  });

  it('is null when every other candidate is submitted', () => {
    expect(nextToScore(list.slice(0, 3), 2, (id) => id !== 2)).toBeNull();
  });
});

import { parseNumberText } from './numbers';

describe('a number box', () => {
  it('reads what people type, signs and decimal commas included', () => {
    expect(parseNumberText('-5', { int: true })).toEqual({ value: -5 });
    expect(parseNumberText('−5', { int: true })).toEqual({ value: -5 });
    expect(parseNumberText('+3', { int: true })).toEqual({ value: 3 });
    expect(parseNumberText('05', { int: true })).toEqual({ value: 5 });
    expect(parseNumberText('2,5', { int: false })).toEqual({ value: 2.5 });
    expect(parseNumberText('-0', { int: true })).toEqual({ value: 0 });
  });

  it('waits while the box is empty or holds a lone sign, and rejects the rest', () => {
    expect(parseNumberText('', { int: true })).toEqual({});
    expect(parseNumberText('-', { int: true })).toEqual({});
    expect(parseNumberText('2,5', { int: true })).toEqual({ invalid: true });
    expect(parseNumberText('5-', { int: true })).toEqual({ invalid: true });
  });
});

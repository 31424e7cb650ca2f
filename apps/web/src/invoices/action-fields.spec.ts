import { type ActionField, readFields } from './action-fields';

const payment: ActionField[] = [
  { name: 'amount', label: 'Amount', kind: 'money', required: true },
  { name: 'reference', label: 'Reference', kind: 'text' },
];

describe('an action form’s values, as the API takes them', () => {
  it('sends amounts typed in euros as integer cents', () => {
    expect(readFields(payment, { amount: '1 234,56', reference: '' }, 2)).toEqual({ amount: 123456 });
    expect(readFields(payment, { amount: '1234.56', reference: ' VIR-42 ' }, 2)).toEqual({ amount: 123456, reference: 'VIR-42' });
  });

  it('holds the form back while a required field is blank or an amount unreadable', () => {
    expect(readFields(payment, { amount: '', reference: 'x' }, 2)).toBeUndefined();
    expect(readFields(payment, { amount: '12,345', reference: '' }, 2)).toBeUndefined();
    expect(readFields(payment, { amount: '0', reference: '' }, 2)).toBeUndefined();
  });

  it('leaves optional blanks out', () => {
    expect(readFields([{ name: 'reason', label: 'Reason', kind: 'text' }], { reason: '  ' }, 2)).toEqual({});
  });
});

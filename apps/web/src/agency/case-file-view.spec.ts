import { addressLines, caseTotals } from './case-file-view';

describe('a case file as the agency portal shows it', () => {
  it('sums what the case owed when handed over: principal, interest and fees', () => {
    expect(
      caseTotals({
        invoices: [
          { number: 'F-1', currency: 'EUR', outstanding: 1000_00, interest: 12_34, fees: 40_00 },
          { number: 'F-2', currency: 'EUR', outstanding: 200_00 },
        ],
      }),
    ).toEqual({ principal: 1200_00, interest: 12_34, fees: 40_00 });
    expect(caseTotals({})).toEqual({ principal: 0, interest: 0, fees: 0 });
  });

  it('writes the address as lines, leaving out what is missing', () => {
    expect(addressLines({ lines: ['12 rue de la Paix'], postcode: '75002', city: 'Paris', country: 'FR' })).toEqual(['12 rue de la Paix', '75002 Paris', 'FR']);
    expect(addressLines({ lines: [], country: 'FR' })).toEqual(['FR']);
    expect(addressLines(undefined)).toEqual([]);
  });
});

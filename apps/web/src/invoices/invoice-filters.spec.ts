import { amountProblems, formatInvoiceFilter, invoiceApiQuery, invoicesLink, parseInvoiceFilter, withFilter } from './invoice-filters';

describe('the invoice list’s filters in the URL', () => {
  it('reads every filter from the query string, leaving out what it does not know', () => {
    const filter = parseInvoiceFilter(new URLSearchParams('q=%20morel%20&status=overdue&flowId=f1&step=call&min=500&max=1%20200,50&bucket=90%2B&page=3'));
    expect(filter).toEqual({ q: 'morel', status: 'overdue', flowId: 'f1', step: 'call', min: '500', max: '1 200,50', bucket: '90+', page: 3 });
    expect(parseInvoiceFilter(new URLSearchParams('status=late&bucket=91-&page=-2&q='))).toEqual({ page: 1 });
  });

  it('writes them back in a stable order, page 1 left out, so the same filters give the same link', () => {
    const params = formatInvoiceFilter({ bucket: '31-60', q: 'morel', page: 1 });
    expect(params.toString()).toBe('q=morel&bucket=31-60');
    expect(parseInvoiceFilter(formatInvoiceFilter({ status: 'disputed', min: '10', page: 2 }))).toEqual({ status: 'disputed', min: '10', page: 2 });
  });

  it('goes back to the first page on any change and forgets the step when the flow changes', () => {
    const filter = { flowId: 'f1', step: 'call', page: 4 };
    expect(withFilter(filter, 'q', ' dupont ')).toEqual({ flowId: 'f1', step: 'call', q: 'dupont', page: 1 });
    expect(withFilter(filter, 'flowId', 'f2')).toEqual({ flowId: 'f2', page: 1 });
    expect(withFilter(filter, 'step', null)).toEqual({ flowId: 'f1', step: undefined, page: 1 });
  });

  it('asks the API in cents, leaving out an amount it cannot read (and says which)', () => {
    const filter = { q: 'morel', min: '1 234,56', max: 'abc', bucket: '90+' as const, page: 2 };
    expect(invoiceApiQuery(filter, { pageSize: 50 }).toString()).toBe('q=morel&balanceMin=123456&bucket=90%2B&page=2&pageSize=50');
    expect(invoiceApiQuery(filter).toString()).toBe('q=morel&balanceMin=123456&bucket=90%2B');
    expect(amountProblems(filter)).toEqual(['max']);
  });

  it('links a chart’s bar to the filtered list', () => {
    expect(invoicesLink({ bucket: '31-60' })).toBe('/invoices?bucket=31-60');
    expect(invoicesLink({ status: 'disputed' })).toBe('/invoices?status=disputed');
    expect(invoicesLink({})).toBe('/invoices');
  });
});

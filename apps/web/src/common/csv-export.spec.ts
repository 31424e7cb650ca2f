import { csvFileName, csvLocaleOf, csvMoney, listCsv } from './csv-export';

describe('a list exported as CSV', () => {
  const rows = [
    { name: 'Transports Morel; Fils', owed: 120050, currency: 'EUR' },
    { name: '=cmd|calc', owed: 5, currency: 'EUR' },
  ];
  const columns = (language: string) => [
    { header: 'Customer', value: (r: (typeof rows)[number]) => r.name },
    { header: 'Owed', value: (r: (typeof rows)[number]) => csvMoney(r.owed, r.currency, language) },
  ];

  it('writes French with ";" and a decimal comma, quoting what needs it and neutralising formulas', () => {
    expect(listCsv(columns('fr'), rows, 'fr')).toBe('\uFEFFCustomer;Owed\r\n"Transports Morel; Fils";1200,50\r\n\'=cmd|calc;0,05\r\n');
  });

  it('writes English with "," and a decimal point', () => {
    expect(listCsv(columns('en'), rows, 'en-GB')).toBe("\uFEFFCustomer,Owed\r\nTransports Morel; Fils,1200.50\r\n'=cmd|calc,0.05\r\n");
  });

  it('picks the dialect from the language and names the file by date', () => {
    expect(csvLocaleOf('fr-FR')).toBe('fr');
    expect(csvLocaleOf('en')).toBe('en');
    expect(csvFileName('tasks', '2026-12-02')).toBe('tasks-2026-12-02.csv');
  });
});

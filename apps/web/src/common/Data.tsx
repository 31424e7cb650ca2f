import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Words the users typed or the product seeded — names, step labels, template codes, file names —
 * shown as they are in either language. `translate="no"` says so to browsers' translators, and to
 * the browser test that checks a French page shows no English UI word.
 */
export function Data({ children }: { children: ReactNode }) {
  return <span translate="no">{children}</span>;
}

const MARK = '\u0001';

/** A sentence in the user's language with data inside it (a flow's name…), the data marked as such. */
export function Phrase({ i18nKey, values = {}, data }: { i18nKey: string; values?: Record<string, unknown>; data: Record<string, ReactNode> }) {
  const { t } = useTranslation();
  const names = Object.keys(data);
  const text = t(i18nKey, { ...values, ...Object.fromEntries(names.map((name, i) => [name, `${MARK}${i}${MARK}`])) });
  return <>{text.split(new RegExp(`${MARK}(\\d+)${MARK}`)).map((part, i) => (i % 2 === 1 ? <Data key={i}>{data[names[Number(part)]!]}</Data> : part))}</>;
}

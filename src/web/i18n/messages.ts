import en from './en.json';
import zhCN from './zh-CN.json';

/** A tree of UI texts. */
export type Messages = { [key: string]: string | Messages };

// Each feature keeps its texts in its own file (zh-CN/<feature>.json, en/<feature>.json) under its own top-level
// key, so that features can be written side by side; en.json and zh-CN.json hold the shell and the registry.
const zhParts = import.meta.glob<Messages>('./zh-CN/*.json', { eager: true, import: 'default' });
const enParts = import.meta.glob<Messages>('./en/*.json', { eager: true, import: 'default' });

function merge(base: Messages, parts: Record<string, Messages>): Messages {
  const all: Messages = { ...base };
  for (const [file, part] of Object.entries(parts)) {
    for (const [key, value] of Object.entries(part)) {
      if (key in all) throw new Error(`i18n: top-level key "${key}" of ${file} is defined twice`);
      all[key] = value;
    }
  }
  return all;
}

/** Every UI text of both languages. */
export const messages: Record<'zh-CN' | 'en', Messages> = {
  'zh-CN': merge(zhCN as Messages, zhParts),
  en: merge(en as Messages, enParts),
};

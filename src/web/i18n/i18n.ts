import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { messages } from './messages.ts';

/** The UI languages: Chinese first. */
export type Language = 'zh-CN' | 'en';

/** Starts i18next with both languages bundled (a few KB each), Chinese by default. */
export function initI18n(): void {
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: messages['zh-CN'] }, en: { translation: messages.en } },
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

/** Switches the language and the page's lang attribute. */
export function setLanguage(language: Language): void {
  document.documentElement.lang = language;
  if (i18next.language !== language) void i18next.changeLanguage(language);
}

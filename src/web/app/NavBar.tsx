import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { can } from './access-types.ts';
import { useUser } from './session.tsx';

/** The main navigation: only what the user's role may use. */
export function NavBar() {
  const { t } = useTranslation();
  const user = useUser();
  const links = [
    { to: '/persons', label: t('nav.persons'), show: can(user, 'person.read'), end: true },
    { to: '/persons/new', label: t('nav.newPerson'), show: can(user, 'person.write'), end: true },
    { to: '/indicators', label: t('nav.indicators'), show: can(user, 'person.read'), end: false },
    { to: '/renewals', label: t('nav.renewals'), show: can(user, 'person.read'), end: false },
    { to: '/audit', label: t('nav.audit'), show: can(user, 'audit.read'), end: false },
    { to: '/imports', label: t('nav.imports'), show: can(user, 'person.import'), end: false },
  ];
  return (
    <nav className="nav-bar" aria-label={t('nav.label')}>
      <ul>
        {links
          .filter((l) => l.show)
          .map((l) => (
            <li key={l.to}>
              <NavLink to={l.to} end={l.end}>
                {l.label}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}

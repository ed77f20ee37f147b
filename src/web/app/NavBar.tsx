import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { can, type Permission } from './access-types.ts';
import { useUser } from './session.tsx';

type NavItem = { to: string; label: string; grant: Permission; end?: boolean };

/**
 * The main navigation, grouped by task (registry, benefits, indicators, audit) so that a long menu stays readable
 * when it wraps (care mode, zoom); each group is a labelled list. Only what the user's role may use is shown.
 */
export function NavBar() {
  const { t } = useTranslation();
  const user = useUser();
  const groups: { id: string; label: string; items: NavItem[] }[] = [
    {
      id: 'registry',
      label: t('nav.groups.registry'),
      items: [
        { to: '/persons', label: t('nav.persons'), grant: 'person.read', end: true },
        { to: '/persons/new', label: t('nav.newPerson'), grant: 'person.write', end: true },
        { to: '/renewals', label: t('nav.renewals'), grant: 'person.read' },
        { to: '/imports', label: t('nav.imports'), grant: 'person.import', end: true },
        { to: '/imports/departments', label: t('departments.nav'), grant: 'person.import' },
      ],
    },
    {
      id: 'benefits',
      label: t('nav.groups.benefits'),
      items: [
        { to: '/benefits/applications', label: t('benefits.nav.applications'), grant: 'benefit.read' },
        { to: '/benefits/gaps', label: t('benefits.nav.gaps'), grant: 'benefit.read' },
        { to: '/benefits/tasks', label: t('benefits.nav.tasks'), grant: 'benefit.read' },
        { to: '/benefits/rolls', label: t('rolls.nav'), grant: 'benefit.read' },
        { to: '/benefits/simulate', label: t('simulate.nav'), grant: 'benefit.simulate' },
        { to: '/policy/parameters', label: t('policy.nav'), grant: 'policy.read' },
      ],
    },
    {
      id: 'plan',
      label: t('nav.groups.plan'),
      items: [{ to: '/indicators', label: t('nav.indicators'), grant: 'person.read' }],
    },
    {
      id: 'audit',
      label: t('nav.groups.audit'),
      items: [{ to: '/audit', label: t('nav.audit'), grant: 'audit.read' }],
    },
  ];
  const shown = groups.map((g) => ({ ...g, items: g.items.filter((i) => can(user, i.grant)) })).filter((g) => g.items.length > 0);
  return (
    <nav className="nav-bar" aria-label={t('nav.label')}>
      <ul className="nav-groups">
        {shown.map((g) => (
          <li key={g.id} className="nav-group">
            <span className="nav-group-label" id={`nav-group-${g.id}`}>
              {g.label}
            </span>
            <ul aria-labelledby={`nav-group-${g.id}`}>
              {g.items.map((l) => (
                <li key={l.to}>
                  <NavLink to={l.to} end={l.end ?? false}>
                    {l.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </nav>
  );
}

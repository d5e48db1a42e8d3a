import { NavLink } from 'react-router';

export interface AppNavLink {
  to: string;
  label: string;
  /** Active only on this exact path (for an app's home). */
  end?: boolean;
}

/** The second header row of the office and field apps: one list of links, the current one marked. */
export function AppNav({ label, containerClass, links }: { label: string; containerClass: string; links: readonly AppNavLink[] }) {
  return (
    <nav className="site-nav" aria-label={label}>
      <ul className={`${containerClass} site-nav__list`}>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end ?? false} className="site-nav__link">
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

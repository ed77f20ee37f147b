import { Outlet } from 'react-router';
import { TopBar } from './TopBar.tsx';

/** The frame of the pages before sign-in: header and main. */
export function PublicLayout() {
  return (
    <div className="shell">
      <TopBar />
      <main id="main" tabIndex={-1} className="main narrow">
        <Outlet />
      </main>
    </div>
  );
}

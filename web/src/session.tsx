// The signed-in person and their shop, shared with every page.

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Me, Shop } from './api';

export interface Session {
  me: Me;
  shop: Shop | null;
  setShop: (shop: Shop) => void;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in frame');
  return s;
}

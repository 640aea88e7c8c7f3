// Shapes of the JSON the rxtrack server sends and accepts.

export type Role = 'owner' | 'manager' | 'staff';

export const ROLES: readonly Role[] = ['owner', 'manager', 'staff'];

/** The signed-in person (`GET /api/me`, and `staff` in login/setup answers). */
export interface Me {
  id: number;
  shop_id: number;
  name: string;
  email: string;
  role: Role;
}

export interface StaffMember extends Me {
  phone: string | null;
  active: boolean;
  /** As the server sends it (ISO text or epoch seconds); not parsed by the shell yet. */
  created_at: string | number;
}

export interface Shop {
  id: number;
  name: string;
  phone_region: string;
  time_zone: string;
  refill_lead_days: number;
}

export interface ItemList<T> {
  items: T[];
  total: number;
}

export interface SessionAnswer {
  token: string;
  staff: Me;
}

export interface SetupRequest {
  shop_name: string;
  owner_name: string;
  email: string;
  password: string;
}

export interface NewStaff {
  name: string;
  email: string;
  password: string;
  role: Role;
  phone?: string;
}

export interface StaffChanges {
  name?: string;
  /** null clears the phone number. */
  phone?: string | null;
  role?: Role;
  active?: boolean;
}

export type ShopChanges = Omit<Shop, 'id'>;

/** Error body: `{"error":{"code","message","details"}}`. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: unknown;
  };
}

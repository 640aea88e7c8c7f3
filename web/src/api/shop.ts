import { request } from './http';
import type { Shop, ShopChanges } from './types';

export const getShop = () => request<Shop>('GET', '/api/shop');

export const updateShop = (changes: ShopChanges) => request<Shop>('PUT', '/api/shop', changes);

// The message list's filters live in the address (so Back, reload and links work).

import type { MessageFilter } from '../../api';

export const MESSAGE_PAGE_SIZE = 50;

export interface MessageListFilter {
  status?: string;
  channel?: string;
}

export function messageFilterFromQuery(query: URLSearchParams): MessageListFilter {
  const f: MessageListFilter = {};
  const status = query.get('status')?.trim();
  const channel = query.get('channel')?.trim();
  if (status) f.status = status;
  if (channel) f.channel = channel;
  return f;
}

/** `/messages?…` for a filter and page. */
export function messagesHref(filter: MessageListFilter, offset = 0): string {
  const q = new URLSearchParams();
  if (filter.status) q.set('status', filter.status);
  if (filter.channel) q.set('channel', filter.channel);
  if (offset > 0) q.set('offset', String(offset));
  const s = q.toString();
  return s ? `/messages?${s}` : '/messages';
}

export const toQuery = (f: MessageListFilter): MessageFilter => ({ ...f });

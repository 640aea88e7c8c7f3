import { ComingSoon } from '../components/ComingSoon';

export function MessagesPage() {
  return <ComingSoon title="Messages" blurb="SMS and WhatsApp reminders sent to customers." />;
}

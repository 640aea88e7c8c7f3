import { render } from 'preact';
import { App } from './app';
import './styles/base.css';
import './styles/forms.css';
import './styles/layout.css';
import './styles/auth.css';
import './styles/staff.css';
import './styles/contacts.css';
import './styles/counter.css';
import './styles/dashboard.css';
import './styles/messages.css';
import './styles/uploads.css';
import './styles/insights.css';

render(<App />, document.getElementById('app')!);

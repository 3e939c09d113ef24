import { render } from 'preact';
import { createApi } from './api.js';
import { App } from './app.jsx';
import { createSession } from './session.js';
import './styles.css';

const api = createApi();
const session = createSession({ api, storage: sessionStorage });
render(<App api={api} session={session} />, document.getElementById('app'));

/** The error pages (404.html, error.html): nothing to run but the shared start (site settings, browser check). */
import { startPage } from './boot';

startPage(() => {});

// Unit tests render both languages: load the on-demand English strings first.
import { loadLang } from '../../src/i18n/ui';

await loadLang('en');

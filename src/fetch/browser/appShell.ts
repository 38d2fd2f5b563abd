import { load } from 'cheerio/slim';

/** Below this many characters of visible text a page with scripts is presumed to be built in the browser. */
const LITTLE_TEXT_CHARS = 200;
/** An empty root plus a JavaScript notice is a shell even with some boilerplate text (footer, cookie note). */
const SHELL_WITH_BOILERPLATE_CHARS = 1000;
/** A root element holding less text than this counts as empty (a "Loading…" placeholder). */
export const EMPTY_ROOT_CHARS = 20;
/** Mount points of the common front-end frameworks (React, Vue, Next, Nuxt, Gatsby, Svelte, Angular). */
export const ROOT_SELECTORS = ['#root', '#app', '#__next', '#__nuxt', '#___gatsby', '#svelte', '[data-reactroot]', 'app-root', '[ng-app]', '[ng-version]'];
/** "<noscript>You need to enable JavaScript…" in English and Chinese. */
const ASKS_FOR_JS =
  /(?:enable|turn on|activate|requires?|need|without|allow)\s+(?:your\s+)?javascript|javascript\s+(?:is\s+|must be\s+|needs to be\s+)?(?:required|disabled|enabled|needed|off)|(?:启用|开启|打开|允许|支持|需要).{0,12}javascript|javascript.{0,12}(?:启用|开启|打开|禁用|支持)/i;

export interface AppShellVerdict {
  shell: boolean;
  /** Human-readable why, stored in snapshot.json render.reason. */
  reason: string;
  textChars: number;
  /** The framework mount point found empty, e.g. `#root`. */
  emptyRoot?: string;
  noscriptAsksForJs: boolean;
  scripts: number;
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Is this HTML an application shell whose content is built by script? Signals: little visible text,
 * a framework root element (#root, #app, #__next…) that is empty, a <noscript> asking for JavaScript.
 * Text alone is not enough: a short page without scripts gains nothing from a browser.
 */
export function isAppShell(html: string): AppShellVerdict {
  const $ = load(html);
  const scripts = $('script').filter((_, el) => {
    const type = ($(el).attr('type') ?? '').toLowerCase();
    return type === '' || /javascript|module|ecmascript/.test(type);
  }).length;
  const noscriptAsksForJs = $('noscript').toArray().some((el) => ASKS_FOR_JS.test(collapse($(el).text())));
  $('script, style, noscript, template, svg').remove();
  const textChars = collapse($('body').text()).length;
  let emptyRoot: string | undefined;
  for (const selector of ROOT_SELECTORS) {
    const root = $(selector).first();
    if (root.length > 0 && collapse(root.text()).length < EMPTY_ROOT_CHARS) {
      emptyRoot = selector;
      break;
    }
  }
  const signals: string[] = [`${textChars} characters of text`];
  if (emptyRoot) signals.push(`${emptyRoot} is empty`);
  if (noscriptAsksForJs) signals.push('<noscript> asks for JavaScript');
  signals.push(`${scripts} script${scripts === 1 ? '' : 's'}`);
  const base = { textChars, ...(emptyRoot ? { emptyRoot } : {}), noscriptAsksForJs, scripts };

  const littleText = textChars < LITTLE_TEXT_CHARS;
  const scriptBuilt = emptyRoot !== undefined || noscriptAsksForJs || scripts > 0;
  if (littleText && scriptBuilt) return { ...base, shell: true, reason: `app shell: ${signals.join(', ')}` };
  if (emptyRoot !== undefined && noscriptAsksForJs && textChars < SHELL_WITH_BOILERPLATE_CHARS) {
    return { ...base, shell: true, reason: `app shell: ${signals.join(', ')}` };
  }
  const why = littleText ? 'little text but nothing for a script to build' : 'server-rendered content';
  return { ...base, shell: false, reason: `${why}: ${signals.join(', ')}` };
}

export type RenderSetting = 'http' | 'browser' | 'auto';

/** What snapshot.json records as render {mode, reason}. */
export interface RenderDecision {
  mode: 'http' | 'browser';
  reason: string;
}

/**
 * The render mode for one page: the source's setting, and for `auto` the verdict on the HTML that
 * the HTTP fetch returned (browser only for an app shell).
 */
export function decideRender(setting: RenderSetting, httpHtml?: string): RenderDecision {
  if (setting === 'http') return { mode: 'http', reason: 'source render: http' };
  if (setting === 'browser') return { mode: 'browser', reason: 'source render: browser' };
  const verdict = isAppShell(httpHtml ?? '');
  return verdict.shell ? { mode: 'browser', reason: `auto: ${verdict.reason}` } : { mode: 'http', reason: `auto: ${verdict.reason}` };
}

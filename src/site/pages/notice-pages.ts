/** 410 Gone (takedown), 404, 400 and 500 pages. */
import { html, type SafeHtml } from '../html.js';
import type { TakedownNotice } from '../takedowns.js';
import { layout, shownTime, type PageContext } from './layout.js';
import { takedownSentence } from './takedown-sentence.js';

export function gonePage(ctx: PageContext, notice: TakedownNotice): SafeHtml {
  const { labels } = ctx;
  const when = shownTime(ctx, notice.time, true)?.text ?? null;
  const body = html`<section class="panel notice takedown-notice" role="status">
<h1>${labels.goneTitle}</h1>
<p>${labels.goneBody}</p>
${when ? html`<p class="hint">${labels.goneWhen(when)}</p>` : ''}
<p class="hint">${takedownSentence(ctx)}</p>
<p><a href="${ctx.links.home()}">${labels.home}</a></p>
</section>`;
  return layout(ctx, { title: labels.goneTitle, body });
}

export type ProblemKind = 'not-found' | 'bad-request' | 'error';

export function problemPage(ctx: PageContext, kind: ProblemKind, detail?: string): SafeHtml {
  const { labels } = ctx;
  const [title, text] =
    kind === 'not-found'
      ? [labels.notFoundTitle, labels.notFoundBody]
      : kind === 'bad-request'
        ? [labels.badRequestTitle, detail ?? '']
        : [labels.errorTitle, labels.errorBody];
  const body = html`<section class="panel notice">
<h1>${title}</h1>
${text ? html`<p>${text}</p>` : ''}
<p><a href="${ctx.links.home()}">${labels.home}</a></p>
</section>`;
  return layout(ctx, { title, body });
}

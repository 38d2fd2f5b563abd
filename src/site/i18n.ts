/** Interface labels in the two site languages, and each one's default time zone (formats.ts shows times in it). */

export type SiteLocale = 'zh-CN' | 'en';

export interface Labels {
  /** After a field name: full-width in Chinese. */
  colon: string;
  home: string;
  latest: string;
  categories: string;
  search: string;
  searchPlaceholder: string;
  searchButton: string;
  searchResults: (query: string, total: number) => string;
  searchHint: string;
  /** Shown over search results while the index is built: they matched titles only. */
  searchIndexing: (indexed: number, total: number) => string;
  noResults: string;
  category: string;
  published: string;
  source: string;
  author: string;
  editor: string;
  tags: string;
  snapshotTime: string;
  originalUrl: string;
  finalUrl: string;
  provenanceTitle: string;
  provenance: { before: string; taken: string; by: string; after: string };
  notEndorsed: string;
  /** The takedown sentence around the contact (a link). */
  takedownContact: { before: string; after: string };
  takedownNoContact: string;
  archivedBytes: (bytes: string, status: number) => string;
  viewRaw: string;
  viewSource: string;
  viewRendered: string;
  viewVersions: (n: number) => string;
  viewJson: string;
  viewScreenshot: string;
  /** The provenance line of a browser-rendered snapshot; `why` is snapshot.json render.reason. */
  renderedInBrowser: string;
  cite: string;
  /** The snapshot page's own address, in the provenance box. */
  permalink: string;
  related: string;
  moreInCategory: (category: string) => string;
  moreLink: string;
  newer: string;
  older: string;
  pageOf: (page: number, pages: number) => string;
  snapshotsCount: (n: number) => string;
  versionsTitle: string;
  versionsIntro: (n: number) => string;
  compare: string;
  compareFrom: string;
  compareTo: string;
  diffLegend: { removed: string; added: string };
  diffSame: string;
  fieldTitle: string;
  fieldBody: string;
  thisVersion: string;
  unchangedParagraphs: (n: number) => string;
  contentHash: string;
  rawTitle: string;
  rawNote: string;
  /** Link to the exact archived bytes (a download). */
  downloadOriginal: string;
  rawSourceNote: string;
  goneTitle: string;
  goneBody: string;
  goneWhen: (time: string) => string;
  notFoundTitle: string;
  notFoundBody: string;
  badRequestTitle: string;
  errorTitle: string;
  errorBody: string;
  footer: string;
  /** Marks an image placeholder in an article body (archived images are never loaded from their site). */
  image: string;
  /** Before an image placeholder's original URL (a link out, never loaded by the page). */
  imageOriginal: string;
  /** Under an image shown from the archive, before its original URL (a link out). */
  imageArchived: string;
}

const zh: Labels = {
  colon: '：',
  home: '首页',
  latest: '最新快照',
  categories: '分类',
  search: '搜索',
  searchPlaceholder: '搜索标题和正文',
  searchButton: '搜索',
  searchResults: (q, n) => `“${q}”的搜索结果：共 ${n} 条`,
  searchHint: '输入关键词搜索快照的标题和正文（中英文均可）。',
  searchIndexing: (done, total) => `搜索索引正在建立（已完成 ${done} / ${total}），目前只搜索标题，正文稍后可搜。`,
  noResults: '没有找到相关快照。',
  category: '类别',
  published: '发布时间',
  source: '来源',
  author: '作者',
  editor: '责任编辑',
  tags: '标签',
  snapshotTime: '快照生成时间',
  originalUrl: '信息原文地址',
  finalUrl: '跳转后地址',
  provenanceTitle: '快照说明',
  provenance: { before: '以上内容为 ', taken: ' 的资讯信息快照，于 ', by: ' 由 ', after: ' 爬虫采集并收录，本站未对内容做任何修改。' },
  notEndorsed: '信息内容不代表本站立场。',
  takedownContact: { before: '本站信息快照查询为非营利公共服务，如有侵权请联系 ', after: ' 删除。' },
  takedownNoContact: '本站信息快照查询为非营利公共服务，如有侵权请联系本站删除。',
  archivedBytes: (b, s) => `存档响应：HTTP ${s}，${b}`,
  viewRaw: '查看存档原页面',
  viewSource: '源代码',
  viewRendered: '页面',
  viewVersions: (n) => `历史版本（${n}）`,
  viewJson: 'JSON',
  viewScreenshot: '页面截图',
  renderedInBrowser: '浏览器渲染（Chromium）',
  cite: '引用',
  permalink: '快照链接',
  related: '相关快照',
  moreInCategory: (c) => `更多关于${c}的资讯`,
  moreLink: '更多',
  newer: '上一页',
  older: '下一页',
  pageOf: (p, n) => `第 ${p} / ${n} 页`,
  snapshotsCount: (n) => `${n} 篇快照`,
  versionsTitle: '历史版本',
  versionsIntro: (n) => `同一原文地址共有 ${n} 个快照版本，选择两个版本即可查看差异。`,
  compare: '比较',
  compareFrom: '旧版本',
  compareTo: '新版本',
  diffLegend: { removed: '删除的内容', added: '新增的内容' },
  diffSame: '两个版本的内容相同。',
  fieldTitle: '标题',
  fieldBody: '正文',
  thisVersion: '当前',
  unchangedParagraphs: (n) => `${n} 段未改动`,
  contentHash: '正文哈希',
  rawTitle: '存档原页面',
  rawNote: '下面是爬虫收到的原始 HTML。为安全起见，页面中的脚本不会运行、表单不能提交，外部图片、样式和内嵌框架不会加载；未经任何改动的原始字节可下载。',
  downloadOriginal: '下载原始字节',
  rawSourceNote: '爬虫收到的原始 HTML 源代码（按存档字符集解码）。',
  goneTitle: '该快照已删除',
  goneBody: '应权利人的请求，该快照已被删除，本站不再提供。',
  goneWhen: (t) => `删除时间：${t}`,
  notFoundTitle: '页面不存在',
  notFoundBody: '没有找到这个页面或快照。',
  badRequestTitle: '请求无效',
  errorTitle: '出错了',
  errorBody: '服务器处理请求时出错，请稍后再试。',
  footer: '快照由 snapcrawl 采集生成',
  image: '图片',
  imageOriginal: '本站不从原网站加载图片。原图地址：',
  imageArchived: '存档图片，随快照采集。原图地址：',
};

const en: Labels = {
  colon: ': ',
  home: 'Home',
  latest: 'Latest snapshots',
  categories: 'Categories',
  search: 'Search',
  searchPlaceholder: 'Search titles and text',
  searchButton: 'Search',
  searchResults: (q, n) => `${n} result${n === 1 ? '' : 's'} for “${q}”`,
  searchHint: 'Search the titles and text of every snapshot (Chinese and English).',
  searchIndexing: (done, total) => `The search index is being built (${done} of ${total} snapshots): for now only titles are searched.`,
  noResults: 'No snapshots match.',
  category: 'Category',
  published: 'Published',
  source: 'Source',
  author: 'By',
  editor: 'Editor',
  tags: 'Tags',
  snapshotTime: 'Snapshot taken',
  originalUrl: 'Original URL',
  finalUrl: 'After redirects',
  provenanceTitle: 'About this snapshot',
  provenance: { before: 'This is a snapshot of ', taken: ' taken ', by: ' by ', after: '. The content has not been modified.' },
  notEndorsed: ' It does not represent the views of this site.',
  takedownContact: { before: 'This archive is a non-profit public service. To have a snapshot removed, contact ', after: '.' },
  takedownNoContact: 'This archive is a non-profit public service. To have a snapshot removed, contact the site operator.',
  archivedBytes: (b, s) => `Archived response: HTTP ${s}, ${b}`,
  viewRaw: 'View the archived page',
  viewSource: 'Source',
  viewRendered: 'Page',
  viewVersions: (n) => `Versions (${n})`,
  viewJson: 'JSON',
  viewScreenshot: 'Screenshot',
  renderedInBrowser: 'Rendered in a browser (Chromium)',
  cite: 'Cite',
  permalink: 'Permalink',
  related: 'Related snapshots',
  moreInCategory: (c) => `More in ${c}`,
  moreLink: 'More',
  newer: 'Newer',
  older: 'Older',
  pageOf: (p, n) => `Page ${p} of ${n}`,
  snapshotsCount: (n) => `${n} snapshot${n === 1 ? '' : 's'}`,
  versionsTitle: 'Versions',
  versionsIntro: (n) => `${n} snapshots of the same original URL. Pick two to see what changed.`,
  compare: 'Compare',
  compareFrom: 'Older',
  compareTo: 'Newer',
  diffLegend: { removed: 'removed', added: 'added' },
  diffSame: 'The two versions have the same content.',
  fieldTitle: 'Title',
  fieldBody: 'Text',
  thisVersion: 'this one',
  unchangedParagraphs: (n) => `${n} unchanged paragraph${n === 1 ? '' : 's'}`,
  contentHash: 'Text hash',
  rawTitle: 'Archived page',
  rawNote:
    'Below is the HTML the crawler received. For safety its scripts do not run, its forms cannot be submitted, and external images, stylesheets and embedded frames are not loaded; the exact bytes are a download away.',
  downloadOriginal: 'download the exact bytes',
  rawSourceNote: 'The HTML source the crawler received (decoded with the archived charset).',
  goneTitle: 'This snapshot has been removed',
  goneBody: 'This snapshot was taken down at the request of a rights holder and is no longer available.',
  goneWhen: (t) => `Removed: ${t}`,
  notFoundTitle: 'Not found',
  notFoundBody: 'There is no page or snapshot here.',
  badRequestTitle: 'Bad request',
  errorTitle: 'Something went wrong',
  errorBody: 'The server could not answer this request. Please try again later.',
  footer: 'Snapshots made with snapcrawl',
  image: 'Image',
  imageOriginal: 'Not loaded from the original site. Original image: ',
  imageArchived: 'Archived with the snapshot. Original image: ',
};

export function labelsFor(locale: SiteLocale): Labels {
  return locale === 'zh-CN' ? zh : en;
}

/** Default display zone per locale: readers of a Chinese site expect Beijing time, others UTC. */
export function defaultTimeZone(locale: SiteLocale): string {
  return locale === 'zh-CN' ? 'Asia/Shanghai' : 'UTC';
}

export { formatBytes, formatInstant, formatPublished, formatZoned, zoneLabel, type ShownTime } from './formats.js';

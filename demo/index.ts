/** The bundled demo news site: `startNewsSite()` and its types. See newsSite.ts for the paths it serves. */
export { startNewsSite } from './newsSite.js';
export { DISALLOWED_PATHS } from './feeds.js';
export type {
  ArticleEdit,
  ArticleTemplate,
  DemoArticle,
  DemoCharset,
  DemoImage,
  DemoLang,
  FaultPaths,
  GbkDeclaration,
  NewsSite,
  NewsSiteMutations,
  NewsSiteOptions,
  RecordedRequest,
} from './types.js';

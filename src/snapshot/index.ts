export { SnapshotStore, type SnapshotStoreOptions, type SnapshotFiles, type SnapshotVerification } from './store.js';
export type {
  SnapshotRecord,
  SnapshotInput,
  ArchivedResource,
  RequisiteImage,
  ArchivedRequisiteImage,
  MissingRequisiteImage,
  WriteOutcome,
  SnapshotSummary,
  SnapshotListQuery,
} from './types.js';
export type { SnapshotMatch } from './snapshot-index.js';
export type { RecoveryReport } from './recovery.js';
export { SnapshotStoreError, ExcludedUrlError, UnsafePathError, type SnapshotErrorContext } from './errors.js';
export {
  buildWarc,
  newWarcRecordId,
  readWarcResponse,
  readWarcResponseById,
  listWarcRecords,
  WARC_FILE_NAME,
  exchangeMembers,
  type WarcResponse,
  type WarcRecordInfo,
  type WarcWriteOptions,
  type WarcExtras,
} from './warc.js';
export { SNAPSHOT_JSON_FILE, ARTICLE_FILE_NAME, SCREENSHOT_FILE_NAME, CRAWLER_INFO, articleFields, type ArticleFields } from './record.js';
export { hostDirName, snapshotRelDir, resolveInside, TMP_DIR_NAME } from './paths.js';
export { makeSnapshotId, isSnapshotId } from './ids.js';
export { contentHashOf, sha256Hex } from './hash.js';
export type { PreparedWrite } from './writer.js';

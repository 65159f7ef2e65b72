/** @buurthub/shared: the neighbourhood document model and sync helpers (no DOM, no Node APIs). */
export { type ModelContext, modelContext } from './context.js';
export { NotFoundError, PermissionError } from './errors.js';
export { type Author, type Role, ROLES, authorSchema, canModerate } from './roles.js';
export {
  SPACE_NAMES,
  type SpaceName,
  isNeighbourhoodSlug,
  isSpaceName,
  parseRoomName,
  roomName,
} from './rooms.js';
export {
  SCHEMA_VERSION,
  SchemaTooNewError,
  isSchemaTooNew,
  readSchemaVersion,
} from './schema-version.js';
export { ValidationError, type ValidationIssue } from './validation.js';
export { CommunitySpace } from './community/community-space.js';
export {
  BODY_MAX,
  CATEGORIES,
  COMMENT_MAX,
  type Category,
  type CommentInput,
  type CommentView,
  type PostInput,
  type PostPatch,
  type PostView,
  Posts,
  TITLE_MAX,
} from './community/posts.js';
export { PublicSpace } from './public/public-space.js';
export {
  ALERT_STATUSES,
  type AlertInput,
  type AlertStatus,
  type AlertUpdateInput,
  type AlertUpdateView,
  type CrisisAlertView,
  CrisisAlerts,
  SEVERITIES,
  type Severity,
} from './public/crisis.js';
export { type NeighbourhoodSettings, Settings } from './public/settings.js';
export {
  type HiddenItem,
  type ModerationLogEntry,
  ModerationSpace,
} from './moderation/moderation-space.js';
export { MESSAGE_ACK, encodeAck, readAck } from './sync/ack.js';
export { type KeyValueStore, PendingChanges } from './sync/pending.js';

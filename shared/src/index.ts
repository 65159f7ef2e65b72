/** @buurthub/shared: the neighbourhood document model and sync helpers (no DOM, no Node APIs). */
export { type ModelContext, modelContext } from './context.js';
export {
  EventCancelledError,
  EventFullError,
  NotFoundError,
  PermissionError,
  PhaseError,
} from './errors.js';
export { type Author, type Role, ROLES, authorSchema, canModerate, isMember } from './roles.js';
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
export { ValidationError, type ValidationIssue, parseInput } from './validation.js';
export {
  DEFAULT_TIME_ZONE,
  addDays,
  addMonths,
  firstOfMonth,
  isCalendarDate,
  startOfWeek,
  zonedDate,
  zonedInstant,
} from './calendar.js';
export {
  ALT_MAX,
  IMAGE_TYPES,
  MEDIA_TYPES,
  type MediaRef,
  type MediaRefInput,
  type MediaLimits,
  type MediaType,
  type PostMedia,
  VIDEO_LINK_TITLE_MAX,
  VIDEO_TYPES,
  type VideoLink,
  blobPath,
  isImageType,
  isVideoLink,
  mediaLimitsSchema,
  mediaRefSchema,
  videoLinkSchema,
} from './media.js';
export { CommunitySpace, type CommunitySpaceOptions } from './community/community-space.js';
export { VISIBILITIES, type Visibility } from './community/visibility.js';
export {
  ANSWER_MAX,
  type AnswerInput,
  type AnswerView,
  CrisisQuestions,
  QUESTION_MAX,
  type QuestionInput,
  type QuestionView,
} from './community/crisis-questions.js';
export { type IdeaView, Participation, type RoundView } from './participation/participation.js';
export {
  IDEA_TEXT_MAX,
  IDEA_TITLE_MAX,
  type IdeaInput,
  type Outcome,
  type OutcomeInput,
  type OutcomeStatus,
  OUTCOMES,
  type Phase,
  type PhaseChange,
  PHASES,
  RESPONSE_MAX,
  ROUND_TEXT_MAX,
  ROUND_TITLE_MAX,
  type ResponseInput,
  type ResponseView as IdeaResponseView,
  type RoundInput,
  type Statement,
  type StatementInput,
} from './participation/round-schema.js';
export { ideaRows, type ReportWord, responseRows, submitter } from './participation/report.js';
export { type CsvValue, toCsv } from './csv.js';
export {
  CONTACT_MESSAGE_MAX,
  type ContactDetails,
  contactDetailsSchema,
  emailSchema,
  phoneSchema,
} from './contact-fields.js';
export {
  collectMemberData,
  type MemberData,
  type MemberDataLabels,
  memberDataHtml,
} from './member-data.js';
export {
  DEFAULT_THRESHOLD,
  type Figure,
  FIGURES,
  impactCsvRows,
  type ImpactFigures,
  impactFigures,
  type ImpactOptions,
  type ImpactRow,
} from './impact/impact.js';
export {
  type Attendee,
  type Cancellation,
  CAPACITY_MAX,
  EVENT_CANCEL_REASON_MAX,
  EVENT_DAYS_MAX,
  EVENT_DESCRIPTION_MAX,
  EVENT_TITLE_MAX,
  type EventCancelInput,
  type EventInput,
  type EventPatch,
  type EventTime,
  type EventView,
  Events,
  type EventsOptions,
  PLACE_MAX,
  RSVP_ANSWERS,
  type RsvpAnswer,
  type RsvpCounts,
} from './community/events.js';
export {
  BODY_MAX,
  CATEGORIES,
  COMMENT_MAX,
  type Category,
  type CommentInput,
  type CommentPatch,
  type CommentView,
  PHOTOS_MAX,
  type PostFilter,
  type PostInput,
  type PostPatch,
  type PostView,
  Posts,
  TITLE_MAX,
} from './community/posts.js';
export { REACTIONS, type ReactionKind } from './community/reactions.js';
export { type Block, type Inline, markupToPlainText, parseMarkup, safeHref } from './markup.js';
export { PublicSpace } from './public/public-space.js';
export {
  BOARD_NODE_NAMES,
  BOARD_TEXT_MAX,
  type BoardMarks,
  type BoardNode,
  type BoardNodeName,
  boardImage,
  contentText,
  headingLevel,
} from './public/boards/board-content.js';
export {
  AUTO_VERSION_MS,
  BOARD_TITLE_MAX,
  type BoardInput,
  type BoardPatch,
  type BoardVersion,
  type BoardVersionKind,
  VERSION_NAME_MAX,
} from './public/boards/board-schema.js';
export { type BoardView, Boards } from './public/boards/boards.js';
export {
  type SocialMapHit,
  SocialMap,
  type SocialMapQuery,
} from './public/social-map/social-map.js';
export {
  HELP_CATEGORIES,
  type HelpCategory,
  type OrganisationInput,
  type OrganisationView,
  type RegulationInput,
  type RegulationView,
  type StoryInput,
  type StoryView,
} from './public/social-map/social-map-schema.js';
export {
  ALERT_CATEGORIES,
  ALERT_MEDIA_MAX,
  ALERT_STATUSES,
  ALERT_TEMPLATES,
  AREA_DESC_MAX,
  type AlertCancelInput,
  type AlertCancellation,
  AlertCancelledError,
  type AlertCategory,
  type AlertChanges,
  type AlertContent,
  type AlertInput,
  type AlertLink,
  type AlertStatus,
  type AlertTemplate,
  type AlertTemplateId,
  type AlertUpdateInput,
  type AlertUpdateView,
  type AlertVerification,
  CANCEL_REASON_MAX,
  CERTAINTIES,
  CRISIS_PAYLOAD_CONTEXT,
  type Certainty,
  type CrisisAlertView,
  CrisisAlerts,
  type CrisisSignedPayload,
  DESCRIPTION_MAX,
  type DeviceSigner,
  EVENT_MAX,
  HEADLINE_MAX,
  INSTRUCTION_MAX,
  type ItemSignature,
  type ItemVerification,
  LINKS_MAX,
  type LocalizedText,
  MSG_TYPES,
  type MsgType,
  SEVERITIES,
  SIGNED_KINDS,
  type Severity,
  type Signatory,
  type SignedKind,
  TEMPLATE_IDS,
  TEMPLATE_LOCALES,
  type TemplateLocale,
  UPDATE_TEXT_MAX,
  URGENCIES,
  type Urgency,
  type VerificationProblem,
  type VerificationStatus,
  alertPayload,
  alertTemplate,
  endedAt,
  isActive as isAlertActive,
  isArchived as isAlertArchived,
  signedBytes,
  templateInput,
  updatePayload,
  verifyAlert,
} from './public/crisis.js';
export * from './crypto/index.js';
export { type NeighbourhoodSettings, Settings } from './public/settings.js';
export {
  DEFAULT_REPORT_THRESHOLD,
  type HiddenItem,
  ITEM_ACTIONS,
  type ItemAction,
  MEMBER_ACTIONS,
  type MemberAction,
  type ModerationLogEntry,
  ModerationSpace,
} from './moderation/moderation-space.js';
export {
  isShown,
  isShownTo,
  type ItemStatus,
  itemStatus,
  moderationQueue,
  type QueueItem,
} from './moderation/status.js';
export {
  REPORT_REASONS,
  REPORTED_KINDS,
  type ReportedKind,
  type ReportInput,
  type ReportReason,
  Reports,
  type ReportView,
} from './community/reports.js';
export { DirectorySpace } from './directory/directory-space.js';
export {
  Directory,
  type DirectoryQuery,
  type Published,
  type Suggestion,
  type TopicKind,
} from './directory/directory.js';
export {
  ABOUT_MAX,
  AVAILABILITY,
  type Availability,
  FIELD_VISIBILITY,
  type FieldVisibility,
  type ModeratorFields,
  moderatorFieldsSchema,
  PRIVATE_FIELDS,
  type Profile,
  type ProfileField,
  type ProfileInput,
  type ProfileView,
  TAG_MAX,
  TAGS_MAX,
  type Topic,
  TOPICS,
  type Visibility as ProfileVisibility,
  type VisibilityInput as ProfileVisibilityInput,
} from './directory/profile-schema.js';
export { MESSAGE_ACK, encodeAck, readAck } from './sync/ack.js';
export {
  ERASED_AUTHOR_NAME,
  type ErasedCounts,
  eraseMemberContent,
} from './erasure/member-content.js';
export {
  MESSAGE_PURGE_NOTICE,
  MESSAGE_PURGE_REQUEST,
  encodePurgeNotice,
  encodePurgeRequest,
} from './sync/purge.js';
export { type KeyValueStore, PendingChanges } from './sync/pending.js';
export {
  ICAL_TIME_ZONE,
  VTIMEZONE_LINES,
  dateTimeProperty,
  dateValue,
  escapeText,
  foldLine,
  ruleOffset,
  utcDateTime,
  zoneOffset,
} from './icalendar.js';

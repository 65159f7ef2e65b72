/**
 * Crisis information in the `public` space (the crisis issue): CAP-1.2-shaped alerts with
 * superseding updates and cancellation (crisis/alerts.ts), signing and verification
 * (crisis/signing.ts, crisis/verify.ts) and templates (crisis/templates.ts).
 * This module gathers them so `./crisis.js` stays the one place to import from.
 */
export {
  ALERT_CATEGORIES,
  ALERT_MEDIA_MAX,
  ALERT_STATUSES,
  AREA_DESC_MAX,
  CANCEL_REASON_MAX,
  CERTAINTIES,
  DESCRIPTION_MAX,
  EVENT_MAX,
  HEADLINE_MAX,
  INSTRUCTION_MAX,
  LINKS_MAX,
  LINK_TITLE_MAX,
  MSG_TYPES,
  SEVERITIES,
  UPDATE_TEXT_MAX,
  URGENCIES,
  VILLAGES_MAX,
  type AlertCancelInput,
  type AlertCategory,
  type AlertChanges,
  type AlertContent,
  type AlertInput,
  type AlertLink,
  type AlertStatus,
  type AlertUpdateInput,
  type AlertUpdateView,
  type Certainty,
  type ItemSignature,
  type MsgType,
  type Severity,
  type Urgency,
  alertChangesSchema,
  alertInputSchema,
  cancelInputSchema,
  updateInputSchema,
} from './crisis/alert-schema.js';
export {
  type AlertCancellation,
  type AlertState,
  compareUpdates,
  endedAt,
  foldTimeline,
  isActive,
  isArchived,
} from './crisis/alert-state.js';
export { type CrisisAlertView, buildAlertView } from './crisis/alert-view.js';
export { AlertCancelledError, CrisisAlerts } from './crisis/alerts.js';
export {
  CRISIS_PAYLOAD_CONTEXT,
  type CrisisSignedPayload,
  type DeviceSigner,
  SIGNED_KINDS,
  type SignedKind,
  alertContentJson,
  alertPayload,
  signPayload,
  signedBytes,
  updatePayload,
} from './crisis/signing.js';
export {
  ALERT_TEMPLATES,
  type AlertTemplate,
  type AlertTemplateId,
  type LocalizedText,
  TEMPLATE_IDS,
  TEMPLATE_LOCALES,
  type TemplateLocale,
  alertTemplate,
  templateInput,
} from './crisis/templates.js';
export {
  type AlertVerification,
  type ItemVerification,
  type Signatory,
  type VerificationProblem,
  type VerificationStatus,
  verifyAlert,
  verifyPayload,
} from './crisis/verify.js';

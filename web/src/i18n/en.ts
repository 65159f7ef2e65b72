/** English UI messages; must have exactly the keys of the Dutch source. */
import type { Messages } from './nl.js';

export const en: Messages = {
  'app.title': 'Buurthub',
  'app.skipToContent': 'Skip to content',
  'app.loading': 'Loading neighbourhood…',
  'app.readOnly':
    'This neighbourhood uses a newer version of Buurthub. You can read, but not write. Update the app to write again.',

  'nav.label': 'Main menu',
  'nav.feed': 'Posts',
  'nav.compose': 'New post',

  'lang.label': 'Language',
  'lang.nl': 'NL',
  'lang.en': 'EN',

  'identity.change': 'Change name',

  'role.guest': 'guest',
  'role.kiosk': 'kiosk',
  'role.resident': 'resident',
  'role.moderator': 'community connector',
  'role.official': 'municipality',
  'identity.postingAsRole': 'You are writing as {name} ({role}).',
  'identity.postingAsDemo': 'You are writing as {name} (demo: name not verified).',

  'join.pageTitle': 'Join',
  'join.heading': 'Join your neighbourhood',
  'join.intro':
    'With an invitation from a community connector you can read and write along with your neighbours. The code is in your invitation.',
  'join.panelHeading': 'Join the neighbourhood',
  'join.panelIntro':
    'Posts from neighbours are for members only. Crisis information is always visible, also without an account. Did you get an invitation? Enter its code here.',
  'join.code': 'Invitation code',
  'join.codeHint': 'For example ABCD-EFGH. Capitals and dashes do not matter.',
  'join.name': 'Your name',
  'join.nameHint': 'Your neighbours see this name with your posts and comments.',
  'join.submit': 'Join',
  'join.busy': 'Joining…',
  'join.welcome': 'Welcome! You are now a member of the neighbourhood.',
  'join.error.codeRequired': 'Enter the code from your invitation.',
  'join.error.invalid-code': 'We do not know this code. Check the code in your invitation.',
  'join.error.used-up':
    'This invitation has already been used. Ask a community connector for a new one.',
  'join.error.expired': 'This invitation has expired. Ask a community connector for a new one.',
  'join.error.invalid-name': 'Enter your name (at most 60 characters).',
  'join.error.offline': 'You are offline; try again once you have a connection.',
  'join.error.rate-limited': {
    one: 'Too many attempts in a row. Try again in 1 second.',
    other: 'Too many attempts in a row. Try again in {count} seconds.',
  },
  'join.error.unsupported':
    'This browser cannot create a secure key (Ed25519), which is needed to join. Update your browser or use a recent Chrome, Edge, Firefox or Safari.',
  'join.error.server': 'Something went wrong on the server. Try again in a few minutes.',

  'session.needsInvite':
    'Your access to this neighbourhood has expired or was withdrawn. What you wrote stays saved on this device. Ask a community connector for a new invitation.',
  'session.enterNewCode': 'Enter a new code',

  'sync.label': 'Sync status',
  'sync.online': 'Online',
  'sync.offline': 'Offline',
  'sync.connecting': 'Connecting…',
  'sync.syncing': 'Syncing…',
  'sync.pending': { one: '1 change waiting', other: '{count} changes waiting' },
  'sync.savedAt': 'last saved on the server at {time}',

  'crisis.label': 'Crisis information',
  'crisis.severity.extreme': 'Extreme',
  'crisis.severity.severe': 'Severe',
  'crisis.severity.moderate': 'Moderate',
  'crisis.severity.minor': 'Minor',
  'crisis.instruction': 'What to do',
  'crisis.latestUpdate': 'Latest update, {time}',
  'crisis.villages': 'Applies to: {villages}',

  'feed.heading': 'Posts from the neighbourhood',
  'feed.empty': 'There are no posts yet. Write the first one!',
  'feed.writeFirst': 'Write a post',

  'post.by': 'by {name}',
  'post.edited': 'edited',
  'post.village': 'in {village}',
  'post.comments': { one: '1 comment', other: '{count} comments' },
  'post.noComments': 'No comments yet',

  'category.nieuws': 'News',
  'category.vraag-aanbod': 'Offers & requests',
  'category.activiteit': 'Activity',
  'category.initiatief': 'Initiative',
  'category.verhaal': 'Story',
  'category.gemeente': 'Municipality',

  'comment.label': 'Write a comment',
  'comment.submit': 'Post comment',
  'comment.posted': 'Your comment has been posted.',

  'composer.heading': 'New post',
  'composer.intro': 'Your post is kept when you are offline and sent later.',
  'composer.title': 'Title',
  'composer.body': 'Message',
  'composer.category': 'Category',
  'composer.category.choose': 'Choose a category',
  'composer.village': 'Village',
  'composer.village.all': 'Whole neighbourhood',
  'composer.submit': 'Post',
  'composer.draftRestored': 'Your draft has been restored.',
  'composer.posted': 'Your post has been published.',
  'composer.errorSummary': 'Please check the fields below.',
  'composer.readOnly': 'Writing is not possible in this version of the app.',

  'validation.required': 'Please fill in this field.',
  'validation.too_small': 'This is too short.',
  'validation.too_big': 'This is too long.',
  'validation.invalid': 'This value is not valid.',
  'validation.invalid_value': 'Choose one of the options.',
  'validation.title.too_small': 'Give your post a title.',
  'validation.title.too_big': 'Make the title shorter (at most {max} characters).',
  'validation.body.too_small': 'Write something in your post.',
  'validation.body.too_big': 'Make your post shorter (at most {max} characters).',
  'validation.category.invalid_value': 'Choose a category.',
  'validation.village.too_small': 'Choose a village.',
  'validation.comment.too_small': 'Write a comment first.',
  'validation.comment.too_big': 'Make your comment shorter (at most {max} characters).',
  'validation.permission': 'You may not post in this category.',

  'name.heading': 'What is your name?',
  'name.intro': 'Your neighbours see this name with your posts and comments.',
  'name.label': 'Your name',
  'name.save': 'Save',
  'name.cancel': 'Cancel',
  'name.required': 'Please fill in your name.',

  'update.available': 'New version available',
  'update.reload': 'Reload',
  'update.dismiss': 'Later',

  'time.justNow': 'just now',
};

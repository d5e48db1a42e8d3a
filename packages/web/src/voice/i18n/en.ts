import type { VoiceMessages } from './vi.ts';

export const voiceEn: VoiceMessages = {
  rate: {
    title: 'Rate our service',
    intro: 'Your opinion helps the commune serve you better. Ratings are counted anonymously: nobody learns who gave which.',
    dossier: 'Application {{code}} — {{procedure}}',
    comment: 'Anything else (optional)',
    commentHint: 'Please do not write names, phone numbers or ID numbers.',
    send: 'Send rating',
    sending: 'Sending…',
    thanks: 'Thank you for your rating!',
    thanksKiosk: 'Thank you! Please hand the tablet back to the officer.',
    needOverall: 'Please choose your overall satisfaction.',
    loading: 'Loading…',
    rateButton: 'Rate',
    rated: 'You have rated this application. Thank you!',
    optional: 'The other criteria are optional.',
  },
  kiosk: {
    open: 'Open the rating form at the desk',
    hint: 'Open it on the desk tablet, or let the person scan the QR code with their phone. It works once, for 30 minutes.',
    link: 'Open the rating form',
  },
};

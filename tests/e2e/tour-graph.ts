import type { BotGraph } from '@botflow/graph/catalogue';

/**
 * A guesthouse bot that uses every node type in one conversation, for the end-to-end tour. Branches the tour does not
 * take are left unconnected on purpose: taking one ends the conversation with another outcome, and the test fails.
 */

export const TOUR_OUTCOME = 'tour_completed';
export const TOUR_WEBHOOK_SECRET_REF = 'tour_hook';

type NodeRow = [type: string, options: Record<string, unknown>, next?: Record<string, string>];

const NODES: Record<string, NodeRow> = {
  // WhatsApp: every kind of message, sent in the first turn.
  welcome: ['send_text', { text: 'Welcome to the {{bot.brand}} tour!' }, { next: 'menu' }],
  menu: [
    'send_buttons',
    {
      body: 'Here is what we offer.',
      header: 'Menu',
      footer: 'Tap to look around',
      buttons: [
        { id: 'rooms', title: 'Rooms' },
        { id: 'tours', title: 'Tours' },
      ],
    },
    { next: 'catalogue' },
  ],
  catalogue: [
    'send_list',
    {
      body: 'Our rooms',
      button: 'See rooms',
      sections: [
        {
          title: 'Rooms',
          rows: [
            { id: 'garden', title: 'Garden room', description: 'Quiet, ground floor' },
            { id: 'sea', title: 'Sea view' },
          ],
        },
      ],
    },
    { next: 'photo' },
  ],
  photo: [
    'send_media',
    { mediaType: 'image', link: 'https://media.example.com/guesthouse.jpg', caption: 'The {{bot.brand}}' },
    { next: 'greeting' },
  ],
  greeting: [
    'send_template',
    { name: 'tour_welcome', language: 'en_US', bodyParameters: ['{{bot.brand}}'] },
    { next: 'ask_name' },
  ],

  // Input: every kind of question; the customer answers each validated one wrongly once.
  ask_name: ['ask_text', { prompt: "What's your name?", variable: 'name' }, { next: 'ask_plan' }],
  ask_plan: [
    'ask_choice',
    {
      prompt: 'Which plan, {{name}}?',
      choices: [
        { id: 'basic', title: 'Basic' },
        { id: 'premium', title: 'Premium' },
      ],
      variable: 'plan',
    },
    { basic: 'ask_room', premium: 'ask_room' },
  ],
  ask_room: [
    'ask_choice',
    {
      prompt: 'Which room?',
      choices: [
        { id: 'garden', title: 'Garden room' },
        { id: 'sea', title: 'Sea view' },
        { id: 'family', title: 'Family room' },
        { id: 'attic', title: 'Attic' },
      ],
      buttonLabel: 'Rooms',
      variable: 'room',
    },
    { garden: 'ask_guests', sea: 'ask_guests', family: 'ask_guests', attic: 'ask_guests' },
  ],
  ask_guests: [
    'ask_number',
    { prompt: 'How many guests?', variable: 'guests', min: 1, max: 10, integer: true },
    { next: 'ask_email' },
  ],
  ask_email: ['ask_email', { prompt: 'Your email address?', variable: 'email' }, { next: 'ask_phone' }],
  ask_phone: [
    'ask_phone',
    { prompt: 'Your phone number?', variable: 'phone', defaultCountry: 'ZA' },
    { next: 'ask_when' },
  ],
  ask_when: [
    'ask_date',
    { prompt: 'When do you arrive?', variable: 'booking_at', mode: 'datetime', timezone: 'UTC', notBefore: 'now' },
    { next: 'ask_where' },
  ],
  ask_where: ['ask_location', { prompt: 'Where are you now?', variable: 'place' }, { next: 'ask_photo' }],
  ask_photo: [
    'ask_file',
    { prompt: 'Send us a photo of your ID.', variable: 'id_photo', accept: 'image' },
    { next: 'compute' },
  ],

  // Logic: values, decisions, a split, a pause, a sub-flow and a jump.
  compute: [
    'set_variable',
    {
      assignments: [
        { variable: 'total', expression: 'guests * 100', type: 'number' },
        { variable: 'vip', expression: 'plan == "premium" && guests >= 4', type: 'boolean' },
        { variable: 'city', expression: 'place.name', type: 'string' },
        { variable: 'photo_id', expression: 'id_photo.mediaId', type: 'string' },
      ],
    },
    { next: 'party' },
  ],
  party: [
    'switch',
    {
      cases: [
        { id: 'small', expression: 'guests < 3' },
        { id: 'large', expression: 'guests >= 3' },
      ],
    },
    { large: 'is_vip' },
  ],
  is_vip: ['condition', { expression: 'vip' }, { true: 'split' }],
  split: ['ab_split', { variable: 'arm' }, { a: 'pause', b: 'pause' }],
  pause: ['wait', { seconds: 1 }, { next: 'profile' }],
  profile: ['call_flow', { entry: 'save_profile' }, { next: 'to_actions' }],
  to_actions: ['jump', { target: 'quote' }],

  // Data, in the sub-flow: the profile and a price table.
  save_profile: [
    'save_to_profile',
    {
      fields: [
        { field: 'first_name', value: '{{name}}' },
        { field: 'email', value: '{{email}}' },
        { field: 'phone_number', value: '{{phone}}' },
        { field: 'guests', value: 'guests', asExpression: true },
      ],
    },
    { next: 'price' },
  ],
  price: [
    'lookup_table',
    {
      columns: ['Plan', 'Per night'],
      rows: [
        ['Basic', '100'],
        ['Premium', '250'],
      ],
      key: '{{plan}}',
      column: 'Plan',
      outputs: [{ column: 'Per night', variable: 'per_night' }],
    },
    { found: 'say_price' },
  ],
  say_price: ['send_text', { text: 'The {{plan}} plan costs {{per_night}} a night.' }, { next: 'back' }],
  back: ['return', {}],

  // Actions against the test's local server.
  quote: [
    'http_request',
    {
      url: 'http://{{bot.api_host}}/quote?plan={{plan}}&guests={{guests}}',
      responseMapping: [
        { variable: 'quote_status', path: 'status' },
        { variable: 'quote_total', path: 'total' },
      ],
    },
    { next: 'say_quote' },
  ],
  say_quote: ['send_text', { text: 'Quote: {{quote_total}} ZAR (HTTP {{quote_status}}).' }, { next: 'notify' }],
  notify: [
    'webhook',
    {
      url: 'http://{{bot.api_host}}/hooks',
      event: 'booking.requested',
      payload: '{"name": "{{name}}", "email": "{{email}}", "guests": {{guests}}, "arrives": "{{booking_at}}"}',
      secretRef: TOUR_WEBHOOK_SECRET_REF,
    },
    { next: 'check_slot' },
  ],
  check_slot: [
    'check_availability',
    {
      calendarUrl: 'http://{{bot.api_host}}/calendar.ics',
      start: 'booking_at',
      durationMinutes: 60,
      conflictsVariable: 'clashes',
    },
    { busy: 'slot_taken' },
  ],
  slot_taken: ['send_text', { text: 'That time clashes with {{clashes}}.' }, { next: 'ask_wish' }],

  // AI, with the offline provider.
  ask_wish: ['ask_text', { prompt: 'What would you like?', variable: 'wish' }, { next: 'ai_reply' }],
  ai_reply: ['llm_reply', { system: 'You are the {{bot.brand}} assistant.' }, { next: 'ai_intent' }],
  ai_intent: [
    'classify_intent',
    {
      intents: [
        { id: 'book', description: 'book a room' },
        { id: 'question', description: 'ask a question about the guesthouse' },
      ],
      variable: 'intent',
    },
    { book: 'ai_fields' },
  ],
  ai_fields: [
    'extract_fields',
    { fields: [{ variable: 'wish_people', type: 'number', description: 'how many people' }] },
    { next: 'ai_answer' },
  ],
  ai_answer: [
    'knowledge_answer',
    { knowledgeBaseId: 'guesthouse-handbook', fallbackText: 'Our handbook is not connected yet.' },
    { unknown: 'ask_more' },
  ],

  // A hand-over, then the end.
  ask_more: [
    'ask_text',
    { prompt: 'Anything else? Type human to talk to a person.', variable: 'more' },
    { next: 'route' },
  ],
  route: [
    'branch',
    { variable: 'more', cases: [{ id: 'human', anyOf: ['human', 'person'], match: 'contains' }] },
    { human: 'handoff' },
  ],
  handoff: [
    'handoff',
    { reason: '{{name}} asked for a person', message: 'A person from our team will reply here shortly.' },
    { next: 'summary' },
  ],
  summary: [
    'send_text',
    {
      text:
        'Thanks {{name}}! {{plan}} plan, {{room}} room, {{guests}} guests ({{wish_people}} in your message), ' +
        'total {{total}}, from {{city}}, photo {{photo_id}}, intent {{intent}}, variant {{arm}}.',
    },
    { next: 'finish' },
  ],
  finish: ['end', { outcome: TOUR_OUTCOME }],
};

/** The tour as the editor would save it; `apiHost` (host:port) is where the action nodes' server listens. */
export function tourGraph(apiHost: string): BotGraph {
  return {
    entry: 'welcome',
    nodes: Object.entries(NODES).map(([id, [type, options]]) => ({ id, type, options })),
    edges: Object.entries(NODES).flatMap(([from, [, , next]]) =>
      Object.entries(next ?? {}).map(([port, to]) => ({ from, port, to })),
    ),
    variables: [],
    settings: { fields: { brand: 'Sunny Guesthouse', api_host: apiHost } },
  };
}

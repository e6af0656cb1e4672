// Text for the embeddings benchmark: what a small business's knowledge base and its customers say.

/** Knowledge-base passages, each with a customer question that asks for it in other words. */
export const faq: { passage: string; question: string }[] = [
  {
    passage: 'Our shops open from 8 am to 6 pm on weekdays and from 9 am to 1 pm on Saturdays.',
    question: 'when are you open on saturday',
  },
  {
    passage: 'Orders above R500 ship free anywhere in South Africa; smaller orders pay a flat R60.',
    question: 'do i have to pay for delivery',
  },
  {
    passage: 'Refunds reach your card within five to seven working days after we receive the returned item.',
    question: 'how long until i get my money back',
  },
  {
    passage: 'You can return unworn shoes within 30 days if you keep the box and the receipt.',
    question: 'can I send back sneakers that do not fit',
  },
  {
    passage: 'To reset your password, tap "Forgot password" on the login screen and follow the link we email you.',
    question: "I can't log in, I forgot my password",
  },
  {
    passage: 'The premium plan costs R199 a month and includes unlimited bots and priority support.',
    question: 'what is the price of the paid subscription',
  },
  {
    passage: 'We deliver to Cape Town, Durban and Johannesburg within two working days.',
    question: 'how fast do you ship to durban',
  },
  {
    passage: 'Card payments, EFT, SnapScan and cash on delivery are accepted.',
    question: 'can i pay when the parcel arrives',
  },
  {
    passage: 'If your parcel arrives damaged, send us a photo within 48 hours and we will replace it.',
    question: 'my package came broken what do i do',
  },
  {
    passage: 'Gift cards are valid for three years and can be used online or in any store.',
    question: 'do vouchers expire',
  },
  {
    passage: 'Our pizzas are baked in a wood-fired oven and gluten-free bases cost R20 extra.',
    question: 'do you have pizza for people with coeliac disease',
  },
  {
    passage: 'Table bookings for groups larger than eight people need a R200 deposit.',
    question: 'reserving for a party of twelve',
  },
  {
    passage: 'The clinic sees walk-in patients until 4 pm; after that, phone the after-hours number.',
    question: 'can i see a doctor without an appointment',
  },
  {
    passage: 'Vaccinations for puppies start at six weeks and need boosters every three to four weeks.',
    question: 'when should my new dog get its shots',
  },
  {
    passage: 'Parking is free for customers in the basement for the first two hours.',
    question: 'where can i leave my car',
  },
  {
    passage: 'Our technicians repair cracked phone screens in about an hour while you wait.',
    question: 'how long does fixing a smashed display take',
  },
  {
    passage: 'Laptop batteries carry a six-month warranty against manufacturing defects.',
    question: 'is there a guarantee on the notebook battery',
  },
  {
    passage: 'Classes are cancelled when the weather service issues an orange or red warning.',
    question: 'is the course still on during the storm',
  },
  { passage: 'Students get 15 percent off with a valid student card.', question: 'discount for university learners' },
  {
    passage: 'Change your delivery address in the app under Orders, before the parcel is dispatched.',
    question: 'i moved, can i update where my order goes',
  },
  {
    passage: 'Our bakery makes sourdough every morning and sells out by ten.',
    question: 'what time should I come for fresh bread',
  },
  {
    passage: 'Electricity bills can be paid at the municipal offices or through the city app.',
    question: 'where do i settle my power account',
  },
  {
    passage: 'Lost bank cards must be blocked immediately by calling the 24-hour fraud line.',
    question: 'someone stole my debit card',
  },
  {
    passage: 'Home loans need three months of payslips and six months of bank statements.',
    question: 'what documents for a mortgage application',
  },
  {
    passage: 'The gym is closed on public holidays except for the outdoor pool.',
    question: 'can I train on christmas day',
  },
  {
    passage: 'Personal training sessions are booked through the front desk and cost R350 each.',
    question: 'how much is a one-on-one coach',
  },
  {
    passage: 'Our hotel check-in starts at 2 pm and check-out is at 11 am.',
    question: 'what time can we get the room',
  },
  {
    passage: 'Airport shuttles leave the hotel every hour from 5 am and must be booked a day ahead.',
    question: 'is there transport to the airport',
  },
  {
    passage: 'The bot answers in English, Afrikaans and isiZulu; type "language" to switch.',
    question: 'can i chat in zulu',
  },
  {
    passage: 'Subscriptions renew automatically each month; cancel any time in Settings > Billing.',
    question: 'how do I stop being charged every month',
  },
  {
    passage: 'Invoices are emailed on the first day of the month and can be downloaded as PDF.',
    question: 'where can i find my bill',
  },
  {
    passage: 'Water outages are announced on our website and by SMS to registered households.',
    question: 'how will i know when the taps are off',
  },
];

/** Sentences unlike the knowledge base: other topics, languages, numbers and code. */
export const varied: string[] = [
  'The central bank kept interest rates unchanged for the third meeting in a row.',
  'A late goal gave the home side a 2–1 win in front of a sold-out stadium.',
  'Simmer the onions slowly until golden before adding the tomatoes and spices.',
  'The new telescope captured infrared images of a galaxy 13 billion light-years away.',
  'Researchers found that short walks after meals lower blood sugar.',
  'Ons winkel is Sondae gesluit, maar die aanlyn winkel is altyd oop.',
  'El envío tarda entre tres y cinco días hábiles.',
  'A entrega é gratuita para encomendas acima de 500 rands.',
  'Le rendez-vous est confirmé pour mardi à quinze heures.',
  "SELECT id, name FROM customers WHERE created_at > now() - interval '7 days';",
  'Error 502: the upstream server did not answer in time.',
  'Invoice #20391, total R 4 312,50, due 2026-12-01.',
  'Mix 2 cups flour, 1 tsp baking powder and a pinch of salt.',
  'The river burst its banks after three days of heavy rain.',
  'Quarterly revenue rose 12% while operating costs fell.',
  'Please keep your seatbelt fastened while the sign is on.',
  'The museum reopens next month with a new dinosaur gallery.',
  'Photosynthesis turns light, water and carbon dioxide into sugar and oxygen.',
  'He practised the violin for two hours every evening.',
  'Turn left at the second traffic light and the pharmacy is on your right.',
  'lol ok see u at 7 👍',
  'Thanks so much, that solved it!',
  'The committee postponed the vote until more data is available.',
  'Rust and Go both compile to native binaries.',
  'Her novel follows three generations of a fishing family.',
  'Wind turbines supplied a record share of the grid last winter.',
  'Keep the medicine in a cool, dry place out of reach of children.',
  'The train to Pretoria is delayed by twenty minutes.',
  'Kubernetes restarts a pod when its liveness probe fails.',
  'Ngiyabonga kakhulu ngosizo lwakho.',
];

const subjects = [
  'The customer',
  'Our driver',
  'A new user',
  'The store manager',
  'My neighbour',
  'The support agent',
  'A tourist',
  'The accountant',
];
const actions = [
  'asked about',
  'complained about',
  'was happy with',
  'could not find',
  'paid for',
  'cancelled',
  'recommended',
  'forgot about',
];
const objects = [
  'the late delivery',
  'the weekend special',
  'a refund for the jacket',
  'the broken charger',
  'the monthly subscription',
  'a table for four',
  'the booking confirmation',
  'the spare parts',
  'the warranty claim',
  'the loyalty points',
];
const contexts = [
  'yesterday afternoon',
  'on the WhatsApp line',
  'after waiting an hour',
  'during the holiday rush',
  'in a long voice note',
  'before the shop closed',
  'while travelling abroad',
  'for the second time this week',
];

/** Deterministic template sentences (a seeded generator), so runs compare. */
export function generatedSentences(count: number, seed = 7): string[] {
  let state = seed;
  const pick = <T>(list: T[]): T => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return list[state % list.length]!;
  };
  return Array.from({ length: count }, () => `${pick(subjects)} ${pick(actions)} ${pick(objects)} ${pick(contexts)}.`);
}

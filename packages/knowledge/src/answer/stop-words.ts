// Question and function words of the languages the full-text search knows (English, Portuguese, Spanish), accents
// dropped: they say nothing about which sentence answers.
const ENGLISH = `a an the and or but if of to in on at by for from with about into over under as is are was were be
been being am do does did doing have has had having can could will would shall should may might must i me my we our us
you your he she it its they them their this that these those there here what which who whom whose when where why how
much many any some all no not yes please tell know want need get don doesn isn aren hi hello thanks thank`;

const PORTUGUESE = `o a os as um uma uns umas de do da dos das em no na nos nas por pelo pela para com sem sobre e ou
mas se que qual quais quem quando onde como quanto quanta quantos quantas porque por que e sao foi ser estar esta estao
tem ter ha eu voce voces ele ela eles elas nos meu minha seu sua isso isto esse essa este aquele aquela ola oi
obrigado obrigada favor pode posso gostaria queria saber`;

const SPANISH = `el la los las un una unos unas de del al en por para con sin sobre y o pero si que cual cuales quien
cuando donde como cuanto cuanta cuantos cuantas porque es son fue ser estar esta estan hay tiene tener yo usted ustedes
tu el ella ellos ellas nosotros mi su eso esto ese esa este aquel hola gracias favor puede puedo quisiera saber`;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  [ENGLISH, PORTUGUESE, SPANISH].flatMap((list) => list.split(/\s+/)),
);

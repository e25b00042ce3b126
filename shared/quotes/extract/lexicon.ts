/**
 * The English vocabulary the quote extractor leans on: verbs of saying, titles written before
 * names, nouns that describe a person's role or an organisation, and nouns that name a work
 * (a programme, a book) so its quoted title is not taken for speech. The lists are generic
 * news English; none of them is tuned to a particular text.
 */

/** Verbs that attribute speech. Past, present and bare forms, since wire copy uses all three. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(
  [
    'said says say told tells tell added adds stated states declared declares explained explains',
    'noted notes continued continues insisted insists argued argues warned warns cautioned cautions',
    'asked asks answered answers replied replies responded responds wrote writes tweeted posted',
    'remarked remarks commented comments observed observes acknowledged acknowledges admitted admits',
    'conceded concedes claimed claims contended contends maintained maintains recalled recalls',
    'suggested suggests predicted predicts announced announces urged urges pledged pledges',
    'promised promises vowed vows emphasized emphasizes emphasised emphasises stressed stresses',
    'complained complains countered counters concluded concludes quipped joked shouted yelled',
    'whispered testified testifies confirmed confirms denied denies assured assures',
    'boasted boasts lamented laments mused muses reiterated reiterates',
  ]
    .join(' ')
    .split(' '),
)

/**
 * Verbs that attribute a quotation following them but never one preceding them: those taking
 * a quoted fragment as complement ("called the outcome 'a disaster'") and participles
 * ("..., saying the plan was 'badly scoped'").
 */
export const INTRODUCING_VERBS: ReadonlySet<string> = new Set(
  [
    'called calls described describes dubbed dubs termed terms labelled labeled branded brands',
    'saying adding telling writing warning arguing insisting calling describing',
  ]
    .join(' ')
    .split(' '),
)

/** Honorifics: dropped from a name, and not a role. */
export const HONORIFICS: ReadonlySet<string> = new Set(
  'Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Mx. Dr Dr. Prof Prof. Sir Dame Madam Madame Mme M. Herr Frau'.split(
    ' ',
  ),
)

/** Capitalised words that, written before a name, make the words before and including them a role. */
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  [
    'President Vice-President Minister Secretary Secretary-General Chancellor Premier Senator Sen.',
    'Representative Rep. Congressman Congresswoman Governor Gov. Mayor General Gen. Lieutenant Lt.',
    'Colonel Col. Major Maj. Captain Capt. Sergeant Sgt. Admiral Adm. Commander Cmdr. Marshal',
    'Ambassador Envoy Spokesperson Spokesman Spokeswoman Director Director-General Chief Chairman',
    'Chairwoman Chairperson Chair CEO Professor Judge Justice King Queen Prince Princess Pope',
    'Cardinal Archbishop Bishop Rabbi Imam Sheikh Commissioner Deputy Speaker Leader Inspector',
    'Superintendent Supt. Sheriff Attorney Prosecutor Councillor Councilor Alderman Lord Lady',
    'Baroness Baron MP MEP Negotiator Coordinator Envoy Rapporteur Treasurer Auditor Registrar',
    'Emir Sultan Crown Archduke Patriarch Metropolitan Reverend Rev. Father Sister Brother Coach',
  ]
    .join(' ')
    .split(' '),
)

/** Lower-case nouns that say what a person is ("a senior diplomat", "the group's negotiator"). */
export const ROLE_NOUNS: ReadonlySet<string> = new Set(
  [
    'minister secretary spokesperson spokesman spokeswoman negotiator analyst fellow director',
    'executive officer official diplomat observer professor researcher economist president',
    'chairman chairwoman chair head chief leader founder manager adviser advisor aide ambassador',
    'envoy governor mayor senator lawmaker legislator member commander general strategist expert',
    'lawyer attorney judge editor correspondent reporter columnist author scientist doctor',
    'representative coordinator partner consultant candidate activist campaigner organiser',
    'organizer resident witness owner worker farmer student teacher historian commissioner deputy',
    'ceo cfo chancellor premier mp spokespeople officials diplomats analysts sources source',
    'insider person man woman negotiators investor trader banker economist engineer nurse',
    'survivor victim relative mother father son daughter soldier officer commentator pollster',
    'strategist scholar academic researcher director-general secretary-general prosecutor',
    'mediator pilot engineer master captain skipper sailor fisherman driver inspector detective',
    'firefighter paramedic surgeon physician pharmacist lecturer dean principal rector curator',
    'producer writer novelist poet artist musician singer actor actress athlete player coach',
    'referee priest pastor vicar imam rabbi cleric bishop councillor councilor alderman sheriff',
    'magistrate barrister solicitor counsel clerk auditor accountant broker entrepreneur',
    'businessman businesswoman shopkeeper landlord tenant voter protester demonstrator unionist',
    'steward employee staffer labourer laborer miner docker dockworker mechanic electrician',
    'builder architect planner developer biologist physicist chemist geologist meteorologist',
    'forecaster epidemiologist virologist psychologist sociologist journalist photographer',
    'broadcaster presenter anchor blogger critic chairperson trustee boss operator supervisor',
    'superintendent warden guard colonel lieutenant sergeant veteran refugee migrant pensioner',
    'parent grandmother grandfather widow neighbour neighbor villager citizen volunteer nurse',
    'delegate participant attendee organiser host guest fan supporter opponent ally rival',
    'colleague friend shopper customer client patient mum mom dad wife husband brother sister',
    'child teenager kid girl boy adult elder shareholder user viewer reader listener commenter',
    'follower influencer creator designer programmer astronomer astronaut graduate striker',
    'midfielder defender goalkeeper umpire jockey rider cyclist runner swimmer boxer fighter',
    'wrestler golfer skier champion winner finalist contestant nominee advocate lobbyist donor',
    'staff foreman trooper agent consul juror defendant plaintiff suspect inmate prisoner',
    'detainee immigrant rancher grower winemaker vintner brewer baker chef cook waiter waitress',
    'bartender vendor seller buyer homeowner plumber admiral dentist therapist psychiatrist',
    'midwife caregiver monk nun cardinal rapper drummer guitarist bassist songwriter composer',
    'conductor dancer comedian filmmaker archaeologist anthropologist librarian monarch',
    'king queen prince princess duke duchess lord lady sheikh emir sultan chancellor',
    'forward quarterback pitcher catcher shortstop linebacker receiver winger fullback rookie',
    'outfielder infielder batsman bowler keeper centre-back left-back right-back playmaker',
  ]
    .join(' ')
    .split(' '),
)

/** Nouns that make a phrase an organisation rather than a person. */
export const ORGANISATION_WORDS: ReadonlySet<string> = new Set(
  [
    'ministry department office embassy government agency commission council committee',
    'organization organisation institute institution university college school association',
    'company corporation corp inc ltd llc plc group bank fund foundation federation union party',
    'court police army navy forces parliament assembly senate congress house service bureau',
    'center centre authority board network press wire news times post herald tribune journal',
    'gazette broadcasting television radio channel league alliance coalition secretariat',
    'mission delegation cabinet administration regime republic kingdom state states nations',
    'council commodities holdings partners capital securities airlines airways motors energy',
    'productions studios records entertainment media pictures films labs laboratories technologies',
    'systems solutions industries enterprises ventures communications publishing publishers',
    'hospital clinic museum gallery theatre theater orchestra club fc foundation trust charity',
    'daily weekly magazine review gazette chronicle courier telegraph',
  ]
    .join(' ')
    .split(' '),
)

/** Nouns naming a work or outlet: a quoted span next to one is its title, not speech. */
export const WORK_NOUNS: ReadonlySet<string> = new Set(
  [
    'program programme programs programmes show shows series documentary film movie book novel',
    'memoir article essay op-ed oped column editorial report study paper podcast newsletter song',
    'album play opera exhibition exhibit magazine newspaper broadcast segment episode headline',
    'blog post poem speech lecture address manifesto bill act motion hashtag slogan campaign',
    'operation doctrine plan strategy initiative treaty accord agreement conference summit',
  ]
    .join(' ')
    .split(' '),
)

/** Words that introduce a work's title directly ("an op-ed titled ..."). */
export const TITLE_INTRODUCERS: ReadonlySet<string> = new Set(
  'titled entitled headlined headed captioned subtitled'.split(' '),
)

/**
 * Abbreviations whose full stop does not end a sentence. Compared without the stop and
 * case-sensitively, since "No." and "no." differ.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  [
    'Mr Mrs Ms Mx Dr Prof Gen Sen Rep Gov Lt Col Capt Sgt Maj Adm Cmdr Supt Insp Det Rev Hon Fr',
    'St Jr Sr No Nos Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mt Ft vs approx est Inc',
    'Corp Ltd Co Bros Ave Blvd Rd Dept Univ Gov Pres Sec Amb',
  ]
    .join(' ')
    .split(' '),
)

/** Capitalised words that start sentences or name dates, never people. */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set(
  [
    'The A An In On At But And Or As If When While After Before According However Meanwhile',
    'Speaking Asked Although Though Since Because During Despite Under Over From To For With',
    'Without Asked It Its This That These Those There Here We I You They He She His Her Their',
    'Our My Your Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March',
    'April May June July August September October November December Today Yesterday Tomorrow',
    'Last Next Earlier Later Some Many Most Several Few Other Another One Two Three Four Five',
    'Analysts Officials Critics Experts Residents Sources Observers Diplomats People Police',
    'Still Yet Also Even Only Just So Then Thus Such Both Each Every No Not Now Instead Once',
    'Good Thank Thanks Yes Well Please Let Do Does Did Is Are Was Were Will Would Could Should',
  ]
    .join(' ')
    .split(' '),
)

/** Capitalised words that are never a name's first word, wherever they stand. */
export const NEVER_NAME_WORDS: ReadonlySet<string> = new Set(
  [
    'The A An This That These Those According Monday Tuesday Wednesday Thursday Friday Saturday',
    'Sunday January February March September October November December I We You They He She It',
  ]
    .join(' ')
    .split(' '),
)

/** Lower-case particles that may sit inside a personal name ("Ursula von der Leyen"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(
  'de van von der den da di du la le al el bin ibn ben dos das del della ter y'.split(' '),
)

/**
 * Lemmas of verbs that report speech or writing, as the tagger lemmatises them. A verb of this
 * list anywhere next to a quotation attributes it; any other verb does only in the slot right
 * after a quotation ending in a comma or question mark ("…?" she pressed).
 */
export const SPEECH_LEMMAS: ReadonlySet<string> = new Set(
  [
    'say tell add state declare explain note continue insist argue warn caution ask answer reply',
    'respond write tweet post remark comment observe acknowledge admit concede claim contend',
    'maintain recall recount remember suggest predict announce urge pledge promise vow emphasize',
    'emphasise stress complain counter conclude quip joke shout yell whisper testify confirm deny',
    'assure boast lament muse reiterate explain describe call characterize',
    'characterise agree disagree point recommend report speak reflect caution concur',
    'exclaim murmur mutter snap retort protest plead beg demand inform advise acknowledge',
    'estimate calculate predict forecast summarize summarise admit tweet',
    'blog email text message post write',
  ]
    .join(' ')
    .split(' '),
)

/** Nouns that tell a person's sex. */
export const FEMALE_NOUNS: ReadonlySet<string> = new Set(
  [
    'woman mother daughter wife sister grandmother granddaughter aunt niece widow girl lady',
    'spokeswoman chairwoman businesswoman congresswoman councilwoman actress queen princess',
    'duchess baroness dame madam nun mrs ms miss she her herself girlfriend fiancee bride',
  ]
    .join(' ')
    .split(' '),
)
export const MALE_NOUNS: ReadonlySet<string> = new Set(
  [
    'man father son husband brother grandfather grandson uncle nephew widower boy gentleman',
    'spokesman chairman businessman congressman councilman actor king prince duke baron sir',
    'monk mr he him his himself boyfriend fiance groom',
  ]
    .join(' ')
    .split(' '),
)

/** Verbs whose subject is a person, not a place or a thing (a name before one is a person). */
export const PERSON_LEMMAS: ReadonlySet<string> = new Set(
  [
    'run work live own lead head found grow move join remember recall believe think hope fear',
    'want know spend teach farm flee smile laugh nod shrug sigh frown grin weep cry carve',
    'marry marry die retire resign study graduate learn decide agree refuse vote campaign',
    'pour remove place hold speak meet visit travel arrive leave return attend serve wonder',
    'regard admire feel worry insist recall interview hire fire pray',
  ]
    .join(' ')
    .split(' '),
)

/**
 * Phrase pools for generated English articles. Everything is fictional: people, companies and
 * institutes are made up; place names are only used as datelines. Slots in `{braces}` are filled by
 * contentEn.ts.
 */

export interface EnTopic {
  noun: string;
  titles: string[];
  scene: string;
  people: string;
  aspects: string[];
  tags: string[];
}

export interface EnCategory {
  slug: string;
  name: string;
  places: string[];
  topics: EnTopic[];
  openings: string[];
  sentences: string[];
  captions: string[];
}

const WORLD_CITIES = ['Lisbon', 'Nairobi', 'Manila', 'Santiago', 'Oslo', 'Hanoi', 'Accra', 'Montevideo', 'Tbilisi', 'Auckland'];
const BUSINESS_CITIES = ['Rotterdam', 'Chicago', 'Singapore', 'Frankfurt', 'Toronto', 'Melbourne', 'Osaka', 'Dublin'];

export const EN_CATEGORIES: EnCategory[] = [
  {
    slug: 'world',
    name: 'World',
    places: WORLD_CITIES,
    topics: [
      { noun: 'flood recovery effort', titles: ['{place} begins rebuilding after record floods', 'Flood-hit {place} seeks ${n} million in recovery aid'], scene: 'crews were still clearing mud from ground-floor shops along the riverfront', people: 'residents', aspects: ['temporary housing', 'drainage repairs', 'insurance claims', 'school reopenings'], tags: ['floods', 'climate'] },
      { noun: 'municipal election', titles: ['Voters in {place} head to the polls in tight mayoral race', '{place} mayoral race hinges on housing and transit'], scene: 'volunteers handed out leaflets outside a crowded market hall', people: 'voters', aspects: ['housing costs', 'public transit', 'local taxes', 'street safety'], tags: ['elections', 'politics'] },
      { noun: 'heat action plan', titles: ['{place} opens cooling centers as heat wave lingers', '{place} unveils plan to shade its hottest streets'], scene: 'families lined up for water at a cooling center set up in a school gym', people: 'outdoor workers', aspects: ['tree planting', 'cooling centers', 'work-hour limits', 'hospital readiness'], tags: ['heat', 'public health'] },
      { noun: 'water rationing scheme', titles: ['{place} extends water rationing for {n} more weeks', 'Reservoir levels in {place} fall to a {n}-year low'], scene: 'tanker trucks moved slowly through narrow streets on the city\'s eastern edge', people: 'households', aspects: ['leak repairs', 'tariff changes', 'reservoir storage', 'farm irrigation'], tags: ['water', 'drought'] },
    ],
    openings: [
      'Officials in {place} said on {weekday} that the {topic} would move into a new phase, after weeks of pressure from {people}.',
      'The {topic} in {place} entered its {ordinal} week on {weekday}, with local leaders promising faster progress.',
    ],
    sentences: [
      'On a visit to the city center, {scene}.',
      '"We have done more in the past month than in the previous year, but nobody here is declaring victory," said {name}, a deputy mayor.',
      'The plan sets aside money for {aspect} and {aspect2}, according to a summary published by the city council.',
      'Critics say the response has been too slow, and that {people} in poorer districts have waited longest for help.',
      'A survey by the Lakeside Policy Institute found that {pct} percent of {people} rated the response as adequate.',
      'Regional authorities have pledged {n} million dollars in additional support, though only part of it has been released.',
      '{name}, who has lived in the area for {n2} decades, said the past few months had tested the neighborhood\'s patience.',
      'Officials expect to publish a detailed timeline for {aspect2} before the end of the month.',
      'Neighboring towns are watching closely, since many of them face the same problems with {aspect}.',
      'The council is due to vote on a revised budget next week.',
    ],
    captions: ['A street in central {place} on {weekday}.', 'Workers in {place} during the {topic}.', 'Residents gather at a community hall in {place}.'],
  },
  {
    slug: 'business',
    name: 'Business',
    places: BUSINESS_CITIES,
    topics: [
      { noun: 'container shipping market', titles: ['Shipping rates out of {place} climb for a {ordinal} straight month', 'Port of {place} posts busiest quarter in {n2} years'], scene: 'cranes worked through the night to clear a backlog of containers at the main terminal', people: 'freight forwarders', aspects: ['fuel costs', 'port congestion', 'new vessel deliveries', 'insurance premiums'], tags: ['shipping', 'trade'] },
      { noun: 'small-business lending', titles: ['Small-business loans in {place} rise {n} percent', 'Lenders in {place} ease terms for small firms'], scene: 'a line of shop owners waited to meet advisers at a lending fair downtown', people: 'small-business owners', aspects: ['interest rates', 'credit checks', 'loan guarantees', 'cash flow'], tags: ['banking', 'small business'] },
      { noun: 'housing market', titles: ['Home prices in {place} cool as mortgage costs bite', 'Rents in {place} hit a record for the {ordinal} quarter'], scene: 'open-house signs dotted a suburban street where several homes have sat unsold for months', people: 'first-time buyers', aspects: ['mortgage rates', 'new construction', 'rental supply', 'zoning rules'], tags: ['housing', 'real estate'] },
      { noun: 'coffee trade', titles: ['Coffee roasters in {place} pass on higher bean prices', 'Café chains in {place} trim menus as costs rise'], scene: 'sacks of green coffee were stacked to the ceiling of a warehouse near the docks', people: 'café owners', aspects: ['bean prices', 'shipping delays', 'currency swings', 'customer demand'], tags: ['commodities', 'food'] },
    ],
    openings: [
      'The {topic} in {place} showed fresh signs of strain on {weekday}, as {people} adjusted to higher costs.',
      'Figures released on {weekday} suggest the {topic} in {place} is changing faster than many analysts expected.',
    ],
    sentences: [
      'According to data compiled by Northgate Analytics, activity rose {pct} percent from a year earlier.',
      '"Margins are thin, and every extra week of uncertainty costs us money," said {name}, chief executive of a mid-sized firm.',
      'Analysts point to {aspect} and {aspect2} as the main forces behind the shift.',
      'At one site, {scene}.',
      'Several companies have postponed investment decisions until the outlook for {aspect} becomes clearer.',
      'Economists at Bluefin Capital expect the trend to continue for at least {n2} more quarters.',
      'Trade groups have asked regulators to take a fresh look at {aspect2}, arguing that current policy weighs on smaller players.',
      '{name}, an economist at the Harborview Institute, said the numbers were "better than feared, but not yet good."',
      'Shares of companies exposed to the sector were mixed in afternoon trading.',
      'The next set of official figures is due in about {n2} weeks.',
    ],
    captions: ['Containers at the port of {place}.', 'A shopping street in {place}.', 'Traders at work in {place}.'],
  },
  {
    slug: 'tech',
    name: 'Technology',
    places: BUSINESS_CITIES,
    topics: [
      { noun: 'battery recycling program', titles: ['{place} startup turns old batteries into new cells', 'Battery recycling plant opens outside {place}'], scene: 'engineers in protective suits fed shredded battery packs into a sorting line', people: 'recyclers', aspects: ['material recovery', 'safety standards', 'collection points', 'plant capacity'], tags: ['batteries', 'recycling'] },
      { noun: 'municipal broadband network', titles: ['{place} switches on city-owned fiber network', '{n} thousand homes in {place} get faster broadband'], scene: 'technicians pulled fiber cable through a trench along a residential street', people: 'subscribers', aspects: ['installation costs', 'monthly prices', 'rural coverage', 'network reliability'], tags: ['broadband', 'internet'] },
      { noun: 'hospital software rollout', titles: ['Hospitals in {place} adopt new scheduling software', 'Software update cuts waiting lists at {place} clinics'], scene: 'nurses gathered around a screen for a training session between shifts', people: 'patients', aspects: ['data privacy', 'staff training', 'waiting times', 'system outages'], tags: ['health tech', 'software'] },
      { noun: 'open data portal', titles: ['{place} publishes transit data for app developers', '{place} open data portal passes {n} thousand users'], scene: 'a group of student developers tested a bus-tracking app at a weekend hackathon', people: 'developers', aspects: ['data quality', 'privacy rules', 'update frequency', 'licensing'], tags: ['open data', 'apps'] },
    ],
    openings: [
      'A {topic} in {place} reached a milestone on {weekday}, its backers said, after months of testing.',
      'The {topic} launched in {place} last year is starting to show results, according to figures shared on {weekday}.',
    ],
    sentences: [
      'The project is run by Copperleaf Systems, a local company with about {n3} employees.',
      '"The technology works; the hard part is getting people to trust it," said {name}, who leads the effort.',
      'Early results show a {pct} percent improvement in {aspect}, though the sample is still small.',
      'During a demonstration, {scene}.',
      'Consumer groups have raised questions about {aspect2}, and the company says it will publish an independent audit.',
      'The city has committed {n} million dollars over {n2} years, with further funding tied to performance targets.',
      '{name}, a researcher who has studied similar programs, said the key test will come when usage grows.',
      'Other cities in the region have asked for briefings on the approach.',
      'A second phase, focused on {aspect}, is scheduled to begin next spring.',
    ],
    captions: ['Inside the {topic} in {place}.', 'A technician at work in {place}.', 'Equipment used in the {topic}.'],
  },
];

export const EN_FIRST_NAMES = ['Jane', 'Daniel', 'Priya', 'Marcus', 'Elena', 'Samuel', 'Grace', 'Omar', 'Hannah', 'Lucas', 'Mei', 'Tomas'];
export const EN_LAST_NAMES = ['Doe', 'Okafor', 'Lindqvist', 'Reyes', 'Thornton', 'Nakamura', 'Mbeki', 'Alvarez', 'Fischer', 'Brennan', 'Castillo', 'Novak'];
export const EN_SITE_NAME = 'Harbor Daily';
/** Fictional wire service credited on staff-less pieces. */
export const EN_WIRE = 'Meridian Wire';
export const EN_COMMENTS = [
  'Great reporting, thanks for covering this.',
  'I would like to see the numbers broken down by district.',
  'This has been a long time coming.',
  'Not convinced this will last, but it is a start.',
  'Does anyone know when the next update is due?',
];
export const EN_USER_NAMES = ['harbor_reader', 'mkline', 'Quietfox', 'local_dad', 'Ana R.'];

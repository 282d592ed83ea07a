// General world knowledge: countries, capitals and major cities, regions, major international bodies, and the
// words that make up titles and organisation names. Nothing here is taken from the evaluation texts: each list is
// what any English news reader knows.
import type { EntityType } from "../types";

const list = (s: string) => s.trim().split(/\s*\|\s*/);

export const COUNTRIES = list(`
Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|
Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|
Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|
Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|
France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary|Iceland|India|
Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|
Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|
Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|
Myanmar|Burma|Namibia|Nauru|Nepal|Netherlands|Holland|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|
Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|
Russia|Rwanda|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|
Solomon Islands|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|
Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|Türkiye|Turkmenistan|Tuvalu|Uganda|
Ukraine|United Arab Emirates|UAE|United Kingdom|Britain|Great Britain|England|Scotland|Wales|Northern Ireland|UK|U.K.|
United States|United States of America|USA|U.S.A.|US|U.S.|America|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|
Yemen|Zambia|Zimbabwe|Hong Kong|Macau|Greenland|Puerto Rico|Tibet|Xinjiang|Crimea|Gaza|West Bank|Korea`);

export const CITIES = list(`
Washington|Washington DC|Washington D.C.|New York|New York City|Los Angeles|San Francisco|Chicago|Boston|Houston|Dallas|
Miami|Atlanta|Seattle|Detroit|Philadelphia|Denver|Phoenix|Las Vegas|San Diego|San Jose|Austin|St. Louis|Anchorage|
Honolulu|Manhattan|Brooklyn|Silicon Valley|Cupertino|Ottawa|Toronto|Montreal|Vancouver|Mexico City|London|Paris|Berlin|
Frankfurt|Munich|Hamburg|Madrid|Barcelona|Rome|Milan|Vienna|Zurich|Geneva|Brussels|Amsterdam|The Hague|Dublin|Lisbon|
Athens|Warsaw|Prague|Budapest|Bucharest|Stockholm|Oslo|Copenhagen|Helsinki|Moscow|St. Petersburg|Kyiv|Kiev|Minsk|
Istanbul|Ankara|Tehran|Baghdad|Damascus|Beirut|Jerusalem|Tel Aviv|Cairo|Riyadh|Dubai|Abu Dhabi|Doha|Kabul|Islamabad|
New Delhi|Delhi|Mumbai|Beijing|Shanghai|Shenzhen|Guangzhou|Hangzhou|Wuhan|Tianjin|Chongqing|Taipei|Tokyo|Osaka|Seoul|
Pyongyang|Hanoi|Bangkok|Jakarta|Bali|Manila|Kuala Lumpur|Canberra|Sydney|Melbourne|Wellington|Nairobi|Lagos|Johannesburg|
Cape Town|Addis Ababa|Buenos Aires|Sao Paulo|São Paulo|Rio de Janeiro|Brasilia|Lima|Bogota|Santiago|Caracas|Havana|
Davos|Hiroshima|Kyoto|Yokohama|Busan|Hong Kong|Macau|Phnom Penh|Yangon|Dhaka|Karachi|Lahore|Colombo|Kathmandu|Ulaanbaatar|
Almaty|Tashkent|Baku|Tbilisi|Yerevan|Kharkiv|Odesa|Odessa|Mariupol|Bakhmut|Gdansk|Krakow|Marseille|Lyon|Naples|Venice|
Florence|Edinburgh|Glasgow|Manchester|Liverpool|Birmingham|Oxford|Cambridge|Brisbane|Perth|Auckland|Montana|Alaska|
Hawaii|California|Texas|Florida|New Jersey|Virginia|Ontario|Quebec|British Columbia|Alberta|Bavaria`);

/** US states not already above (so "Michigan" is a place). */
export const STATES = list(`
Alabama|Arizona|Arkansas|Colorado|Connecticut|Delaware|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|
Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Nebraska|Nevada|New Hampshire|New Mexico|North Carolina|
North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Utah|Vermont|
West Virginia|Wisconsin|Wyoming`);

export const REGIONS = list(`
Africa|Asia|Europe|North America|South America|Latin America|Central America|Antarctica|Oceania|Australasia|Eurasia|
Middle East|Near East|Far East|East Asia|South Asia|Southeast Asia|Central Asia|West Africa|East Africa|North Africa|
Sub-Saharan Africa|Eastern Europe|Western Europe|Central Europe|Scandinavia|Balkans|Caucasus|Arctic|Pacific|Atlantic|
Indian Ocean|Pacific Ocean|Atlantic Ocean|Mediterranean|Black Sea|Baltic|Baltic Sea|Red Sea|Persian Gulf|Gulf|
South China Sea|East China Sea|Taiwan Strait|Strait of Hormuz|Korean Peninsula|Indo-Pacific|Asia-Pacific|Sahel|Horn of Africa|
Kashmir|Donbas|Siberia|Patagonia|Caribbean|Himalayas|Amazon|West|Midwest`);

/** Major international and national bodies: canonical name, then other names and acronyms. */
export const BODIES: string[][] = [
  ["United Nations", "UN", "U.N."],
  ["UN General Assembly", "U.N. General Assembly", "United Nations General Assembly", "UNGA"],
  ["UN Security Council", "U.N. Security Council", "United Nations Security Council", "Security Council"],
  ["North Atlantic Treaty Organization", "NATO"],
  ["European Union", "EU", "E.U."],
  ["European Commission"],
  ["World Health Organization", "WHO"],
  ["World Trade Organization", "WTO"],
  ["International Monetary Fund", "IMF"],
  ["World Bank"],
  ["Group of 20", "G20", "G-20"],
  ["Group of Seven", "G7", "G-7"],
  ["Asia-Pacific Economic Cooperation", "APEC"],
  ["Association of Southeast Asian Nations", "ASEAN"],
  ["Organization of the Petroleum Exporting Countries", "OPEC"],
  ["African Union", "AU"],
  ["Central Intelligence Agency", "CIA"],
  ["Federal Bureau of Investigation", "FBI"],
  ["National Security Agency", "NSA"],
  ["National Security Council", "NSC"],
  ["Pentagon", "Department of Defense", "Defense Department"],
  ["White House"],
  ["State Department", "Department of State"],
  ["Kremlin"],
  ["Congress", "U.S. Congress", "US Congress"],
  ["Senate", "U.S. Senate", "US Senate"],
  ["House of Representatives"],
  ["Supreme Court"],
  ["Federal Reserve", "Fed"],
  ["European Central Bank", "ECB"],
  ["International Criminal Court", "ICC"],
  ["Communist Party", "Chinese Communist Party", "CCP", "Communist Party of China"],
  ["People's Liberation Army", "PLA"],
  ["Reuters"],
  ["Associated Press", "AP"],
  ["Agence France-Presse", "AFP"],
  ["BBC"],
  ["CNN"],
  ["Xinhua"],
];

/** Places that are often written short: all map to the first form. */
export const PLACE_ALIASES: string[][] = [
  ["United States", "US", "U.S.", "USA", "U.S.A.", "United States of America", "America"],
  ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"],
  ["Washington", "Washington DC", "Washington D.C."],
  ["District of Columbia", "D.C."],
  ["United Arab Emirates", "UAE"],
  ["New York", "New York City"],
  ["Kyiv", "Kiev"],
];

export interface KnownName {
  type: EntityType;
  /** The canonical form every alias maps to. */
  canonical: string;
}

/** Every known surface form → what it is. */
export const KNOWN_NAMES: ReadonlyMap<string, KnownName> = (() => {
  const map = new Map<string, KnownName>();
  const add = (form: string, type: EntityType, canonical = form) => {
    if (!map.has(form)) map.set(form, { type, canonical });
  };
  for (const group of PLACE_ALIASES) for (const form of group) add(form, "place", group[0]);
  for (const group of BODIES) for (const form of group) add(form, "organization", group[0]);
  for (const name of [...COUNTRIES, ...CITIES, ...STATES, ...REGIONS]) add(name, "place");
  return map;
})();

/** Adjectives of nationality and languages: never entities themselves ("Chinese", "American"). */
export const DEMONYM_SUFFIXES = /(?:ese|ian|ean|an|ish|ic|i|ch|ss)$/;

/**
 * Title words that stand before a person's name. A run of them (with "of", places and organisations inside) is the
 * role: "Secretary of State", "Foreign Minister", "CIA chief", "top diplomat". A role needs a head; modifiers alone
 * ("State", "National", "White") are ordinary words of names.
 */
export const TITLE_HEADS = new Set(
  list(`
president|minister|secretary|senator|sen|rep|representative|congressman|congresswoman|governor|gov|mayor|
chancellor|premier|king|queen|prince|princess|emperor|pope|ambassador|envoy|diplomat|general|gen|admiral|adm|colonel|
col|lieutenant|lt|captain|capt|major|maj|sergeant|sgt|commander|chief|head|director|chairman|chairwoman|chair|
chairperson|ceo|cfo|coo|cto|founder|co-founder|cofounder|owner|editor|correspondent|reporter|spokesman|spokeswoman|
spokesperson|speaker|leader|official|officer|adviser|advisor|counselor|councillor|councilor|judge|justice|attorney|
prosecutor|lawyer|professor|prof|dr|mr|mrs|ms|sir|dame|lord|lady|rev|reverend|analyst|economist|expert|researcher|
fellow|scholar|author|writer|columnist|host|anchor|coach|activist|dissident|lawmaker|legislator|politician|candidate|
nominee|counterpart|colleague|boss|president-elect|commissioner|administrator|secretary-general|undersecretary|
executive|manager|strategist|negotiator|czar|tsar|magnate|tycoon|vp`),
);

export const TITLE_MODIFIERS = new Set(
  list(`
vice|prime|deputy|assistant|acting|former|top|senior|junior|state|foreign|defense|defence|trade|commerce|treasury|
finance|national|security|interior|home|house|justice|economic|homeland|health|energy|labor|labour|education|
agriculture|transportation|environment|international|affairs|managing|chief|special|first|under|navy|army|air|force|
military|intelligence|white|then|current|new|late|operating|financial|technology|general|press|communications|
policy|public|foreign-policy|party|regional|provincial|federal|district|supreme|associate|lead|principal|
executive`),
);

export const TITLE_WORDS = new Set([...TITLE_HEADS, ...TITLE_MODIFIERS]);

/** Acronyms that are ordinary words of English, not organisations ("CEO", "TV", "GDP"). */
export const COMMON_ACRONYMS = new Set(
  list(`CEO|CFO|COO|CTO|CIO|VP|TV|PC|OS|AI|IT|HR|PR|ID|VIP|GDP|GNP|CPI|USD|EUR|GBP|JPY|RMB|UTC|GMT|EST|EDT|PST|PDT|CST|
TTY|TDD|CET|BST|CEST|EEST|WET|MSK|IST|JST|KST|HKT|SGT|AEST|AEDT|ACST|AWST|NZST|NZDT|ET|PT|AM|PM|LCD|LED|OLED|MP3|MP4|DVD|CD|CDs|SDK|API|CPU|GPU|RAM|USB|GPS|SUV|SUVs|EV|EVs|HIV|AIDS|DNA|RNA|FAQ|PDF|
HTML|URL|WiFi|OK|HQ|IPO|R&D|M&A|Q1|Q2|Q3|Q4|FY|YoY|ETF|CEOs|MBA|PhD|BA|MA|MD|RSS|SMS|GB|MB|KB|TB|MPH|KM|CO2|LNG|
ICBM|UAV|AWOL|POW|POWs|PS|NB|ASAP|DIY|FYI|TBA|TBD|RIP|OMG|LOL|COVID|COVID-19|SARS|MERS|H1N1`),
);
/** Words that, last in a capitalised run, make it an organisation ("Stimson Center", "German Marshall Fund"). */
export const ORG_HEADS = new Set(
  list(`
institute|institution|ministry|council|fund|department|center|centre|corp|corporation|company|co|inc|incorporated|
ltd|limited|llc|llp|lp|pllc|plc|railway|railways|railroad|ag|gmbh|sa|spa|nv|group|holdings|university|college|school|academy|agency|bureau|office|authority|
commission|committee|board|bank|association|federation|union|league|party|organization|organisation|foundation|trust|
society|club|corps|army|navy|force|forces|guard|police|court|courts|parliament|congress|senate|assembly|cabinet|government|
administration|department|service|services|network|times|post|journal|news|herald|tribune|gazette|daily|press|media|
television|tv|radio|broadcasting|airlines|airways|lines|motors|motor|auto|automotive|computer|computers|software|mutual|
electric|chemical|chemicals|steel|pictures|industries|industry|systems|technologies|
technology|electronics|communications|telecom|energy|petroleum|oil|pharmaceuticals|capital|partners|investments|
securities|exchange|reserve|alliance|coalition|movement|front|brigade|church|
museum|library|hospital|clinic|laboratory|lab|labs|studios|records|entertainment|foods|stores|brands|mission|
secretariat|directorate|inspectorate|tribunal|chamber|guild`),
);

/** Organisation heads that lead their name: "University of X", "Ministry of Y", "Bank of Z". */
export const ORG_LEADS = new Set(
  list(`university|ministry|department|bank|institute|council|office|bureau|court|courts|house|board|commission|
committee|federation|league|church|museum|academy|school|college|order|society|association|organization|organisation|
union|party|chamber|congress|parliament|assembly|republic|kingdom|group|army|navy|agency|authority|home`),
);

/** Place heads: "Taiwan Strait", "Indian Ocean", "Diaoyutai State Guest House", "Moscone Center" is an org head instead. */
export const PLACE_HEADS = new Set(
  list(`street|st|avenue|ave|road|square|park|bridge|river|lake|mountain|mountains|mount|mt|island|islands|sea|ocean|
strait|bay|gulf|valley|desert|peninsula|coast|canal|airport|station|port|harbor|harbour|province|county|district|
region|state|country|city|town|village|ward|borough|beach|campus|capital|house|palace|hall|tower|plaza|stadium|arena|base`),
);

/**
 * Last words of names that are neither people, places nor organisations: events ("Cold War", "Shangri-La Dialogue",
 * "Developers Conference"), laws and treaties ("Clean Air Act"), awards, indices ("Hang Seng Index", "Dow Jones
 * Industrial Average"), plans and programmes. Such a name is an "other" name.
 */
export const OTHER_HEADS = new Set(
  list(`war|wars|dialogue|conference|summit|expo|games|olympics|paralympics|cup|championship|championships|festival|
awards|crisis|revolution|accord|accords|agreement|treaty|convention|protocol|charter|declaration|act|amendment|bill|
law|code|talks|meeting|election|elections|primary|protest|protests|massacre|attack|attacks|bombing|bombings|scandal|
affair|pandemic|epidemic|outbreak|flu|influenza|virus|disease|syndrome|fever|pox|hurricane|typhoon|cyclone|storm|earthquake|day|week|year|era|age|doctrine|plan|
deal|project|initiative|strategy|policy|prize|award|medal|trophy|tournament|open|marathon|race|
prix|show|fair|weekend|season|series|tour|index|average|composite|campaign|
album|novel|film|movie|opera|symphony|sonata|anthology|manifesto`),
);

/** Last words of a product's model name: "MacBook Pro", "iPod Classic", "Galaxy Note", "Surface Laptop". */
export const PRODUCT_TAILS = new Set(
  list(`pro|air|mini|nano|max|plus|ultra|lite|classic|touch|shuffle|edition|se|xl|xs|note|tab|phone|
buds|pods|laptop|tablet|console|os|pc|sdk|api|suv`),
);

/**
 * Lowercase nouns after a name that make it a product's: "the Ford Taurus sedan", "Mac OS X operating system",
 * "the Airbus A380 superjumbo". Only a name of two or more words: "Apple computers" are a company's.
 */
export const PRODUCT_NOUNS = new Set(
  list(`computer|computers|laptop|laptops|notebook|notebooks|desktop|desktops|tablet|tablets|phone|phones|smartphone|
smartphones|handset|handsets|device|devices|player|players|console|consoles|software|app|apps|application|
applications|browser|browsers|system|systems|platform|platforms|processor|processors|chip|chips|car|cars|sedan|
sedans|suv|suvs|truck|trucks|pickup|pickups|vehicle|vehicles|model|models|minivan|minivans|coupe|hatchback|aircraft|
airliner|airliners|jet|jets|jetliner|jetliners|plane|planes|superjumbo|helicopter|helicopters|drone|drones|rocket|
rockets|missile|missiles|satellite|satellites|spacecraft|drug|drugs|vaccine|vaccines|pill|pills|game|games|album|
albums|film|films|movie|movies|novel|novels|series|sitcom|franchise|brand|line|lineup|range|version|versions|update|
updates|edition|editions|engine|engines|camera|cameras|headset|headsets|speaker|speakers|watch|watches|ship|ships|
vessel|vessels|liner|yacht|tanker|submarine|submarines|carrier`),
);

/** First words of names of storms, military operations and the like: "Hurricane Rita", "Operation Desert Storm". */
export const OTHER_PREFIXES = new Set(list(`hurricane|typhoon|cyclone|tropical|storm|operation|project|flight|apollo|expedition`));

/** Prefixes of ships' names: "USS Enterprise", "HMS Victory", "RMS Queen Mary 2". */
export const SHIP_PREFIXES = new Set(list(`USS|HMS|RMS|HMAS|HMCS|INS|MV|MS|SS|RV|USNS|HMNZS`));

/**
 * Stop words for the topic step: the `stopword` package's English list, a fuller list of English function words and
 * their inflections, and the boilerplate of scientific abstracts ("we propose", "results show", "novel approach").
 * Matching is on the lower-cased, diacritic-folded surface form, never on the stem: Porter stems collide
 * ("general" and "generative" both stem to `gener`), so a stemmed stop list would delete real topic words.
 */
import { eng } from 'stopword';

const englishFunctionWords = `
a about above across after afterwards again against all almost alone along already also although always am among amongst
an and another any anyhow anyone anything anyway anywhere are aren around as at be became because become becomes becoming
been before beforehand behind being below beside besides between beyond both but by can cannot could couldn did didn do
does doesn doing don done down due during each either else elsewhere enough etc even ever every everyone everything
everywhere except few for former formerly from further furthermore had hadn has hasn have haven having he hence her here
hereafter hereby herein hers herself him himself his how however i ie if in indeed into is isn it its itself just last
latter latterly least less many may me meanwhile might mine more moreover most mostly much must my myself namely neither
never nevertheless next no nobody none nor not nothing now nowhere of off often on once one only onto or other others
otherwise our ours ourselves out over own per perhaps please quite rather re really same seem seemed seeming seems several
she should shouldn since so some somehow someone something sometime sometimes somewhat somewhere still such than that the
their theirs them themselves then thence there thereafter thereby therefore therein thereupon these they this those though
through throughout thru thus to together too toward towards under until up upon us very via was wasn we were weren what
whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever whether which while whither who
whoever whole whom whose why will with within without won would wouldn yet you your yours yourself yourselves
e.g i.e eg cf al et viz vs versus
first second third fourth fifth two three four five six seven eight nine ten hundred thousand million billion
zero half twice single double triple multiple
`;

/** Words that carry no topic in a scientific abstract, with their common inflections. */
const scientificBoilerplate = `
paper papers article articles work works study studies studied studying research researcher researchers
propose proposes proposed proposing proposal present presents presented presenting presentation
introduce introduces introduced introducing introduction describe describes described describing description
show shows showed shown showing demonstrate demonstrates demonstrated demonstrating demonstration
result results resulting resulted find finds found finding findings observe observes observed observation observations
approach approaches method methods methodology technique techniques framework frameworks scheme schemes
novel new existing previous prior recent recently current currently state-of-the-art sota art
experiment experiments experimental experimentally empirical empirically extensive extensively evaluation evaluations
evaluate evaluates evaluated evaluating benchmark benchmarks benchmarking dataset datasets
performance performances perform performs performed performing outperform outperforms outperformed outperforming
improve improves improved improving improvement improvements achieve achieves achieved achieving achievement
significant significantly substantial substantially considerable considerably notable notably remarkable remarkably
effective effectively effectiveness efficient efficiently efficiency superior superiority competitive comparable
better best good great
strong stronger strongest robust wide widely various variety different differ differs difference differences
use uses used using usage utilize utilizes utilized utilizing utilization apply applies applied applying
application applications applicable based basis consider considers considered considering
provide provides provided providing obtain obtains obtained obtaining allow allows allowed allowing
enable enables enabled enabling make makes made making take takes taken taking give gives given giving
lead leads leading led help helps helped helping need needs needed require requires required requiring requirement
requirements address addresses addressed addressing aim aims aimed aiming goal goals focus focuses focused focusing
problem problems issue issues challenge challenges challenging task tasks setting settings
key main important importance crucial critical essential fundamental general generally specific specifically
particular particularly typically typical usually common commonly often various several numerous many
however moreover furthermore additionally addition finally therefore thus hence although though whereas
including include includes included well also yet still even already able unable possible possibly potential potentially
prove proves proved proven paper's conclude concludes concluded conclusion conclusions discuss discusses discussed discussion
investigate investigates investigated investigating investigation explore explores explored exploring exploration
analyze analyzes analyzed analyse analysed analyzing analysing
report reports reported reporting suggest suggests suggested suggesting indicate indicates indicated indicating
illustrate illustrates illustrated illustrating highlight highlights highlighted highlighting reveal reveals revealed revealing
develop develops developed developing
aspect aspects way ways kind kinds number numbers amount part parts
fact case cases example examples instance instances order terms term respect
today nowadays year years lastly
call called known so-called namely respectively accordingly correspondingly
remain remains remained remaining underexplored unexplored largely enhance enhances enhanced enhancing
leverage leverages leveraged leveraging integrate integrates integrated integrating reduce reduces reduced reducing
diverse limited limitation limitations strategy strategies capability capabilities ability abilities baseline baselines
overall across toward despite via furthermore whereby thereby moreover notably
effort efforts promising emerging emerge emerges emerged gain gains gained
compare compares compared comparing comparison comparisons
et-al arxiv preprint available github publicly open-source https http www com
`;

const stopWordSet = new Set<string>();
for (const word of eng) stopWordSet.add(word.toLowerCase());
for (const list of [englishFunctionWords, scientificBoilerplate]) {
  for (const word of list.split(/\s+/)) if (word) stopWordSet.add(word);
}

/**
 * True when a lower-cased surface form is a stop word (English or scientific boilerplate).
 * @example isStopWord('propose') // => true
 * @example isStopWord('forgetting') // => false
 */
export function isStopWord(lowerSurface: string): boolean {
  return stopWordSet.has(lowerSurface);
}

/**
 * Multi-word boilerplate removed from the text before tokenizing; each match becomes a phrase boundary.
 * "state of the art" is listed because its words ("state", "art") are real topic words on their own.
 */
export const stopPhrasePattern = /\bstate[\s-]+of[\s-]+the[\s-]+art\b|\bin[\s-]+this[\s-]+paper\b|\bto[\s-]+the[\s-]+best[\s-]+of[\s-]+our[\s-]+knowledge\b|\bwe[\s-]+propose\b|\bresults[\s-]+show\b|\bexperimental[\s-]+results\b|\bproject[\s-]+page\b|\bcode[\s-]+(?:is[\s-]+)?(?:publicly[\s-]+)?available\b/gi;

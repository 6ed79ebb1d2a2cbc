/**
 * arXiv's category taxonomy (https://arxiv.org/category_taxonomy): the code of every category with its name, so a
 * filter can say "Machine Learning (cs.LG)" instead of a bare code. Archives without subject classes (`quant-ph`,
 * `hep-th`) are categories of their own. A code arXiv retired or declared an alias resolves to the category it
 * names now (`math.IT` and `cs.IT` are one category; the 1990s archive `cmp-lg` became `cs.CL`), so a paper listed
 * under both counts once.
 */

/** Name of each archive that is split into subject classes, as arXiv (and Zotero's arXiv keywords) spell it. */
const ARCHIVE_NAMES: Readonly<Record<string, string>> = {
  cs: 'Computer Science',
  econ: 'Economics',
  eess: 'Electrical Engineering and Systems Science',
  math: 'Mathematics',
  'astro-ph': 'Astrophysics',
  'cond-mat': 'Condensed Matter',
  nlin: 'Nonlinear Sciences',
  physics: 'Physics',
  'q-bio': 'Quantitative Biology',
  'q-fin': 'Quantitative Finance',
  stat: 'Statistics',
};

/** Subject classes by archive: class code → name. */
const CLASSES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  cs: {
    AI: 'Artificial Intelligence',
    AR: 'Hardware Architecture',
    CC: 'Computational Complexity',
    CE: 'Computational Engineering, Finance, and Science',
    CG: 'Computational Geometry',
    CL: 'Computation and Language',
    CR: 'Cryptography and Security',
    CV: 'Computer Vision and Pattern Recognition',
    CY: 'Computers and Society',
    DB: 'Databases',
    DC: 'Distributed, Parallel, and Cluster Computing',
    DL: 'Digital Libraries',
    DM: 'Discrete Mathematics',
    DS: 'Data Structures and Algorithms',
    ET: 'Emerging Technologies',
    FL: 'Formal Languages and Automata Theory',
    GL: 'General Literature',
    GR: 'Graphics',
    GT: 'Computer Science and Game Theory',
    HC: 'Human-Computer Interaction',
    IR: 'Information Retrieval',
    IT: 'Information Theory',
    LG: 'Machine Learning',
    LO: 'Logic in Computer Science',
    MA: 'Multiagent Systems',
    MM: 'Multimedia',
    MS: 'Mathematical Software',
    NA: 'Numerical Analysis',
    NE: 'Neural and Evolutionary Computing',
    NI: 'Networking and Internet Architecture',
    OH: 'Other Computer Science',
    OS: 'Operating Systems',
    PF: 'Performance',
    PL: 'Programming Languages',
    RO: 'Robotics',
    SC: 'Symbolic Computation',
    SD: 'Sound',
    SE: 'Software Engineering',
    SI: 'Social and Information Networks',
    SY: 'Systems and Control',
  },
  econ: { EM: 'Econometrics', GN: 'General Economics', TH: 'Theoretical Economics' },
  eess: { AS: 'Audio and Speech Processing', IV: 'Image and Video Processing', SP: 'Signal Processing', SY: 'Systems and Control' },
  math: {
    AC: 'Commutative Algebra',
    AG: 'Algebraic Geometry',
    AP: 'Analysis of PDEs',
    AT: 'Algebraic Topology',
    CA: 'Classical Analysis and ODEs',
    CO: 'Combinatorics',
    CT: 'Category Theory',
    CV: 'Complex Variables',
    DG: 'Differential Geometry',
    DS: 'Dynamical Systems',
    FA: 'Functional Analysis',
    GM: 'General Mathematics',
    GN: 'General Topology',
    GR: 'Group Theory',
    GT: 'Geometric Topology',
    HO: 'History and Overview',
    IT: 'Information Theory',
    KT: 'K-Theory and Homology',
    LO: 'Logic',
    MG: 'Metric Geometry',
    MP: 'Mathematical Physics',
    NA: 'Numerical Analysis',
    NT: 'Number Theory',
    OA: 'Operator Algebras',
    OC: 'Optimization and Control',
    PR: 'Probability',
    QA: 'Quantum Algebra',
    RA: 'Rings and Algebras',
    RT: 'Representation Theory',
    SG: 'Symplectic Geometry',
    SP: 'Spectral Theory',
    ST: 'Statistics Theory',
  },
  'astro-ph': {
    CO: 'Cosmology and Nongalactic Astrophysics',
    EP: 'Earth and Planetary Astrophysics',
    GA: 'Astrophysics of Galaxies',
    HE: 'High Energy Astrophysical Phenomena',
    IM: 'Instrumentation and Methods for Astrophysics',
    SR: 'Solar and Stellar Astrophysics',
  },
  'cond-mat': {
    'dis-nn': 'Disordered Systems and Neural Networks',
    'mes-hall': 'Mesoscale and Nanoscale Physics',
    'mtrl-sci': 'Materials Science',
    other: 'Other Condensed Matter',
    'quant-gas': 'Quantum Gases',
    soft: 'Soft Condensed Matter',
    'stat-mech': 'Statistical Mechanics',
    'str-el': 'Strongly Correlated Electrons',
    'supr-con': 'Superconductivity',
  },
  nlin: {
    AO: 'Adaptation and Self-Organizing Systems',
    CD: 'Chaotic Dynamics',
    CG: 'Cellular Automata and Lattice Gases',
    PS: 'Pattern Formation and Solitons',
    SI: 'Exactly Solvable and Integrable Systems',
  },
  physics: {
    'acc-ph': 'Accelerator Physics',
    'ao-ph': 'Atmospheric and Oceanic Physics',
    'app-ph': 'Applied Physics',
    'atm-clus': 'Atomic and Molecular Clusters',
    'atom-ph': 'Atomic Physics',
    'bio-ph': 'Biological Physics',
    'chem-ph': 'Chemical Physics',
    'class-ph': 'Classical Physics',
    'comp-ph': 'Computational Physics',
    'data-an': 'Data Analysis, Statistics and Probability',
    'ed-ph': 'Physics Education',
    'flu-dyn': 'Fluid Dynamics',
    'gen-ph': 'General Physics',
    'geo-ph': 'Geophysics',
    'hist-ph': 'History and Philosophy of Physics',
    'ins-det': 'Instrumentation and Detectors',
    'med-ph': 'Medical Physics',
    optics: 'Optics',
    'plasm-ph': 'Plasma Physics',
    'pop-ph': 'Popular Physics',
    'soc-ph': 'Physics and Society',
    'space-ph': 'Space Physics',
  },
  'q-bio': {
    BM: 'Biomolecules',
    CB: 'Cell Behavior',
    GN: 'Genomics',
    MN: 'Molecular Networks',
    NC: 'Neurons and Cognition',
    OT: 'Other Quantitative Biology',
    PE: 'Populations and Evolution',
    QM: 'Quantitative Methods',
    SC: 'Subcellular Processes',
    TO: 'Tissues and Organs',
  },
  'q-fin': {
    CP: 'Computational Finance',
    EC: 'Economics',
    GN: 'General Finance',
    MF: 'Mathematical Finance',
    PM: 'Portfolio Management',
    PR: 'Pricing of Securities',
    RM: 'Risk Management',
    ST: 'Statistical Finance',
    TR: 'Trading and Market Microstructure',
  },
  stat: { AP: 'Applications', CO: 'Computation', ME: 'Methodology', ML: 'Machine Learning', OT: 'Other Statistics', TH: 'Statistics Theory' },
};

/** Archives that are one category each (no subject classes). */
const SINGLE_ARCHIVES: Readonly<Record<string, string>> = {
  'gr-qc': 'General Relativity and Quantum Cosmology',
  'hep-ex': 'High Energy Physics - Experiment',
  'hep-lat': 'High Energy Physics - Lattice',
  'hep-ph': 'High Energy Physics - Phenomenology',
  'hep-th': 'High Energy Physics - Theory',
  'math-ph': 'Mathematical Physics',
  'nucl-ex': 'Nuclear Experiment',
  'nucl-th': 'Nuclear Theory',
  'quant-ph': 'Quantum Physics',
};

/**
 * Codes that name another category: arXiv's aliases (each pair is one category, filed under both codes) and the
 * archives retired in the 1990s, whose papers arXiv lists under their successors.
 */
const SUCCESSORS: Readonly<Record<string, string>> = {
  'math.IT': 'cs.IT',
  'cs.NA': 'math.NA',
  'cs.SY': 'eess.SY',
  'math.MP': 'math-ph',
  'math.ST': 'stat.TH',
  'q-fin.EC': 'econ.GN',
  'cmp-lg': 'cs.CL',
  'adap-org': 'nlin.AO',
  'chao-dyn': 'nlin.CD',
  'comp-gas': 'nlin.CG',
  'patt-sol': 'nlin.PS',
  'solv-int': 'nlin.SI',
  'alg-geom': 'math.AG',
  'dg-ga': 'math.DG',
  'funct-an': 'math.FA',
  'q-alg': 'math.QA',
  'mtrl-th': 'cond-mat.mtrl-sci',
  'supr-con': 'cond-mat.supr-con',
  'atom-ph': 'physics.atom-ph',
  'chem-ph': 'physics.chem-ph',
  'plasm-ph': 'physics.plasm-ph',
  'acc-phys': 'physics.acc-ph',
  'ao-sci': 'physics.ao-ph',
  'bayes-an': 'physics.data-an',
};

function buildNames(): Map<string, string> {
  const names = new Map<string, string>();
  for (const [archive, classes] of Object.entries(CLASSES)) {
    // An archive named alone (old papers: `astro-ph`, `cond-mat`, `q-bio`) is the archive as a whole.
    names.set(archive, ARCHIVE_NAMES[archive] ?? archive);
    for (const [code, name] of Object.entries(classes)) names.set(`${archive}.${code}`, name);
  }
  for (const [archive, name] of Object.entries(SINGLE_ARCHIVES)) names.set(archive, name);
  return names;
}

const NAME_OF_CODE = buildNames();

/**
 * Every way a keyword can name a category, lower-cased, to its current code: the codes (`cs.lg`, `math.it` → cs.IT),
 * and the long form Zotero and Mendeley file an arXiv paper's categories under, "<archive name> - <category
 * name>" ("computer science - machine learning"), or the name alone for a one-category archive ("quantum physics").
 */
function buildCodeOfKeyword(): Map<string, string> {
  const codes = new Map<string, string>();
  for (const code of NAME_OF_CODE.keys()) codes.set(code.toLowerCase(), SUCCESSORS[code] ?? code);
  for (const [code, successor] of Object.entries(SUCCESSORS)) codes.set(code.toLowerCase(), successor);
  for (const [archive, classes] of Object.entries(CLASSES)) {
    for (const [code, name] of Object.entries(classes)) {
      const full = `${archive}.${code}`;
      codes.set(`${ARCHIVE_NAMES[archive] ?? archive} - ${name}`.toLowerCase(), SUCCESSORS[full] ?? full);
    }
  }
  for (const [archive, name] of Object.entries(SINGLE_ARCHIVES)) codes.set(name.toLowerCase(), SUCCESSORS[archive] ?? archive);
  return codes;
}

const CODE_OF_KEYWORD = buildCodeOfKeyword();

/**
 * The arXiv category a keyword names, as its current code: a code in any case (`cs.LG`, `CS.lg`), an alias or
 * retired code (`math.IT` → `cs.IT`, `cmp-lg` → `cs.CL`), or the long form reference managers write ("Computer
 * Science - Machine Learning" → `cs.LG`, "Quantum Physics" → `quant-ph`). Undefined for anything else, including a
 * bare subject name a free keyword may share ("Machine Learning" is cs.LG and stat.ML both).
 * @example arxivCategoryCode('Statistics - Machine Learning') // => 'stat.ML'
 * @example arxivCategoryCode('math.IT') // => 'cs.IT'
 * @example arxivCategoryCode('deep learning') // => undefined
 */
export function arxivCategoryCode(keyword: string): string | undefined {
  return CODE_OF_KEYWORD.get(keyword.replace(/\s+/g, ' ').trim().toLowerCase());
}

/**
 * The name of an arXiv category code (as `arxivCategoryCode` returns it), or undefined for a code arXiv does not have.
 * @example arxivCategoryName('math.OC') // => 'Optimization and Control'
 */
export function arxivCategoryName(code: string): string | undefined {
  return NAME_OF_CODE.get(code);
}

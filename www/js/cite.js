// "Cite this scenario": the calculator, its model version, the scenario's permalink and the
// day of access, in APA and Chicago style and as BibTeX.

export const TITLE = "North Korea's overseas labor revenue under sanctions enforcement";
export const AUTHOR = 'dprk-labor contributors';
export const STYLES = new Map([['apa', 'APA (7th edition)'], ['chicago', 'Chicago (notes and bibliography)'], ['bibtex', 'BibTeX']]);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "29 November 2026" style parts of an ISO date, read without time zones. */
function parts(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, month: MONTHS[m - 1], d };
}

/** The BibTeX form of a text: braces and backslashes escaped, % and & and # and _ too. */
function tex(s) {
  return s.replace(/[\\{}%&#_$^~]/g, (c) => (c === '\\' ? '\\textbackslash{}' : c === '^' || c === '~' ? `\\${c}{}` : `\\${c}`));
}

/** A URL for a BibTeX field: braces and backslashes percent-encoded, so that no part of the
 *  address (its query or fragment) can close the field or start a command. */
function texUrl(url) {
  return url.replace(/[{}\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A citation. `what` names the scenario ("the record", "Close the visa loophole from 2027");
 * `accessed` is the reader's day of access, "YYYY-MM-DD"; `version` is `api.version()`.
 */
export function citation(style, { version, url: address, accessed, what }) {
  // The permalink cites the scenario; a fragment of the address the reader came with does not.
  const link = new URL(address);
  link.hash = '';
  const url = link.href;
  const released = parts(version.modelDate);
  const seen = parts(accessed);
  const model = `model version ${version.modelVersion}`;
  if (style === 'apa') {
    return `${AUTHOR}. (${released.y}). ${TITLE} [Computer software; ${model}; scenario: ${what}]. Retrieved ${seen.month} ${seen.d}, ${seen.y}, from ${url}`;
  }
  if (style === 'chicago') {
    return `${AUTHOR}. "${TITLE}." Computer software, ${model}, released ${released.month} ${released.d}, ${released.y}. Scenario: ${what}. Accessed ${seen.month} ${seen.d}, ${seen.y}. ${url}.`;
  }
  return [
    `@software{dprk_labor_${version.modelVersion.replaceAll('.', '_')},`,
    `  author = {{${tex(AUTHOR)}}},`,
    `  title = {${tex(TITLE)}},`,
    `  version = {${tex(version.modelVersion)}},`,
    `  date = {${version.modelDate}},`,
    `  url = {${texUrl(url)}},`,
    `  urldate = {${accessed}},`,
    `  note = {Scenario: ${tex(what)}},`,
    '}',
  ].join('\n');
}

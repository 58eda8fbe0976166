/* Words and numbers as the page shows them. */

/** The CSS class of an outcome, e.g. BETTER -> outcome-better, NOT_COMPARED -> outcome-not-compared. */
export function outcomeClass(outcome) {
  return 'outcome-' + (outcome || 'UNAVAILABLE').toLowerCase().replace(/_/g, '-');
}

export function disclosureClass(status) {
  return 'disclosure-' + (status || 'EXACT').toLowerCase();
}

const OUTCOME_WORDS = {
  BETTER: 'Better',
  SIMILAR: 'Similar',
  WORSE: 'Worse',
  HIGHER: 'Higher',
  LOWER: 'Lower',
  NOT_COMPARED: 'Not compared',
  UNAVAILABLE: 'No value'
};

export function outcomeWord(outcome) {
  return OUTCOME_WORDS[outcome || 'UNAVAILABLE'] || outcome;
}

/** "Better than Demoland (95% interval)", "In the best fifth of these areas", ... */
export function outcomeDescription(outcome, method, benchmarkName, polarity) {
  if (outcome === 'UNAVAILABLE' || !outcome) {
    return 'No value: no data, or refused for your role';
  }
  if (outcome === 'NOT_COMPARED') {
    return method === 'QUINTILES' ? 'Not compared (withheld, or fewer than five values)' : 'Not compared (withheld or no interval)';
  }
  if (method === 'QUINTILES') {
    const judged = polarity !== 'NO_JUDGEMENT';
    switch (outcome) {
      case 'BETTER': return 'Best fifth of the areas shown';
      case 'WORSE': return 'Worst fifth of the areas shown';
      case 'HIGHER': return 'Highest fifth of the areas shown';
      case 'LOWER': return 'Lowest fifth of the areas shown';
      default: return judged ? 'Middle three fifths' : 'Middle three fifths';
    }
  }
  const level = method === 'CI_OVERLAP_99_8' ? '99.8%' : '95%';
  const against = benchmarkName || 'the benchmark';
  switch (outcome) {
    case 'BETTER': return 'Better than ' + against + ' (' + level + ' interval)';
    case 'WORSE': return 'Worse than ' + against + ' (' + level + ' interval)';
    case 'HIGHER': return 'Higher than ' + against + ' (' + level + ' interval)';
    case 'LOWER': return 'Lower than ' + against + ' (' + level + ' interval)';
    default: return 'Similar to ' + against + ' (' + level + ' interval)';
  }
}

/** The outcomes an indicator's map can show, in the key's order. */
export function outcomesFor(polarity) {
  return polarity === 'NO_JUDGEMENT'
    ? ['HIGHER', 'SIMILAR', 'LOWER', 'NOT_COMPARED']
    : ['BETTER', 'SIMILAR', 'WORSE', 'NOT_COMPARED'];
}

export function number(value) {
  if (value === null || value === undefined) {
    return '';
  }
  const abs = Math.abs(value);
  const digits = abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 10 ? 1 : 2;
  return value.toLocaleString('en-GB', { minimumFractionDigits: Number.isInteger(value) ? 0 : digits,
    maximumFractionDigits: Number.isInteger(value) ? 0 : digits });
}

export function interval(lower, upper) {
  if (lower === null || lower === undefined || upper === null || upper === undefined) {
    return '';
  }
  return number(lower) + ' to ' + number(upper);
}

/** One element with optional class names and text. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  return node;
}

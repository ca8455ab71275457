/**
 * A function that returns, for a text it has seen before, the copy it saw first. A rule that
 * writes the same message for each of 400,000 repeats of one definition, or a model holding
 * 700,000 mentions of six abbreviations, keeps one string per text instead of one per use:
 * each new copy dies at once, young, instead of living until the end of the run and being
 * copied into the old generation (issue 16).
 */
export function textKeptOnce(): (text: string) => string {
  const said = new Map<string, string>();
  return (text: string): string => {
    const earlier = said.get(text);
    if (earlier !== undefined) return earlier;
    said.set(text, text);
    return text;
  };
}

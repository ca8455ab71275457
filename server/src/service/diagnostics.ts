/**
 * Reported findings in LSP terms: diagnostics with their fixes as text edits, and the code
 * actions (quick fixes, fix-all per rule) for a range.
 */
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import type { ReportedFinding } from './documentAnalyses';
import type { DocumentModel } from './model/documentModel';
import type { RuleId, Severity } from './rules/ruleTable';
import { nonOverlapping, type OffsetEdit } from './text/edits';
import type { DiagnosticFix, TerminologyDiagnostic } from './types';

/** The diagnostic source of every carnk diagnostic. */
export const SOURCE = 'carnk';

const SEVERITY_NUMBER: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, information: 3, hint: 4 };

/** Offset edits as LSP text edits. */
export function toLspEdits(model: DocumentModel, edits: OffsetEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: model.lines.rangeOf(e.start, e.end), newText: e.newText }));
}

/**
 * The diagnostics of `kept`, in its order, emptying it: taken from the back, so that a finding
 * the cache does not keep (see `documentAnalyses.ts`) is freed as its diagnostic is made.
 */
export function diagnosticsOf(model: DocumentModel, kept: ReportedFinding[]): TerminologyDiagnostic[] {
  kept.reverse();
  const diagnostics: TerminologyDiagnostic[] = [];
  while (kept.length > 0) diagnostics.push(toDiagnostic(model, kept.pop()!));
  return diagnostics;
}

/** A reported finding as the service's diagnostic: the rule's data plus its fixes as LSP edits. */
function toDiagnostic(model: DocumentModel, { finding, severity }: ReportedFinding): TerminologyDiagnostic {
  const { rule: code, message, start, end } = finding;
  const range = model.lines.rangeOf(start, end);
  // Copied key by key onto one literal rather than spread (`{ ...finding.data }`): a spread copy
  // that then gains `fixes` got a hidden class of its own, some 300 bytes per diagnostic, which
  // a text of 400,000 repeated definitions kept as many times.
  const data: Record<string, unknown> & { fixes?: DiagnosticFix[] } = {};
  let fields = 0;
  if (finding.data) {
    for (const key of Object.keys(finding.data)) {
      data[key] = finding.data[key];
      fields++;
    }
  }
  if (finding.fixes?.length) {
    data.fixes = finding.fixes.map((fix) => ({ title: fix.title, safe: fix.safe, edits: toLspEdits(model, fix.edits) }));
    fields++;
  }
  // Built in its final shape: a property added later costs each object a property store of its own.
  return fields > 0 ? { code, severity, message, range, start, end, data } : { code, severity, message, range, start, end };
}

/** Quick fixes for the findings touching `range`, the safe one first, and one fix-all per rule with two or more safe fixes. */
export function quickFixes(uri: string, model: DocumentModel, range: Range, kept: readonly ReportedFinding[]): CodeAction[] {
  const from = model.lines.offsetAt(range.start);
  const to = model.lines.offsetAt(range.end);
  const actions: CodeAction[] = [];
  const rulesHere = new Set<RuleId>();
  for (const { finding, severity } of kept) {
    if (finding.end < from || finding.start > to || !finding.fixes) continue;
    rulesHere.add(finding.rule);
    const diagnostic: Diagnostic = { range: model.lines.rangeOf(finding.start, finding.end), message: finding.message, code: finding.rule, source: SOURCE, severity: SEVERITY_NUMBER[severity] };
    finding.fixes.forEach((fix, index) => {
      actions.push({
        title: fix.title,
        kind: 'quickfix',
        diagnostics: [diagnostic],
        isPreferred: index === 0 && fix.safe,
        edit: { changes: { [uri]: toLspEdits(model, fix.edits) } },
      });
    });
  }
  for (const rule of rulesHere) {
    const groups = kept.filter(({ finding }) => finding.rule === rule && finding.fixes?.[0]?.safe).map(({ finding }) => finding.fixes![0]!.edits);
    if (groups.length < 2) continue;
    const edits = nonOverlapping(groups);
    actions.push({ title: `Fix all '${rule}' problems in this document (${groups.length})`, kind: 'quickfix', edit: { changes: { [uri]: toLspEdits(model, edits) } } });
  }
  return actions;
}

// The job summary: the run report as a table on the job's own page.
import { type RunReport, summaryRows } from '../core/report.js';
import { summaryCell } from '../safe-text/markdown.js';

/** The part of @actions/core's summary the action writes with. */
export interface SummaryWriter {
  addHeading(text: string, level?: number | string): SummaryWriter;
  addTable(rows: Array<Array<string | { data: string; header?: boolean }>>): SummaryWriter;
  write(): Promise<unknown>;
}

export async function writeSummary(summary: SummaryWriter, report: RunReport): Promise<void> {
  const rows = summaryRows(report).map(([name, value]) => [{ data: name, header: true }, summaryCell(value)]);
  await summary.addHeading('Coze access token', 3).addTable(rows).write();
}

import { type RunReport } from '../core/report.js';
/** The part of @actions/core's summary the action writes with. */
export interface SummaryWriter {
    addHeading(text: string, level?: number | string): SummaryWriter;
    addTable(rows: Array<Array<string | {
        data: string;
        header?: boolean;
    }>>): SummaryWriter;
    write(): Promise<unknown>;
}
export declare function writeSummary(summary: SummaryWriter, report: RunReport): Promise<void>;

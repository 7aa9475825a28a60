export declare function formatDuration(totalSeconds: number): string;

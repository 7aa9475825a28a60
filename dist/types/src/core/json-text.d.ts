export interface JsonShape {
    /** How deeply arrays and objects nest. */
    depth: number;
    /** Every string, array and object that opens also closes: text cut short ends open. */
    closed: boolean;
}
/** The shape of JSON text, read in one pass without parsing it, so no depth can overflow a stack. */
export declare function jsonShape(text: string): JsonShape;
/** The parsed value, or nothing when the text is not JSON. */
export declare function parseJson(text: string): {
    value: unknown;
} | undefined;
/** A JSON object, not an array or null: what every settings file and claim here is. */
export declare function isJsonObject(value: unknown): value is Record<string, unknown>;
/** What a JSON value is, in words, for an error that must not quote it. */
export declare function jsonKind(value: unknown): string;

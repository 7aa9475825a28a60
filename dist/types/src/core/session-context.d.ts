/** What Coze documents of session_context; any other key is sent as it is given. */
export interface SessionContext {
    /** For Coze's flagship edition: the end user's device, and who consumes the token. */
    device_info?: {
        device_id?: string;
        custom_consumer?: string;
        [key: string]: unknown;
    };
    /** connector_id "2001" limits the token to the Chat SDK for the web. */
    connector_info?: {
        connector_id?: string;
        [key: string]: unknown;
    };
    [key: string]: unknown;
}
/** Parses the session-context setting; one InputError naming it and the field for each break, never quoting it. */
export declare function parseSessionContext(text: string): SessionContext;

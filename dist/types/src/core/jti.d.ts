/** Coze's guide asks for a jti longer than 32 characters; the SDKs send 16 to 64, and the stricter rule is kept. */
export declare const MIN_JTI_LENGTH = 33;
/** 32 random bytes in base64url: 43 characters, 256 bits. */
export declare function newJwtId(): string;

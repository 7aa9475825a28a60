export declare function ownRecord<T extends object>(value: T): T;

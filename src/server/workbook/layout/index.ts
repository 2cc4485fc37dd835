/** Layout of the per-class tabs: positions, lookups and the specs the writer applies. */
export * from './keys';
export * from './table';
export * from './student-order';
export * from './class-book';
export * from './class-book-build';
export * from './class-book-spec';
export * from './relocate-table';
export * from './sheet-spec';
export * from './sheet-names';
export * from './simple-tab';
export * from './profile';
export * from './attendance';
export * from './summer';
export * from './shadow';
export * from './guarded-cells';
export * from './guarded-tab';

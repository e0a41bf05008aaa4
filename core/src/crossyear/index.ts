// Cross-year checks: a report compared with the same agency's report for the year before.
export * from './identity';
export * from './summary';
export * from './pairing';

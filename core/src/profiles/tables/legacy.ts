// National/statistical tables of the legacy profile, as data. (placeholder: filled in by the table work)
import type { TableSpec } from '../types';

export const LEGACY_TABLES: TableSpec[] = [];

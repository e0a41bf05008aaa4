// National/statistical tables of the gov2019 profile, as data. (placeholder: filled in by the table work)
import type { TableSpec } from '../types';

export const GOV2019_TABLES: TableSpec[] = [];

// National/statistical tables of the gov2021 profile, as data. (placeholder: filled in by the table work)
import type { TableSpec } from '../types';

export const GOV2021_TABLES: TableSpec[] = [];

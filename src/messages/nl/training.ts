import type { Catalogue } from '../catalogue.js';

export const training: Catalogue = {};

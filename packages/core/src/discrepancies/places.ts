import { resolveAddress, type UnitIndex } from '../units/index.ts';
import { valueKey } from './names.ts';

/**
 * Birth places compared as the unit they are in today: "Xã Long Hoà, huyện Phú Tân" (before the 2025
 * merger) and "Xã Phú Lâm, tỉnh An Giang" are one place through the lineage. A place the resolver
 * cannot settle is compared as diacritics-free text.
 */
export function lineagePlaceKey(index: UnitIndex): (place: string) => string {
  const cache = new Map<string, string>();
  return (place) => {
    let k = cache.get(place);
    if (k === undefined) {
      const r = resolveAddress(index, place);
      k = r.status === 'resolved' && r.unit ? `unit:${r.unit.code}` : valueKey(place);
      cache.set(place, k);
    }
    return k;
  };
}

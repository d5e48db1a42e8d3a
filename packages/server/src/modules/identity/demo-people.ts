import fs from 'node:fs';
import path from 'node:path';
import type { OfficialRole } from '../../platform/access.ts';

export interface DemoCitizen {
  sub: string;
  idNumber: string;
  name: string;
  birthdate: string;
  gender: 'male' | 'female';
  phoneNumber: string;
  address: { streetAddress: string; communeCode: string; commune: string; province: string };
}

export interface DemoOfficial {
  username: string;
  name: string;
  roles: OfficialRole[];
  unitCodes: string[];
  /** Where the unit's reports go (approvers, administrators); `.example` addresses in the demo. */
  email?: string;
  /** Position printed under the official's signature on result documents. */
  jobTitle?: string;
}

export interface DemoPeople {
  password: string;
  citizens: DemoCitizen[];
  officials: DemoOfficial[];
}

const file = path.resolve(import.meta.dirname, '../../../data/demo-people.json');
let cached: DemoPeople | undefined;

/** The demo citizens and officials of the development provider (packages/server/data/demo-people.json). */
export function demoPeople(): DemoPeople {
  cached ??= JSON.parse(fs.readFileSync(file, 'utf8')) as DemoPeople;
  return cached;
}

/**
 * The claims the development provider releases, shaped like what a VNeID integration gives us:
 * standard OIDC claims plus `id_number` (12-digit CCCD) and `commune_code` (current commune of the
 * permanent address). Officials carry `motcua_official: true` and `preferred_username`.
 */
export function citizenClaims(c: DemoCitizen): Record<string, unknown> {
  return {
    sub: c.sub,
    id_number: c.idNumber,
    name: c.name,
    birthdate: c.birthdate,
    gender: c.gender,
    phone_number: c.phoneNumber,
    address: {
      formatted: `${c.address.streetAddress}, ${c.address.commune}, ${c.address.province}`,
      street_address: c.address.streetAddress,
      locality: c.address.commune,
      region: c.address.province,
      country: 'VN',
    },
    commune_code: c.address.communeCode,
  };
}

export function officialClaims(o: DemoOfficial): Record<string, unknown> {
  return { sub: o.username, preferred_username: o.username, name: o.name, motcua_official: true };
}

/** Finds a demo account by subject, CCCD or username (what the login form accepts). */
export function findDemoAccount(identifier: string): { sub: string; claims: Record<string, unknown>; label: string } | undefined {
  const people = demoPeople();
  const id = identifier.trim();
  const c = people.citizens.find((p) => p.sub === id || p.idNumber === id);
  if (c) return { sub: c.sub, claims: citizenClaims(c), label: c.name };
  const o = people.officials.find((p) => p.username === id.toLowerCase());
  if (o) return { sub: o.username, claims: officialClaims(o), label: o.name };
  return undefined;
}

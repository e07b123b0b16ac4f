import { recordedPcSettings } from "../settings.js";
import { AGE_BAND_SHARES, COMMERCIAL_FLEET_SHARES, PERSONAL_SIX_MONTH_SHARE, TERM_OUTCOME_SHARES } from "../generator/index.js";
import type { DistributionCheck, RecordedConfig } from "@sdh/schemas";
import type { QualityTally } from "@sdh/validation";
import { shareCheck as share } from "@sdh/validation";

type Lob = "personal" | "commercial";
const LOBS = ["personal", "commercial"] as const;

/** A DistributionTally's counts as JSON, for merging shards' tallies. */
export interface TallyState {
  households: Record<Lob, number>;
  vehicleCounts: Record<Lob, Array<[number, number]>>;
  ageBands: Record<Lob, Array<[number, number]>>;
  /** Personal policies, and those of them written for six months; policies by status. */
  policies: { personal: number; sixMonth: number; status: Record<string, number> };
}

/**
 * Tallies what the distribution checks compare: households per line, vehicles per household, the ages
 * of households' heads per line (the age bands are drawn for heads; spouses and children follow them),
 * personal policies' term lengths, and policies' statuses.
 */
export class DistributionTally implements QualityTally {
  readonly households = { personal: 0, commercial: 0 };
  readonly policies = { personal: 0, sixMonth: 0, status: {} as Record<string, number> };
  readonly vehicleCounts = { personal: new Map<number, number>(), commercial: new Map<number, number>() };
  readonly ageBands = { personal: new Map<number, number>(), commercial: new Map<number, number>() };

  observe(entity: string, values: Readonly<Record<string, unknown>>): void {
    if (entity === "households") this.addHousehold(values.lob_type, values.vehicle_count);
    else if (entity === "profiles") this.addProfile(values.lob_type, values.household_role, values.age);
    else if (entity === "policies") this.addPolicy(values.lob_type, values.term_months, values.status);
  }

  addHousehold(lob: unknown, vehicleCount: unknown): void {
    if (lob !== "personal" && lob !== "commercial") return;
    this.households[lob]++;
    if (typeof vehicleCount === "number") bump(this.vehicleCounts[lob], vehicleCount);
  }

  addProfile(lob: unknown, role: unknown, age: unknown): void {
    if ((lob !== "personal" && lob !== "commercial") || role !== "head") return;
    if (typeof age === "number") {
      const band = AGE_BAND_SHARES[lob].findIndex((b) => age >= b.min && age <= b.max);
      bump(this.ageBands[lob], band);
    }
  }

  addPolicy(lob: unknown, termMonths: unknown, status: unknown): void {
    if (lob === "personal") {
      this.policies.personal++;
      if (termMonths === 6) this.policies.sixMonth++;
    }
    if (typeof status === "string") this.policies.status[status] = (this.policies.status[status] ?? 0) + 1;
  }

  state(): TallyState {
    const entries = (m: Record<Lob, Map<number, number>>) => ({ personal: [...m.personal], commercial: [...m.commercial] });
    return { households: { ...this.households }, vehicleCounts: entries(this.vehicleCounts), ageBands: entries(this.ageBands), policies: { ...this.policies, status: { ...this.policies.status } } };
  }

  merge(state: unknown): void {
    const other = state as TallyState;
    for (const lob of LOBS) {
      this.households[lob] += other.households[lob];
      for (const [k, n] of other.vehicleCounts[lob]) bump(this.vehicleCounts[lob], k, n);
      for (const [k, n] of other.ageBands[lob]) bump(this.ageBands[lob], k, n);
    }
    this.policies.personal += other.policies.personal;
    this.policies.sixMonth += other.policies.sixMonth;
    for (const [status, n] of Object.entries(other.policies.status)) this.policies.status[status] = (this.policies.status[status] ?? 0) + n;
  }

  checks(recorded: RecordedConfig): DistributionCheck[] {
    const config = recordedPcSettings(recorded);
    const checks: DistributionCheck[] = [];
    const total = this.households.personal + this.households.commercial;
    checks.push(share("lob_mix.commercial", config.lobMix.commercial, this.households.commercial, total));
    for (const lob of LOBS) {
      const counted = this.vehicleCounts[lob];
      const people = sum(counted);
      if (lob === "personal") {
        const weights = config.vehiclesPerPerson.personal;
        const ks = new Set([...weights.keys(), ...counted.keys()]);
        for (const k of [...ks].sort((a, b) => a - b)) {
          const expected = weights[k] ?? 0;
          const observed = counted.get(k) ?? 0;
          if (expected > 0 || observed > 0) checks.push(share(`vehicles_per_household.personal.${k}`, expected, observed, people));
        }
      } else {
        // Commercial fleets follow their business archetype (1 to hundreds): checked in bands.
        for (const band of COMMERCIAL_FLEET_SHARES) {
          let observed = 0;
          for (const [k, n] of counted) if (k >= band.min && k <= band.max) observed += n;
          const name = band.min === band.max ? `${band.min}` : `${band.min}-${band.max}`;
          checks.push(share(`vehicles_per_household.commercial.${name}`, band.share, observed, people));
        }
      }
      const bands = this.ageBands[lob];
      const aged = sum(bands);
      AGE_BAND_SHARES[lob].forEach((band, i) => {
        checks.push(share(`age_band.${lob}.${band.min}-${band.max}`, band.share, bands.get(i) ?? 0, aged));
      });
      if (bands.has(-1)) checks.push(share(`age_band.${lob}.outside`, 0, bands.get(-1)!, aged));
    }
    checks.push(share("policy_term.personal.6", PERSONAL_SIX_MONTH_SHARE, this.policies.sixMonth, this.policies.personal));
    // In force and pending renewal are one outcome: which of the two a term is depends on its dates.
    const statuses = this.policies.status;
    const written = Object.values(statuses).reduce((a, b) => a + b, 0);
    for (const [outcome, expected] of Object.entries(TERM_OUTCOME_SHARES)) {
      const observed = outcome === "in_force" ? (statuses.in_force ?? 0) + (statuses.pending_renewal ?? 0) : (statuses[outcome] ?? 0);
      checks.push(share(`policy_status.${outcome}`, expected, observed, written));
    }
    return checks.filter((c) => c.sample > 0);
  }
}

function bump(map: Map<number, number>, key: number, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

function sum(map: Map<number, number>): number {
  let total = 0;
  for (const n of map.values()) total += n;
  return total;
}


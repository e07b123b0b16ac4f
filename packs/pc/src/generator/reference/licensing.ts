import { weighted } from "@sdh/rules";

// When people first get a driver's licence (documented in the pack README, "Licensing").

/**
 * The youngest age at which a state issues a first unsupervised (intermediate) licence, in whole years.
 * TIRF's GDL framework (current implementation status) puts the minimum between 14 years 3 months and
 * 17 years, with New Jersey the only state at 17 (N.J.S.A. 39:3-13; IIHS, New Jersey's GDL law). This
 * generator licenses nobody before 16, nor before 17 in New Jersey: that is never below a state's
 * minimum in whole years. The six states whose minimum is below 16 license at 16 here, and the months
 * above 16 that twelve states add are not modelled (no statute table of them ships with the pack).
 */
export function minimumLicensingAge(licenceState: string): number {
  return licenceState === "NJ" ? 17 : 16;
}

/**
 * Whole years from the minimum licensing age to a first licence, for people who get one. Anchored to
 * the AAA Foundation for Traffic Safety's survey "Timing of Driver's License Acquisition and Reasons
 * for Delay among Young People in the United States, 2012": 44% were licensed within 12 months of
 * their state's minimum age, and about one in three drivers is first licensed at 18 or later (AAA
 * Foundation, "Older Novice Driver Crashes in New Jersey"). The tail past the second year decays
 * smoothly (geometrically, a rule) into late licensing in the thirties. A day is drawn uniformly
 * within the year, so first-licence ages have no spikes and no holes.
 */
export const LICENSING_DELAY_YEARS = weighted<number>(licensingDelays());

function licensingDelays(): Array<readonly [number, number]> {
  const first = 0.44;
  const second = 0.23;
  // The remaining third after the second year: 0.85 of the year before, for 20 years.
  const ratio = 0.85;
  const years = 20;
  const tail = 1 - first - second;
  const norm = (1 - ratio ** years) / (1 - ratio);
  const rows: Array<readonly [number, number]> = [[0, first], [1, second]];
  for (let k = 0; k < years; k++) rows.push([2 + k, (tail * ratio ** k) / norm]);
  return rows;
}

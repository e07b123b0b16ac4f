import { pcSettings } from "../settings.js";
import type { SnapshotConfig } from "@sdh/schemas";
import { compileTemplate, createPermutation, templateSpace } from "@sdh/rules";
import { derivedLicenceNumber, type LicenceHolder } from "./licence-numbers.js";
import type { PersonSlot } from "./person-slots.js";
import { SYNTHETIC_LICENSE_TEMPLATE, type StateReference } from "./reference/states.js";

/**
 * Persons a household may hold (its head, a spouse or partner, two children of driving age): each
 * member's licence number comes from key `slot index + slots × member`, unique by construction.
 */
export const HOUSEHOLD_MEMBER_SLOTS = 4;

/**
 * Licence numbers, unique within each issuing state by construction: the household's slot places it in
 * its state's run of slots (person-slots.ts), and member `m` takes the run's m-th block of numbers.
 * States that derive the number from name and birth date (FL, IL, WI, MD, MI, MN) get a unique sequence.
 */
export function createLicenceIssuer(config: SnapshotConfig): (slot: PersonSlot, member: number, holder: LicenceHolder, overflow: number) => string {
  const syntheticLicences = createPermutation(templateSpace(SYNTHETIC_LICENSE_TEMPLATE), config.seed ^ 0x5d1c);
  const syntheticLicenceFormat = compileTemplate(SYNTHETIC_LICENSE_TEMPLATE);
  if (config.records * HOUSEHOLD_MEMBER_SLOTS > templateSpace(SYNTHETIC_LICENSE_TEMPLATE)) {
    throw new Error(`synthetic licence format ${SYNTHETIC_LICENSE_TEMPLATE} has fewer values than ${config.records} households × ${HOUSEHOLD_MEMBER_SLOTS} members`);
  }
  // Per state, built when first asked for: its licence-number permutation and compiled format.
  const licenceNumbers = new Map<StateReference, { permute: (k: number) => number; format: (n: number) => string }>();
  const licenceNumberFor = (state: StateReference, key: number, size: number): string => {
    let numbers = licenceNumbers.get(state);
    if (!numbers) {
      const space = templateSpace(state.licenseTemplate);
      const holders = size * HOUSEHOLD_MEMBER_SLOTS;
      if (space < holders) throw new Error(`${state.code} licence format ${state.licenseTemplate} has ${space} values, fewer than its ${holders} possible licence holders`);
      const permute = createPermutation(space, config.seed ^ 0x5d1c ^ state.code.charCodeAt(0) ^ (state.code.charCodeAt(1) << 8));
      numbers = { permute, format: compileTemplate(state.licenseTemplate) };
      licenceNumbers.set(state, numbers);
    }
    return numbers.format(numbers.permute(key));
  };
  const synthetic = pcSettings(config).identifiers === "synthetic";
  return (slot, member, holder, overflow) => {
    const { state, stateIndex, size } = slot;
    if (synthetic) return syntheticLicenceFormat(syntheticLicences(slot.slot + config.records * member));
    const key = stateIndex + size * member;
    return state.derived ? derivedLicenceNumber(state.derived, holder, overflow, key) : licenceNumberFor(state, key, size);
  };
}

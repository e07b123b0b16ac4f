import type { SnapshotConfig } from "@sdh/schemas";
import type { Gender, Person } from "../schemas/index.js";
import { createRecordStreams, FICTIONAL_LINES, toEpochDay, formatEpochDay, givenNamesFor, intBetween, parseIsoDate, pick, pickIndex, pickWeighted, type Random, RESERVED_DOMAINS, SURNAMES, uuidFrom, wholeYearsTo, ZIP_PLACE_BY_CODE } from "@sdh/rules";
import { createLicenceIssuer, HOUSEHOLD_MEMBER_SLOTS } from "./licence-issuer.js";
import { createLifeDates } from "./life-dates.js";
import type { PersonSlots } from "./person-slots.js";
import { GENDERS } from "./reference/distributions.js";
import { CHILD_AGES, CHILD_DRIVERS, HUSBAND_OLDER_YEARS, MIN_PARENT_AGE_GAP, PARENT_AGES, SAME_SEX_COUPLE_SHARE, SPOUSE_AGE_SPREAD, SPOUSE_LICENSED_SHARE, SPOUSE_SHARES_NAME_SHARE } from "./reference/households.js";

export interface MemberRule {
  /**
   * The licensed members of household `i` besides its head, in order: a spouse or partner, then
   * children of driving age, oldest first. A pure function of (seed, i, config) and the head.
   */
  membersOf(head: Person, i: number): Person[];
}

/** `slots` may be shared with the person rule (createGenerator does). */
export function createMemberRule(config: SnapshotConfig, slots: PersonSlots): MemberRule {
  const asOf = parseIsoDate(config.asOf);
  const asOfDay = toEpochDay(asOf);
  const yearsSince = wholeYearsTo(config.asOf);
  const lifeDates = createLifeDates(asOf);
  const streams = createRecordStreams(config.seed, "household-member");
  const issueLicence = createLicenceIssuer(config);

  /**
   * A member who shares the head's address and phone area code; `m` is their place in the household
   * (1-3). A child not licensed by asOf is not a member (persons are the household's licensed members): null.
   */
  const member = (r: Random, head: Person, i: number, m: number, role: "spouse" | "child", sex: "F" | "M", gender: Gender, age: number, lastName: string, lastEmailPart: string): Person | null => {
    const birth = lifeDates.birthFor(r, age);
    const licenseDay = role === "spouse" ? lifeDates.heldLicenceDay(r, birth, head.license_state) : lifeDates.firstLicenceDay(r, birth, head.license_state);
    if (licenseDay > asOfDay) return null;
    const { names, firstIndex, first_name, middle_name } = givenNamesFor(r, sex, birth.year);
    const overflow = intBetween(r, 0, 99);
    const slot = slots.slotOf(i);
    const license_number = issueLicence(slot, m, { lastName, firstName: first_name, middleName: middle_name, birth, female: gender === "F" }, overflow);
    const place = ZIP_PLACE_BY_CODE.get(head.postal_code)!;
    // The head's number is the household's slot (< records); member m's is slot + records × m: unique whatever the names.
    const email = `${names.emailParts[firstIndex]!}.${lastEmailPart}${slot.slot + config.records * m}@${pick(r, RESERVED_DOMAINS)}`;
    return {
      person_id: uuidFrom(r),
      household_id: head.household_id,
      household_role: role,
      first_name,
      middle_name,
      last_name: lastName,
      name_suffix: null,
      date_of_birth: formatEpochDay(toEpochDay(birth)),
      gender,
      // Children living at home are rated single.
      marital_status: role === "spouse" ? head.marital_status : "single",
      email,
      phone: `(${pick(r, place.areaCodes)}) ${FICTIONAL_LINES[intBetween(r, 0, 99)]!}`,
      // The head's address, field for field (written out: a spread in a literal is a slow runtime copy).
      street: head.street,
      address_line2: head.address_line2,
      city: head.city,
      county: head.county,
      state: head.state,
      postal_code: head.postal_code,
      license_number,
      license_state: head.license_state,
      license_issue_date: formatEpochDay(licenseDay),
      lob_type: "personal",
      business_name: null,
      fleet_role: null,
      naics_code: null,
      usdot_number: null,
      cdl_class: null,
    };
  };

  return {
    membersOf(head, i) {
      if (head.lob_type !== "personal") return [];
      const r = streams.at(i);
      const members: Person[] = [];
      const headAge = yearsSince(head.date_of_birth);
      const headSex: "F" | "M" = head.gender === "X" ? (r.next() < 0.5 ? "F" : "M") : head.gender;
      // The head's email is first.last<slot>@domain: the family name's email part is what sits between.
      const local = head.email.slice(0, head.email.indexOf("@"));
      const familyEmailPart = local.slice(local.indexOf(".") + 1, local.length - String(slots.slotOf(i).slot).length);
      const partnered = head.marital_status === "married" || head.marital_status === "domestic_partner";
      if (partnered && headAge >= 18 && r.next() < SPOUSE_LICENSED_SHARE) {
        const sameSex = r.next() < SAME_SEX_COUPLE_SHARE;
        const sex: "F" | "M" = sameSex ? headSex : headSex === "F" ? "M" : "F";
        const shift = sameSex ? 0 : sex === "M" ? HUSBAND_OLDER_YEARS : -HUSBAND_OLDER_YEARS;
        // A sum of three uniform draws: most couples within a few years of each other.
        const spread = Math.round(((r.next() + r.next() + r.next()) / 3 - 0.5) * 2 * SPOUSE_AGE_SPREAD);
        const age = Math.max(18, Math.min(90, headAge + shift + spread));
        const gender: Gender = pickWeighted(r, GENDERS) === "X" ? "X" : sex;
        const own = r.next() < SPOUSE_SHARES_NAME_SHARE ? -1 : pickIndex(r, SURNAMES);
        const lastName = own < 0 ? head.last_name : SURNAMES.items[own]!;
        members.push(member(r, head, i, 1, "spouse", sex, gender, age, lastName, own < 0 ? familyEmailPart : SURNAMES.emailParts[own]!)!);
      }
      if (headAge >= PARENT_AGES.min && headAge <= PARENT_AGES.max) {
        const children = pickWeighted(r, CHILD_DRIVERS);
        const oldest = Math.min(CHILD_AGES.max, headAge - MIN_PARENT_AGE_GAP);
        const ages = Array.from({ length: Math.min(children, HOUSEHOLD_MEMBER_SLOTS - 2) }, () => intBetween(r, CHILD_AGES.min, oldest)).sort((a, b) => b - a);
        ages.forEach((age, k) => {
          const gender: Gender = pickWeighted(r, GENDERS);
          const sex = gender === "X" ? (r.next() < 0.5 ? "F" : "M") : gender;
          // A child's place stays 2 + k whether or not an older sibling is licensed: licence numbers and emails key on it.
          const child = member(r, head, i, 2 + k, "child", sex, gender, age, head.last_name, familyEmailPart);
          if (child) members.push(child);
        });
      }
      return members;
    },
  };
}

// How a driver's crash risk is rated (pack README, "Rating"): a documented rating algorithm, not a filed
// rate. Claims follow the same relativities (claim.ts), so price and losses meet.

/**
 * Crash risk per mile driven, by age, relative to drivers 30-64 (a rule). Anchored to IIHS's figure that
 * per mile driven, drivers 16-19 are nearly three times as likely as drivers 20 and older to crash
 * (IIHS, "Teenagers: Fatality facts"), highest at 16-17 and falling through the twenties; rising
 * again past 75, as crash rates per mile do for the oldest drivers (IIHS, "Older people: Fatality facts").
 */
export function ageRelativity(age: number): number {
  if (age < 18) return 3.6;
  if (age < 20) return 2.9;
  if (age < 25) return 1.6;
  if (age < 30) return 1.2;
  if (age < 65) return 1;
  if (age < 75) return 1.05;
  if (age < 80) return 1.3;
  return 1.7;
}

/** A new driver's first years cost more at any age (a rule): inexperience, as GDL's premise has it. */
export function experienceRelativity(yearsLicensed: number): number {
  if (yearsLicensed < 1) return 1.3;
  if (yearsLicensed < 3) return 1.12;
  return 1;
}

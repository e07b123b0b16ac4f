/**
 * How names are written. The Census surname file is in capitals without apostrophes, spaces or
 * accents (OBRIEN, MCDONALD, GARCIA); these rules give back the written form. They are rules, not
 * data: each is listed here so it can be challenged.
 */

/** Irish O' names the Census file writes without the apostrophe (the common ones). */
const O_APOSTROPHE = new Set([
  "OBRIEN", "OCONNOR", "OCONNELL", "ONEIL", "ONEILL", "ODONNELL", "OREILLY", "OSULLIVAN", "OHARA", "OKEEFE", "OLEARY", "OMALLEY",
  "OROURKE", "OTOOLE", "ODELL", "OGRADY", "OHALLORAN", "OSHEA", "OCONNER", "ODAY", "OBANNON", "ODOWD", "OFARRELL", "OHAIR",
  "OMARA", "OMEARA", "ONEAL", "OKANE", "OBRYANT", "OQUINN", "OBRIANT", "OHEARN", "OGORMAN", "OCALLAGHAN", "ODONOGHUE", "ODANIEL",
]);

function titleCase(upper: string): string {
  return upper.charAt(0) + upper.slice(1).toLowerCase();
}

/** The written form of a Census surname: McDonald, O'Brien, Garcia. */
export function properSurname(census: string): string {
  const upper = census.toUpperCase();
  if (O_APOSTROPHE.has(upper)) return `O'${titleCase(upper.slice(1))}`;
  if (upper.startsWith("MC") && upper.length > 3) return `Mc${titleCase(upper.slice(2))}`;
  return titleCase(upper);
}

/**
 * Spanish surnames with their accented spelling (Real Academia Española orthography). Many US
 * records drop the accent; ACCENTED_SHARE of the persons with one of these names keep it.
 */
export const ACCENTED: ReadonlyMap<string, string> = new Map([
  ["Garcia", "García"], ["Rodriguez", "Rodríguez"], ["Martinez", "Martínez"], ["Hernandez", "Hernández"], ["Lopez", "López"],
  ["Gonzalez", "González"], ["Perez", "Pérez"], ["Sanchez", "Sánchez"], ["Ramirez", "Ramírez"], ["Gomez", "Gómez"],
  ["Diaz", "Díaz"], ["Gutierrez", "Gutiérrez"], ["Alvarez", "Álvarez"], ["Jimenez", "Jiménez"], ["Vazquez", "Vázquez"],
  ["Dominguez", "Domínguez"], ["Fernandez", "Fernández"], ["Mendez", "Méndez"], ["Munoz", "Muñoz"], ["Nunez", "Núñez"],
  ["Pena", "Peña"], ["Ibanez", "Ibáñez"], ["Suarez", "Suárez"], ["Marquez", "Márquez"], ["Velazquez", "Velázquez"],
  ["Rios", "Ríos"], ["Ordonez", "Ordóñez"], ["Benitez", "Benítez"], ["Chavez", "Chávez"], ["Juarez", "Juárez"],
]);
export const ACCENTED_SHARE = 0.3;

/** Suffixes and their shares among men (a rule: no public frequency table exists). */
export const SUFFIXES: ReadonlyArray<readonly [string, number]> = [["Jr.", 0.03], ["Sr.", 0.006], ["II", 0.004], ["III", 0.005], ["IV", 0.0005]];

/** Share of married, divorced or widowed women who write a hyphenated double surname (a rule). */
export const HYPHENATED_SHARE = 0.02;

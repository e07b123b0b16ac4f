import { Faker, en, type Randomizer } from "@faker-js/faker";
import type { Random } from "./random.js";

/**
 * A Faker instance (never the global one) whose randomness comes from the record being built:
 * the rule points it at that record's stream before each call, so faker output is as reproducible
 * as everything else.
 */
export class SeededFaker {
  private current: Random | null = null;
  readonly faker: Faker;

  constructor() {
    const randomizer: Randomizer = {
      next: () => {
        if (!this.current) throw new Error("SeededFaker used outside a record: call use(random) first");
        return this.current.next();
      },
      seed: () => {
        throw new Error("SeededFaker is seeded per record through use(random), never globally");
      },
    };
    this.faker = new Faker({ locale: [en], randomizer });
  }

  use(random: Random): Faker {
    this.current = random;
    return this.faker;
  }
}

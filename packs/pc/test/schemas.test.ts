import { columnsOf as columnsOfSpec, entitySpec, isEntity, jsonSchemaOf as jsonSchemaOfSpec, packSpecProblems, perEntity } from "@sdh/schemas";
import { describe, expect, it } from "vitest";
import { PC_PACK_SPEC, Person } from "../src/schemas/index.js";

describe("the P&C declaration (ADR 0016)", () => {
  it("the P&C declaration is sound, and per-entity helpers follow it in declared order", () => {
    expect(packSpecProblems(PC_PACK_SPEC)).toEqual([]);
    expect(perEntity(PC_PACK_SPEC, (e) => e.length)).toEqual({ households: 10, persons: 7, vehicles: 8, profiles: 8, policies: 8, drivers: 7, policy_vehicles: 15, coverages: 9, claims: 6 });
    expect(Object.keys(perEntity(PC_PACK_SPEC, () => 0))).toEqual(PC_PACK_SPEC.entities.map((e) => e.name));
    expect(["persons", "profiles", "dataset", "schema", "Persons"].map((name) => isEntity(PC_PACK_SPEC, name))).toEqual([true, true, false, false, false]);
  });

});

const columnsOf = (name: string) => columnsOfSpec(entitySpec(PC_PACK_SPEC, name));
const jsonSchemaOf = (name: string) => jsonSchemaOfSpec(entitySpec(PC_PACK_SPEC, name));

describe("columns derived from the schemas", () => {
  it("lists person columns in schema order with types and nullability", () => {
    const columns = columnsOf("persons");
    expect(columns.map((c) => c.name)).toEqual(Object.keys(Person.shape));
    expect(columns.find((c) => c.name === "date_of_birth")).toMatchObject({ type: "date", nullable: false });
    expect(columns.find((c) => c.name === "middle_name")).toMatchObject({ type: "string", nullable: true });
    expect(columns.find((c) => c.name === "fleet_role")).toMatchObject({ type: "string", nullable: true });
  });

  it("types vehicle and profile numbers as integers", () => {
    expect(columnsOf("vehicles").find((c) => c.name === "model_year")).toMatchObject({ type: "int", nullable: false });
    expect(columnsOf("vehicles").find((c) => c.name === "gvwr_class")).toMatchObject({ type: "string", nullable: true });
    expect(columnsOf("profiles").find((c) => c.name === "risk_score")).toMatchObject({ type: "int" });
  });

  it("gives every column a description (it feeds the data dictionary)", () => {
    for (const entity of ["persons", "vehicles", "profiles"] as const) {
      for (const column of columnsOf(entity)) expect(column.description, `${entity}.${column.name}`).not.toBe("");
    }
  });

  it("emits JSON Schema with the enums and patterns", () => {
    const schema = jsonSchemaOf("vehicles") as { properties: Record<string, { pattern?: string; enum?: string[] }> };
    expect(schema.properties.vin?.pattern).toBe("^[A-HJ-NPR-Z0-9]{17}$");
    expect(schema.properties.ownership?.enum).toEqual(["owned", "financed", "leased"]);
  });
});


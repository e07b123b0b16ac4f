import type { PackSpec } from "@sdh/schemas";
import { Account, Customer, Transaction } from "./schemas.js";

/** The FinTech pack's entities in build order: customers (the root), their accounts, the accounts' transactions. */
export const FINTECH_PACK_SPEC = {
  name: "fintech",
  dataset: "synthetic-retail-banking",
  title: "Synthetic Data Hub: retail banking customers, accounts and transactions",
  description: "Governed synthetic test data for banking and payments QA. Entirely generated: no record describes a real person, account or card.",
  entities: [
    {
      name: "customers",
      title: "Customer",
      description: "Retail banking customers: the root, which config.records counts",
      schema: Customer,
      primaryKey: "customer_id",
      rules: { schema: "SCHEMA_CUSTOMER_INVALID", unique: "UNIQUE_CUSTOMER_ID" },
      foreignKeys: [],
      parent: null,
      fieldRules: { email: "PRIVACY_EMAIL_DOMAIN", phone: "PRIVACY_PHONE_RANGE" },
    },
    {
      name: "accounts",
      title: "Account",
      description: "Each customer's checking, savings and credit card accounts",
      schema: Account,
      primaryKey: "account_id",
      rules: { schema: "SCHEMA_ACCOUNT_INVALID", unique: "UNIQUE_ACCOUNT_ID" },
      foreignKeys: [{ field: "customer_id", entity: "customers", key: "customer_id", rule: "REF_ACCOUNT_CUSTOMER_MISSING" }],
      parent: { entity: "customers", field: "customer_id", cardinality: "many" },
      perRoot: 2.1,
    },
    {
      name: "transactions",
      title: "Transaction",
      description: "Each account's posted transactions in the 365 days up to asOf",
      schema: Transaction,
      primaryKey: "transaction_id",
      rules: { schema: "SCHEMA_TRANSACTION_INVALID", unique: "UNIQUE_TRANSACTION_ID" },
      foreignKeys: [{ field: "account_id", entity: "accounts", key: "account_id", rule: "REF_TRANSACTION_ACCOUNT_MISSING" }],
      parent: { entity: "accounts", field: "account_id", cardinality: "many" },
      perRoot: 85,
    },
  ],
} as const satisfies PackSpec;

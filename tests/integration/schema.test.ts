/**
 * Proves that the database built by prisma/migrations is the one prisma/schema.prisma describes,
 * which is what `prisma migrate diff` would check if its engine could run here. Both sides are
 * reduced to the same plain description (tables, columns, keys, indexes, foreign keys, enums), the
 * expected one from Prisma's own parser (DMMF) and the actual one from the Postgres catalog, and
 * compared whole, so a missing, extra or different object anywhere fails with a readable diff.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { type GetDMMFError, getDMMF } from "@prisma/get-dmmf";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../support/context";

type Document = Exclude<Awaited<ReturnType<typeof getDMMF>>, GetDMMFError>;
type Datamodel = Document["datamodel"];
type Model = Datamodel["models"][number];
type Field = Model["fields"][number];

interface Column {
  type: string;
  nullable: boolean;
  default: string | null;
}
interface Index {
  columns: string[];
  unique: boolean;
  method: string;
}
interface ForeignKey {
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}
interface Table {
  columns: Record<string, Column>;
  primaryKey: { name: string; columns: string[] } | null;
  /** By index name. Each entry lists columns with their order, e.g. "entity_type ASC". */
  indexes: Record<string, Index>;
  /** By "table(columns)": Prisma's DMMF does not expose custom foreign-key names. */
  foreignKeys: Record<string, ForeignKey>;
}
interface DatabaseDescription {
  enums: Record<string, string[]>;
  tables: Record<string, Table>;
}

/** Tables the app does not model but that legitimately live in the database. */
const ALLOWED_EXTRA_TABLES = new Set(["_prisma_migrations"]);

/**
 * Indexes Prisma's schema language cannot express (partial indexes, exclusion constraints),
 * written in the SQL migrations on purpose. Each must exist as described; then it is set aside
 * so the rest of the comparison stays exact.
 */
const SQL_ONLY_INDEXES: Record<string, { table: string; unique: boolean; method: string; partial: boolean }> = {
  version_one_original_per_title: { table: "version", unique: true, method: "btree", partial: true },
  grant_slice_no_double_grant: { table: "grant_slice", unique: false, method: "gist", partial: false },
  statement_counting_periods_disjoint: { table: "statement", unique: false, method: "gist", partial: true },
  // Title names in the viewer's collation (expression indexes; migration 20261208170500_title_name_collation).
  title_studio_name_en_idx: { table: "title", unique: false, method: "btree", partial: false },
  title_studio_name_zh_idx: { table: "title", unique: false, method: "btree", partial: false },
  title_listed_name_en_idx: { table: "title", unique: false, method: "btree", partial: true },
  title_listed_name_zh_idx: { table: "title", unique: false, method: "btree", partial: true },
};
/** Postgres' identifier limit; Prisma truncates generated constraint names to fit it. */
const MAX_IDENTIFIER_LENGTH = 63;

// ---------------------------------------------------------------------------------------------
// Expected: from schema.prisma through Prisma's parser.

async function loadDatamodel(): Promise<Datamodel> {
  const schema = await readFile(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8");
  const result = await getDMMF({ datamodel: schema });
  if (!("datamodel" in result)) throw new Error(`schema.prisma does not parse: ${result.error.message}`);
  return result.datamodel;
}

const tableName = (model: Model): string => model.dbName ?? model.name;
const columnName = (field: Field): string => field.dbName ?? field.name;

/** How `format_type()` spells an identifier: bare if it is a plain lower-case name, else quoted. */
const typeIdentifier = (name: string): string => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name}"`);

/** Prisma's type for a scalar without @db.*, on PostgreSQL. */
const DEFAULT_TYPES: Record<string, string> = {
  String: "text",
  Boolean: "boolean",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

/** The Postgres type (as `format_type()` prints it) that a @db.* native type creates. */
function nativeTypeName(name: string, args: readonly string[]): string {
  const withArgs = (base: string) => (args.length > 0 ? `${base}(${args.join(",")})` : base);
  const withPrecision = (base: string, zone: string) => (args.length > 0 ? `${base}(${args[0]}) ${zone}` : `${base} ${zone}`);
  switch (name) {
    case "Text":
    case "Uuid":
    case "Date":
    case "Inet":
    case "Citext":
    case "Xml":
    case "Money":
    case "Oid":
    case "Real":
    case "Boolean":
    case "Json":
      return name === "Real" ? "real" : name.toLowerCase();
    case "JsonB":
      return "jsonb";
    case "ByteA":
      return "bytea";
    case "SmallInt":
      return "smallint";
    case "Integer":
      return "integer";
    case "BigInt":
      return "bigint";
    case "DoublePrecision":
      return "double precision";
    case "VarChar":
      return withArgs("character varying");
    case "Char":
      return withArgs("character");
    case "Bit":
      return withArgs("bit");
    case "VarBit":
      return withArgs("bit varying");
    case "Decimal":
      return withArgs("numeric");
    case "Timestamp":
      return withPrecision("timestamp", "without time zone");
    case "Timestamptz":
      return withPrecision("timestamp", "with time zone");
    case "Time":
      return withPrecision("time", "without time zone");
    case "Timetz":
      return withPrecision("time", "with time zone");
    default:
      // Better to fail loudly than to compare against a guess.
      throw new Error(`schema.test.ts does not know @db.${name} yet; add it to nativeTypeName()`);
  }
}

function expectedType(field: Field, enums: Map<string, string>): string {
  let base: string;
  if (field.kind === "enum") {
    const enumName = enums.get(field.type);
    if (!enumName) throw new Error(`unknown enum ${field.type}`);
    base = typeIdentifier(enumName);
  } else if (field.nativeType) {
    const [name, args] = field.nativeType;
    base = nativeTypeName(name, args);
  } else {
    const type = DEFAULT_TYPES[field.type];
    if (!type) throw new Error(`schema.test.ts does not know the Prisma type ${field.type}`);
    base = type;
  }
  return field.isList ? `${base}[]` : base;
}

/** The default expression Postgres reports (pg_get_expr) for what Prisma puts in the DDL. */
function expectedDefault(field: Field, table: string, type: string): string | null {
  const value = field.default;
  if (value === undefined || field.isUpdatedAt) return null;
  if (typeof value === "object" && value !== null && !Array.isArray(value) && "name" in value) {
    switch (value.name) {
      case "now":
        return "CURRENT_TIMESTAMP";
      case "autoincrement":
        return `nextval('${table}_${columnName(field)}_seq'::regclass)`;
      case "dbgenerated":
        return String(value.args[0] ?? "");
      case "uuid":
      case "cuid":
      case "ulid":
      case "nanoid":
        return null; // generated by the Prisma client, not the database
      default:
        throw new Error(`schema.test.ts does not know @default(${value.name}()) yet`);
    }
  }
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") return value >= 0 ? String(value) : `'${value}'::${type}`;
  // DMMF carries BigInt and Decimal defaults as strings; Prisma writes them as bare literals.
  if (typeof value === "string" && (field.type === "BigInt" || field.type === "Decimal") && /^\d+(\.\d+)?$/.test(value)) return value;
  if (typeof value === "string") {
    // Postgres prints the cast without the length: 'x'::character varying.
    const castType = field.kind === "enum" ? type : type.replace(/\(.*\)/, "");
    return `'${value.replaceAll("'", "''")}'::${castType}`;
  }
  throw new Error(`schema.test.ts does not know the default ${JSON.stringify(value)} of ${field.name} yet`);
}

/** Prisma's generated constraint and index names: `<table>_<columns>_<suffix>`, cut to fit. */
function constraintName(table: string, columns: string[], suffix: "pkey" | "key" | "idx" | "fkey"): string {
  const base = suffix === "pkey" ? table : `${table}_${columns.join("_")}`;
  return `${base.slice(0, MAX_IDENTIFIER_LENGTH - suffix.length - 1)}_${suffix}`;
}

const PRISMA_ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

function describeSchema(datamodel: Datamodel): DatabaseDescription {
  const enumNames = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const enums = Object.fromEntries(datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
  const modelsByName = new Map(datamodel.models.map((model) => [model.name, model]));
  const column = (model: Model, fieldName: string): string => {
    const field = model.fields.find((f) => f.name === fieldName);
    if (!field) throw new Error(`${model.name}.${fieldName} not found`);
    return columnName(field);
  };

  const tables: Record<string, Table> = {};
  for (const model of datamodel.models) {
    const table = tableName(model);
    const columns: Record<string, Column> = {};
    const foreignKeys: Record<string, ForeignKey> = {};
    for (const field of model.fields) {
      if (field.kind === "object") {
        const from = field.relationFromFields ?? [];
        if (from.length === 0) continue; // the other side of the relation holds the key
        const target = modelsByName.get(field.type);
        if (!target) throw new Error(`unknown model ${field.type}`);
        const columnsOfKey = from.map((name) => column(model, name));
        // Prisma's defaults: required relations restrict deletes, optional ones set null.
        const allRequired = from.every((name) => model.fields.find((f) => f.name === name)?.isRequired);
        foreignKeys[`${table}(${columnsOfKey.join(", ")})`] = {
          columns: columnsOfKey,
          referencedTable: tableName(target),
          referencedColumns: (field.relationToFields ?? []).map((name) => column(target, name)),
          onDelete: PRISMA_ACTIONS[field.relationOnDelete ?? (allRequired ? "Restrict" : "SetNull")] ?? "?",
          onUpdate: PRISMA_ACTIONS[field.relationOnUpdate ?? "Cascade"] ?? "?",
        };
        continue;
      }
      const type = expectedType(field, enumNames);
      columns[columnName(field)] = {
        type,
        // Prisma never puts NOT NULL on scalar lists.
        nullable: field.isList || !field.isRequired,
        default: expectedDefault(field, table, type),
      };
    }

    let primaryKey: Table["primaryKey"] = null;
    const indexes: Record<string, Index> = {};
    for (const index of datamodel.indexes.filter((i) => i.model === model.name)) {
      const names = index.fields.map((f) => column(model, f.name));
      const ordered = index.fields.map((f, i) => `${names[i]} ${(f.sortOrder ?? "asc").toUpperCase()}`);
      if (index.type === "id") {
        primaryKey = { name: index.dbName ?? constraintName(table, names, "pkey"), columns: names };
      } else if (index.type === "unique" || index.type === "normal") {
        const unique = index.type === "unique";
        indexes[index.dbName ?? constraintName(table, names, unique ? "key" : "idx")] = {
          columns: ordered,
          unique,
          method: (index.algorithm ?? "BTree").toLowerCase(),
        };
      } else {
        throw new Error(`schema.test.ts does not know ${index.type} indexes yet`);
      }
    }
    tables[table] = { columns, primaryKey, indexes, foreignKeys };
  }
  return { enums, tables };
}

// ---------------------------------------------------------------------------------------------
// Actual: from the Postgres catalog of the migrated database.

const FK_ACTIONS: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

async function describeDatabase(client: pg.Client): Promise<DatabaseDescription> {
  const enumRows = await client.query<{ name: string; values: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = current_schema() GROUP BY t.typname`,
  );
  const columnRows = await client.query<{ table: string; column: string } & Column>(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
            NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
     ORDER BY c.relname, a.attnum`,
  );
  const indexRows = await client.query<{
    table: string;
    name: string;
    primary: boolean;
    unique: boolean;
    method: string;
    columns: string[];
    partial: boolean;
  }>(
    `SELECT t.relname AS table, ic.relname AS name, i.indisprimary AS primary, i.indisunique AS unique,
            am.amname AS method, i.indpred IS NOT NULL AS partial,
            ARRAY(
              SELECT coalesce(a.attname::text, '<expression>') ||
                     CASE WHEN am.amname = 'btree' OR i.indisprimary
                          THEN CASE WHEN (i.indoption[(k.ord - 1)::int] & 1) = 1 THEN ' DESC' ELSE ' ASC' END
                          ELSE ' ASC' END
              FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
              LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
              ORDER BY k.ord
            ) AS columns
     FROM pg_index i
     JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
     WHERE n.nspname = current_schema()`,
  );
  const fkRows = await client.query<{
    table: string;
    columns: string[];
    referenced_table: string;
    referenced_columns: string[];
    on_delete: string;
    on_update: string;
  }>(
    `SELECT t.relname AS table, rt.relname AS referenced_table,
            ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS referenced_columns,
            con.confdeltype AS on_delete, con.confupdtype AS on_update
     FROM pg_constraint con
     JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     JOIN pg_class rt ON rt.oid = con.confrelid
     WHERE con.contype = 'f' AND n.nspname = current_schema()`,
  );

  const tables: Record<string, Table> = {};
  const tableOf = (name: string): Table => {
    tables[name] ??= { columns: {}, primaryKey: null, indexes: {}, foreignKeys: {} };
    return tables[name];
  };
  for (const row of columnRows.rows) {
    tableOf(row.table).columns[row.column] = { type: row.type, nullable: row.nullable, default: row.default };
  }
  for (const row of indexRows.rows) {
    const table = tableOf(row.table);
    if (row.primary) {
      table.primaryKey = { name: row.name, columns: row.columns.map((c) => c.replace(/ (ASC|DESC)$/, "")) };
    } else {
      // Prisma never creates partial indexes; flag one rather than comparing it as a plain index.
      table.indexes[row.name] = {
        columns: row.partial ? [...row.columns, "<partial>"] : row.columns,
        unique: row.unique,
        method: row.method,
      };
    }
  }
  for (const row of fkRows.rows) {
    const foreignKeys = tableOf(row.table).foreignKeys;
    // A second key on the same columns must show up as extra, not overwrite the first.
    let key = `${row.table}(${row.columns.join(", ")})`;
    while (foreignKeys[key]) key = `${key} (duplicate)`;
    foreignKeys[key] = {
      columns: row.columns,
      referencedTable: row.referenced_table,
      referencedColumns: row.referenced_columns,
      onDelete: FK_ACTIONS[row.on_delete] ?? row.on_delete,
      onUpdate: FK_ACTIONS[row.on_update] ?? row.on_update,
    };
  }
  for (const name of ALLOWED_EXTRA_TABLES) delete tables[name];
  return { enums: Object.fromEntries(enumRows.rows.map((row) => [row.name, row.values])), tables };
}

// ---------------------------------------------------------------------------------------------

describe("the migrated database matches prisma/schema.prisma", () => {
  let expected: DatabaseDescription;
  let actual: DatabaseDescription;

  beforeAll(async () => {
    expected = describeSchema(await loadDatamodel());
    const client = new pg.Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      actual = await describeDatabase(client);
    } finally {
      await client.end();
    }
  });

  it("has exactly the schema's enums and values", () => {
    expect(actual.enums).toEqual(expected.enums);
  });

  it("has exactly the schema's tables", () => {
    expect(Object.keys(actual.tables).sort()).toEqual(Object.keys(expected.tables).sort());
  });

  it("has, per table, exactly the schema's columns, types, nullability and defaults", () => {
    for (const [name, table] of Object.entries(expected.tables)) {
      expect({ table: name, columns: actual.tables[name]?.columns }).toEqual({ table: name, columns: table.columns });
    }
  });

  it("has the schema's primary keys", () => {
    for (const [name, table] of Object.entries(expected.tables)) {
      expect({ table: name, primaryKey: actual.tables[name]?.primaryKey }).toEqual({
        table: name,
        primaryKey: table.primaryKey,
      });
    }
  });

  it("has the SQL-only indexes the migrations declare on purpose", () => {
    for (const [index, want] of Object.entries(SQL_ONLY_INDEXES)) {
      const got = actual.tables[want.table]?.indexes[index];
      expect({ index, unique: got?.unique, method: got?.method, partial: got?.columns.includes("<partial>") ?? false }).toEqual({
        index,
        unique: want.unique,
        method: want.method,
        partial: want.partial,
      });
    }
  });

  it("has exactly the schema's indexes and unique constraints", () => {
    for (const [name, table] of Object.entries(expected.tables)) {
      const indexes = Object.fromEntries(
        Object.entries(actual.tables[name]?.indexes ?? {}).filter(([index]) => SQL_ONLY_INDEXES[index]?.table !== name),
      );
      expect({ table: name, indexes }).toEqual({ table: name, indexes: table.indexes });
    }
  });

  it("has exactly the schema's foreign keys with their referential actions", () => {
    for (const [name, table] of Object.entries(expected.tables)) {
      expect({ table: name, foreignKeys: actual.tables[name]?.foreignKeys }).toEqual({
        table: name,
        foreignKeys: table.foreignKeys,
      });
    }
  });
});

/**
 * The feature model, declared once: TypeScript types are inferred from these schemas and the
 * published JSON Schema (`featspec schema`) is generated from them.
 */
import { z } from 'zod';
import { COMPONENT_KINDS, HTTP_METHODS, POLICY_OPERATIONS, STYLES } from './constants.js';

export { COMPONENT_KINDS, HTTP_METHODS, POLICY_OPERATIONS, STYLES };

export const SourceSchema = z.object({
  path: z.string().describe('Path relative to the workspace root'),
  line: z.number().int().min(1).describe('1-based line'),
});

export const StyleSchema = z.enum(STYLES);

export const DocSchema = z.object({
  path: z.string(),
  style: StyleSchema,
  styleSource: z.enum(['front-matter', 'template-title', 'title', 'file-name', 'sections', 'none']).describe('What decided the style'),
  title: z.string(),
  lines: z.number().int().min(0),
});

export const FieldSchema = z.object({
  name: z.string(),
  type: z.string().describe('Normalized type: uuid string integer number boolean datetime date json, <type>[], an entity name, or the raw text'),
  rawType: z.string(),
  required: z.boolean(),
  generated: z.boolean(),
  default: z.string().nullable(),
  description: z.string().nullable(),
  source: SourceSchema.optional().describe('Where the field is written (table row, JSON key, interface member)'),
});

export const EntitySchema = z.object({ name: z.string(), fields: z.array(FieldSchema), source: SourceSchema });

/** A code block written as an example (a JSON request or response body), kept verbatim. */
export const ExampleSchema = z.object({
  language: z.string().describe('Fence language as written (json, typescript, ...) or empty'),
  code: z.string(),
  line: z.number().int().min(1).describe('Line of the first code line'),
});

export const EndpointSchema = z.object({
  method: z.enum(HTTP_METHODS),
  path: z.string(),
  query: z.array(z.object({ name: z.string(), type: z.string().nullable(), default: z.string().nullable() })),
  auth: z.enum(['required', 'none', 'optional', 'unspecified']),
  request: z.string().nullable(),
  requestExample: ExampleSchema.nullable().describe('The request body example written in the document'),
  responses: z.array(z.object({
    status: z.number().int(),
    schema: z.string().nullable(),
    description: z.string().nullable(),
    example: ExampleSchema.nullable(),
  })),
  summary: z.string().nullable(),
  source: SourceSchema,
});

export const ColumnSchema = z.object({
  name: z.string(),
  type: z.string(),
  primaryKey: z.boolean(),
  nullable: z.boolean().nullable(),
  default: z.string().nullable(),
  references: z.string().nullable(),
  description: z.string().nullable(),
});
export const TableSchema = z.object({
  name: z.string(),
  columns: z.array(ColumnSchema),
  indexes: z.array(z.object({ name: z.string(), columns: z.array(z.string()), unique: z.boolean() })),
  policies: z.array(z.object({ operation: z.enum(POLICY_OPERATIONS), rule: z.string() })),
  source: SourceSchema,
});

export const FilePlanEntrySchema = z.object({
  path: z.string(),
  action: z.enum(['CREATE', 'MODIFY', 'DELETE']),
  description: z.string().nullable(),
  source: SourceSchema,
});

export const TaskSchema = z.object({
  id: z.string(),
  title: z.string(),
  done: z.boolean().nullable(),
  files: z.array(z.string()),
  reads: z.array(z.string()),
  source: SourceSchema,
});

export const DependencySchema = z.object({ feature: z.string(), reason: z.string().nullable(), source: SourceSchema });
export const ConfigVarSchema = z.object({ name: z.string(), value: z.string().nullable(), description: z.string().nullable(), source: SourceSchema });
export const ComponentSchema = z.object({
  name: z.string(),
  kind: z.enum(COMPONENT_KINDS),
  file: z.string().nullable(),
  description: z.string().nullable(),
  source: SourceSchema,
});
export const DiagramSchema = z.object({ language: z.enum(['mermaid', 'text']), type: z.string().nullable(), code: z.string(), source: SourceSchema });
export const TargetSchema = z.object({
  text: z.string(),
  metric: z.string().nullable(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  source: SourceSchema,
});
export const DecisionSchema = z.object({ title: z.string(), text: z.string(), source: SourceSchema });

export const DiagnosticSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  path: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
});

export const FeatureSchema = z.object({
  id: z.string(),
  number: z.number().int().nullable(),
  slug: z.string(),
  title: z.string(),
  docs: z.array(DocSchema),
  summary: z.string().nullable(),
  lastUpdated: z.string().nullable(),
  entities: z.array(EntitySchema),
  endpoints: z.array(EndpointSchema),
  tables: z.array(TableSchema),
  filePlan: z.array(FilePlanEntrySchema),
  tasks: z.array(TaskSchema),
  dependencies: z.array(DependencySchema),
  config: z.array(ConfigVarSchema),
  components: z.array(ComponentSchema),
  diagrams: z.array(DiagramSchema),
  targets: z.array(TargetSchema),
  decisions: z.array(DecisionSchema),
  diagnostics: z.array(DiagnosticSchema).describe('Problems found while reading this feature (parse level; lint adds more)'),
});

export const WorkspaceSchema = z.object({
  version: z.literal(1),
  root: z.string(),
  features: z.array(FeatureSchema),
  diagnostics: z.array(DiagnosticSchema).describe('Workspace-level problems (duplicate numbers, unreadable folders)'),
});

export type Source = z.infer<typeof SourceSchema>;
export type Style = z.infer<typeof StyleSchema>;
export type Doc = z.infer<typeof DocSchema>;
export type Field = z.infer<typeof FieldSchema>;
export type Entity = z.infer<typeof EntitySchema>;
export type Example = z.infer<typeof ExampleSchema>;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export type Endpoint = z.infer<typeof EndpointSchema>;
export type Column = z.infer<typeof ColumnSchema>;
export type Table = z.infer<typeof TableSchema>;
export type FilePlanEntry = z.infer<typeof FilePlanEntrySchema>;
export type Task = z.infer<typeof TaskSchema>;
export type Dependency = z.infer<typeof DependencySchema>;
export type ConfigVar = z.infer<typeof ConfigVarSchema>;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];
export type Component = z.infer<typeof ComponentSchema>;
export type Diagram = z.infer<typeof DiagramSchema>;
export type Target = z.infer<typeof TargetSchema>;
export type Decision = z.infer<typeof DecisionSchema>;
export type Feature = z.infer<typeof FeatureSchema>;
export type Workspace = z.infer<typeof WorkspaceSchema>;

/** The JSON Schema (draft 2020-12) of the workspace model, as printed by `featspec schema`. */
export function modelJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(WorkspaceSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://featspec.dev/schema/model-v1.json',
    title: 'featspec feature model, version 1',
    ...schema,
    $defs: { Feature: z.toJSONSchema(FeatureSchema, { target: 'draft-2020-12' }) },
  };
}

/**
 * JSON Schema for structured output and tools: {@link dev.ladder.core.schema.JsonSchemas}
 * generates schemas from records, enums and collections (plain, or in OpenAI's strict form) and
 * checks JSON against any schema, naming the JSON path of each violation;
 * {@link dev.ladder.core.schema.StructuredOutput} asks a model for an answer shaped like a Java type
 * and parses the answer back, reporting refusals, truncated answers and mismatches clearly;
 * {@link dev.ladder.core.schema.Description} describes types and properties to the model.
 */
package dev.ladder.core.schema;

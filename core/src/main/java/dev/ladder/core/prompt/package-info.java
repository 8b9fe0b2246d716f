/**
 * Prompt engineering, rung 1 of the ladder: {@link dev.ladder.core.prompt.PromptTemplate} fills
 * named variables, failing on a missing, unused or malformed one;
 * {@link dev.ladder.core.prompt.ChatPrompt} combines system instructions, few-shot examples and the
 * user's turn into a request, and can ask for an answer parsed into a record.
 */
package dev.ladder.core.prompt;

/**
 * The database (embedded H2 by default) with its schema migrations ({@code db/migration/V*.sql}), and one store class
 * per table family, the one home of that family's SQL: {@link vn.trolyso.assistant.store.AnswerStore} (answer log and
 * feedback), {@link vn.trolyso.assistant.store.ConversationStore} (conversations and their turns),
 * {@link vn.trolyso.assistant.store.LearningStore} (profiles, assessments, progress) and
 * {@link vn.trolyso.assistant.store.ApiKeyStore} (the administrator's API keys). May use the assistant's value types
 * (profiles, turns, the learning records) and nothing else.
 */
package vn.trolyso.assistant.store;

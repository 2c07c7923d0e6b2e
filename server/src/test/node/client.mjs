// Runs the official `openai` package against /v1 of a running Trợ lý số and prints one JSON line per check
// (OpenAiNodeClientTest reads them). Env: TROLYSO_BASE_URL (…/v1), TROLYSO_KEY, TROLYSO_BAD_KEY, TROLYSO_QUESTION.
import OpenAI from 'openai';

const client = new OpenAI({ baseURL: process.env.TROLYSO_BASE_URL, apiKey: process.env.TROLYSO_KEY, maxRetries: 0 });
const messages = [{ role: 'user', content: process.env.TROLYSO_QUESTION }];
const out = (o) => console.log(JSON.stringify(o));

const models = await client.models.list();
out({ check: 'models', ids: models.data.map((m) => m.id) });

const whole = await client.chat.completions.create({ model: 'trolyso', messages });
out({
  check: 'blocking',
  content: whole.choices[0].message.content,
  finishReason: whole.choices[0].finish_reason,
  citations: whole.choices[0].message.trolyso_citations,
  usage: whole.usage,
});

const stream = await client.chat.completions.create({ model: 'trolyso', messages, stream: true });
const pieces = [];
let last = null;
for await (const chunk of stream) {
  const delta = chunk.choices[0]?.delta?.content;
  if (delta) pieces.push(delta);
  last = chunk;
}
out({
  check: 'streaming',
  pieces: pieces.length,
  content: pieces.join(''),
  finishReason: last.choices[0].finish_reason,
  citations: last.trolyso_citations,
});

try {
  await new OpenAI({ baseURL: process.env.TROLYSO_BASE_URL, apiKey: process.env.TROLYSO_BAD_KEY, maxRetries: 0 })
    .chat.completions.create({ model: 'trolyso', messages });
  out({ check: 'refused', status: 0 });
} catch (e) {
  out({ check: 'refused', status: e.status, code: e.code, type: e.type, isApiError: e instanceof OpenAI.APIError });
}

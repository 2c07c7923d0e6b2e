package vn.trolyso.assistant.rag;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.TokenCountEstimator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately pessimistic token count for Vietnamese text, so prompts never overflow {@code num_ctx} whatever
 * model a school pulls. BPE vocabularies of the usual local models (Qwen 2.5, Llama 3.1, Gemma 3) spend one to two
 * tokens on a Vietnamese syllable with diacritics and split numbers into digits, so this counts: 2 tokens per
 * syllable with a non-ASCII letter (3 when longer than 7 letters), 1 per 4 letters of a plain ASCII word, 1 per
 * digit, 1 per punctuation mark or symbol, 1 per line break, and 4 per chat message for the role framing.
 */
public final class VietnameseTokenEstimator implements TokenCountEstimator {
    private static final Pattern PIECE = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*|\\p{N}|\\n|[^\\s\\p{L}\\p{N}]");
    private static final int PER_MESSAGE = 4;

    @Override
    public int estimateTokenCountInText(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int tokens = 0;
        Matcher m = PIECE.matcher(text);
        while (m.find()) {
            String piece = m.group();
            char first = piece.charAt(0);
            if (Character.isLetter(first)) {
                tokens += isAscii(piece) ? (piece.length() + 3) / 4 : piece.length() > 7 ? 3 : 2;
            } else {
                tokens += 1;
            }
        }
        return tokens;
    }

    @Override
    public int estimateTokenCountInMessage(ChatMessage message) {
        return PER_MESSAGE + estimateTokenCountInText(textOf(message));
    }

    @Override
    public int estimateTokenCountInMessages(Iterable<ChatMessage> messages) {
        int total = 0;
        for (ChatMessage m : messages) {
            total += estimateTokenCountInMessage(m);
        }
        return total;
    }

    static String textOf(ChatMessage message) {
        return switch (message) {
            case SystemMessage s -> s.text();
            case UserMessage u -> u.hasSingleText() ? u.singleText() : u.toString();
            case AiMessage a -> a.text() == null ? "" : a.text();
            default -> message.toString();
        };
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }
}

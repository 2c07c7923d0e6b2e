package vn.trolyso.assistant.llm;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;

/**
 * WireMock standing in for Ollama, one server per test class: declare it as
 * {@code @RegisterExtension static final OllamaStubServer ollama = OllamaStubServer.warmedUp();}. It starts on a free
 * port and is warmed up ({@link OllamaStubs#warmUp}) before the first test, reset to no stubs and no recorded requests
 * before each test, and stopped after the last.
 */
public final class OllamaStubServer extends WireMockExtension {
    private OllamaStubServer() {
        super(extensionOptions().options(options().dynamicPort()));
    }

    /** The stub for a static {@code @RegisterExtension} field (the warm-up runs in beforeAll, for static ones only). */
    public static OllamaStubServer warmedUp() {
        return new OllamaStubServer();
    }

    @Override
    protected void onBeforeAll(WireMockRuntimeInfo info) {
        OllamaStubs.warmUp(this);
    }
}

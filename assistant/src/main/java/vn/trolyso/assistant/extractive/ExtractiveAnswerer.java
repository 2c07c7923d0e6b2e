package vn.trolyso.assistant.extractive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import vn.trolyso.assistant.text.Terms;
import vn.trolyso.knowledge.document.DocumentCard;
import vn.trolyso.knowledge.search.Passage;
import vn.trolyso.knowledge.text.LineGrammar;
import vn.trolyso.knowledge.text.SentenceSplitter;

/**
 * The no-LLM answer: ranks the sentences of the top passages against the question and returns the best one to
 * three, cleaned and marked [n] with the passage they come from. Returns nothing when the passages do not
 * really cover the question (so the caller says the documents do not mention it rather than guessing).
 */
public final class ExtractiveAnswerer {
    private final ReaderWeights w;
    private final int maxSentences;
    private static final int MAX_ANSWER_CHARS = 700;

    public ExtractiveAnswerer(ReaderWeights weights, int maxSentences) {
        this.w = weights;
        this.maxSentences = maxSentences;
    }

    public ExtractiveAnswerer(double minCoverage, int maxSentences) {
        this(ReaderWeights.defaults().with("minCoverage=" + minCoverage), maxSentences);
    }

    public ExtractiveAnswerer() {
        this(ReaderWeights.defaults(), 3);
    }

    /**
     * An extract whose text cites {@code sources} by 1-based position ([1] = sources.get(0)).
     *
     * @param coverage how much of the question the best sentence covers (0–1)
     */
    public record Extract(String text, List<Passage> sources, double coverage) {
    }

    /**
     * A sentence of a retrieved passage.
     *
     * @param headings the headings above it in its passage ("2. Mục tiêu đến năm 2030"): they often carry the
     *                 year, the audience or the topic the sentence itself leaves out
     */
    private record Candidate(String raw, String cleaned, int passage, int position, QueryTerms.TextForms forms,
                             QueryTerms.TextForms headings, String documentId, String actor,
                             QueryTerms.TextForms actorWords, boolean card) {
    }

    /** Where an official document's closing part begins: nothing after it in the passage is an answer. */
    private static final java.util.regex.Pattern CLOSING = java.util.regex.Pattern.compile("^(?:Trên đây là|Nơi nhận)");

    /**
     * A template's blanks ("Kèm theo Kế hoạch số: /KH-UBND ngày / /2025"): a number or a date left to be filled in
     * states none, and answers no "số hiệu bao nhiêu?" or "ngày nào?".
     */
    private static final java.util.regex.Pattern UNFILLED = java.util.regex.Pattern.compile(
            "(?i)\\bsố\\s*:?\\s+/|\\bngày\\s+/\\s*/");

    /** Filing and signature formulas of official documents: never an answer ({@link #CLOSING} ends a passage). */
    private static final java.util.regex.Pattern BOILERPLATE = java.util.regex.Pattern.compile(
            "^(?:Lưu:|Lưu VT|TM\\.|KT\\.)");

    /**
     * @param coverage      share of the question's weight in the sentence, its headings, title and passage
     * @param ownCoverage   share in the sentence, its headings and (weighted) its document's title
     */
    /** @param saysKind the sentence says something of the kind of answer asked for ({@link AnswerKind#saidIn}) */
    private record Scored(Candidate candidate, double score, double coverage, double ownCoverage, boolean saysKind,
                          Set<String> matched, Set<String> numbers) {
    }

    public Optional<Extract> extract(String question, List<Passage> passages) {
        return extract(question, passages, maxSentences);
    }

    /**
     * True when the question asks for something a sentence shows by its shape and no sentence of these passages has
     * it: how many ("bao nhiêu CBQL, GV") without a figure beside what is counted, or what a unit must do ("các
     * trường phải làm gì") without a task under that unit's name. The answer may sit in a passage search ranked lower
     * (a plan's "Mục tiêu cụ thể" or "Tổ chức thực hiện" shares few words with a colloquial question), so a deeper
     * search is worth one more look.
     */
    public static boolean answerShapeMissing(String question, List<Passage> passages, Lexicon lexicon) {
        QueryTerms query = QueryTerms.of(question, lexicon.abbreviations());
        if (!query.counted.isEmpty()) {
            Optional<QueryTerms.Term> phrase = query.countedPhrase(lexicon.passagesWithWord());
            return candidates(passages).stream().noneMatch(c -> countsAsked(query, query.counted, phrase, c));
        }
        return query.asksDuty && candidates(passages).stream().noneMatch(c -> statesDuty(query, c));
    }

    /**
     * "phụ lục", folded: in a question, it asks what a document's attachment says ("Trong phụ lục …, tổ khối 4 làm
     * gì?"); in a section path, the passage is of an appendix.
     */
    private static final java.util.regex.Pattern APPENDIX = java.util.regex.Pattern.compile("\\bphu luc\\b");
    /** A sentence handing its content to an attachment ("… được giao theo Phụ lục đính kèm"), folded. */
    private static final java.util.regex.Pattern POINTS_TO_ATTACHMENT = java.util.regex.Pattern.compile(
            "\\bphu luc\\b(?: \\S+){0,3}? (?:dinh kem|kem theo)\\b");

    /**
     * True when the question asks what a document's attachment says and the passages found only point to it: the
     * plan says "theo Phụ lục đính kèm" but its text, as extracted, has no appendix (attachments are often separate
     * files). The sentence pointing there, or one beside it, does not say what the attachment assigns.
     */
    private static boolean attachmentMissing(String question, List<Passage> passages, List<Candidate> candidates) {
        if (!APPENDIX.matcher(Terms.fold(question)).find()) {
            return false;
        }
        boolean appendixFound = passages.stream().anyMatch(p -> APPENDIX.matcher(Terms.fold(p.sectionPath())).find());
        return !appendixFound && candidates.stream()
                .anyMatch(c -> POINTS_TO_ATTACHMENT.matcher(c.forms().folded()).find());
    }

    /** A sentence stating a figure beside what the question counts (any one of its words for a share). */
    private static boolean countsAsked(QueryTerms query, List<QueryTerms.Term> counted,
                                       Optional<QueryTerms.Term> phrase, Candidate c) {
        java.util.function.Predicate<QueryTerms.Term> near = t -> t.matches(c.forms()) || t.matches(c.headings());
        Set<String> figures = countFigures(query, c);
        if (figures.isEmpty()) {
            return false;
        }
        if (query.asksPercent) {
            return counted.stream().anyMatch(near);
        }
        if (phrase.isPresent() && !near.test(phrase.get())) {
            return false;
        }
        if (!query.headCountDoing.isEmpty() && query.headCountDoing.stream().noneMatch(near)) {
            return false;
        }
        // "Phường hiện có bao nhiêu trường?" asks how many there are: "01 mô hình trường học số" counts models, and
        // only a figure right before the noun counts it. (Required of every count, this cost ViRHE4QA 2 answers.)
        return counted.stream().allMatch(near) && (!query.asksTotal
                || counted.stream().anyMatch(t -> figures.stream().anyMatch(f -> t.follows(c.forms(), f, 2))));
    }

    public Optional<Extract> extract(String question, List<Passage> passages, int sentences) {
        return extract(question, passages, sentences, Lexicon.BUNDLED);
    }

    /**
     * @param vocabulary how many passages of the whole knowledge base use a word (-1: unknown); tells a topic the
     *                   documents never mention from a paraphrase of one they do
     */
    public Optional<Extract> extract(String question, List<Passage> passages, int sentences,
                                     ToIntFunction<String> vocabulary) {
        return extract(question, passages, sentences, new Lexicon(vocabulary, Lexicon.BUNDLED.abbreviations()));
    }

    /** @param lexicon what the reader knows of the whole knowledge base: word counts and abbreviations */
    public Optional<Extract> extract(String question, List<Passage> passages, int sentences, Lexicon lexicon) {
        ToIntFunction<String> vocabulary = lexicon.passagesWithWord();
        if (passages.isEmpty()) {
            return Optional.empty();
        }
        QueryTerms query = QueryTerms.of(question, lexicon.abbreviations());
        if (query.terms.isEmpty()) {
            return Optional.empty();
        }
        List<Candidate> all = candidates(passages);
        if (attachmentMissing(question, passages, all)) {
            return Optional.empty();
        }
        List<QueryTerms.TextForms> contexts = passages.stream()
                .map(p -> QueryTerms.TextForms.of(p.document().title() + " \n " + p.document().issuer() + " \n "
                        + p.sectionPath() + " \n " + p.text()))
                .toList();
        // The document title names what the whole document is about ("Tập huấn chương trình Day of AI").
        List<QueryTerms.TextForms> titles = passages.stream()
                .map(p -> QueryTerms.TextForms.of(p.document().title())).toList();
        // "Ai ký kế hoạch …" is answered by a sentence that says who signed, when there is one that answers;
        // "Ai được coi là …" may be answered by one that never uses the verb.
        if (!query.actor.isEmpty()) {
            List<Candidate> withActor = all.stream().filter(c -> saysActor(query, c)).toList();
            Optional<Extract> extract = withActor.isEmpty() ? Optional.empty()
                    : extract(question, query, passages, withActor, contexts, titles, sentences, vocabulary);
            if (extract.isPresent()) {
                return extract;
            }
        }
        return extract(question, query, passages, all, contexts, titles, sentences, vocabulary);
    }

    private Optional<Extract> extract(String question, QueryTerms query, List<Passage> passages,
                                      List<Candidate> candidates, List<QueryTerms.TextForms> contexts,
                                      List<QueryTerms.TextForms> titles, int sentences,
                                      ToIntFunction<String> vocabulary) {
        double[] weights = weights(query, candidates);
        boolean[] inNoPassage = inNoPassage(query, contexts);
        double absentWeight = 0;
        for (int t = 0; t < weights.length; t++) {
            absentWeight += inNoPassage[t] ? weights[t] : 0;
        }
        List<QueryTerms.Term> counted = query.countedIn(contexts);
        Optional<QueryTerms.Term> countedPhrase = query.countedPhrase(vocabulary);
        List<Scored> scored = new ArrayList<>();
        for (Candidate c : candidates) {
            // "bao nhiêu máy chiếu": only a sentence with a figure and the projectors answers, however well
            // another matches.
            // A share ("bao nhiêu % GV dạy lồng ghép …") needs only one of the words after it beside the figure: they
            // run on past the noun ("100% Giáo viên thực hiện …").
            if (query.counted.isEmpty() || countsAsked(query, counted, countedPhrase, c)) {
                scored.add(score(query, weights, c, titles.get(c.passage()), contexts.get(c.passage()), absentWeight));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        if (!query.aboutDocument) {
            // The card states who issued and signed a document and where: no answer to what the plan does ("Ai làm
            // tổ trưởng tổ công tác?" is not answered by the signer). Its sentences still count in the word weights.
            scored.removeIf(s -> s.candidate().card());
        }
        if (Boolean.getBoolean("trolyso.debug.extractive")) {
            StringBuilder absent = new StringBuilder();
            for (int t = 0; t < weights.length; t++) {
                if (inNoPassage[t]) {
                    absent.append(query.terms.get(t).surface()).append(' ');
                }
            }
            System.err.printf("DEBUG %s | absent: %s| best cov %.2f%n", question, absent,
                    scored.isEmpty() ? 0 : scored.getFirst().coverage());
            scored.stream().limit(Integer.getInteger("trolyso.debug.top", 6)).forEach(s -> System.err.printf(
                    "  %.2f cov %.2f own %.2f%s [%d] %s%n", s.score(), s.coverage(), s.ownCoverage(),
                    s.saysKind() ? " kind" : "", s.candidate().passage() + 1, s.candidate().cleaned()));
        }
        Optional<Scored> evidence = scored.isEmpty() ? Optional.empty()
                : evidence(query, AnswerKind.asksOneThing(question), namedThingAsked(query, question), contexts, scored,
                vocabulary);
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        if (query.kind.strict && scored.getFirst() != evidence.get()) {
            // "Cho xin link …": the sentence that gives a link answers, not a better-matching one that gives none.
            scored.remove(evidence.get());
            scored.addFirst(evidence.get());
        }
        List<Scored> picked = pick(scored, sentences, query.asksNumber);
        rowCellOfKind(query.kind, picked.getFirst(), scored).filter(cell -> !picked.contains(cell)).ifPresent(cell -> {
            picked.add(1, cell);
            if (picked.size() > sentences) {
                picked.removeLast();
            }
        });
        return Optional.of(compose(picked, candidates, passages, scored.getFirst().coverage(), query.asksNumber,
                query.asksWho));
    }

    /**
     * The best-placed of the top {@code gateDepth} sentences that is evidence enough to answer (not only the top-scored
     * one is looked at), or empty when the documents are said not to mention the question. {@code named}: what the
     * sentence must name ({@link #namedThingAsked}).
     */
    private Optional<Scored> evidence(QueryTerms query, boolean asksOneThing, Optional<String> named,
                                      List<QueryTerms.TextForms> contexts, List<Scored> scored,
                                      ToIntFunction<String> vocabulary) {
        EvidenceGate gate = new EvidenceGate(w, vocabulary);
        double required = gate.requiredCoverage(query, contexts); // index look-ups: once, not per sentence
        if (Boolean.getBoolean("trolyso.debug.extractive")) {
            System.err.printf("  gate: required %.2f, kind %s, topics %s%n", required, query.kind,
                    query.topics().stream().map(t -> t.surface() + "/" + t.alternatives().size() + "/"
                            + vocabulary.applyAsInt(t.surface())).toList());
        }
        int depth = Math.max(1, (int) w.gateDepth());
        // "Lúc mấy giờ?" when no sentence found states an hour: the documents do not say, however well they match.
        if (w.kindGate() > 0 && scored.stream().limit(depth).noneMatch(Scored::saysKind)) {
            return Optional.empty();
        }
        // "Lịch thi … là ngày nào?" asks a day only: a sentence saying none is no answer, however well it matches.
        boolean kindRequired = query.kind.strict
                || w.kindOpen() > 0 && query.kind.saidInFewWays() && asksOneThing
                || named.isPresent();
        return scored.stream().limit(depth).filter(s -> gate.answers(required, s.coverage(), s.ownCoverage())
                && (w.yearGate() <= 0 || !query.otherYear(s.candidate().forms(), s.candidate().headings()))
                && (!kindRequired || s.saysKind())
                && named.map(e -> s.candidate().forms().folded().contains(e)
                        || s.candidate().headings().folded().contains(e)).orElse(true)).findFirst();
    }

    /**
     * "Hội nghị triển khai kế hoạch … tổ chức vào ngày nào?", "Lễ ra mắt ứng dụng … ở đâu?": the ceremony or meeting
     * whose day, hour or place is asked (folded, padded). Its day is said only by a sentence naming it, or under its
     * heading: the day of another event ("Ngày hội … vào ngày 11/10") or of the task it belongs to ("Thời gian: triển
     * khai từ tháng 11 năm 2024") is not its day. And a sentence naming it without saying when or where ("Tổ chức Ngày
     * hội Giáo dục STEAM nhằm …") does not answer, even when something else is asked beside ("… hôm nào, ở trường
     * nào?"). Likewise the thing whose name is asked: "Trợ lý ảo … tên là gì?" is answered by a sentence naming an
     * assistant, not by the movement's quoted name ("Phong trào “Bình dân học vụ số”").
     */
    private static Optional<String> namedThingAsked(QueryTerms query, String question) {
        if (query.kind == AnswerKind.APP_NAME) {
            java.util.regex.Matcher app = APP_NOUN.matcher(Terms.fold(question));
            return app.find() ? Optional.of(" " + (app.group().equals("app") ? "ung dung" : app.group()) + " ")
                    : Optional.empty();
        }
        if (!(query.kind.isTime() || query.kind == AnswerKind.PLACE || query.kind == AnswerKind.ADDRESS)) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = EVENT.matcher(Terms.fold(question));
        return m.find() ? Optional.of(" " + m.group() + " ") : Optional.empty();
    }

    /** What an app's name is asked of (folded); "app" is written "ứng dụng" in plans. */
    private static final java.util.regex.Pattern APP_NOUN = java.util.regex.Pattern.compile(
            "\\b(?:" + AnswerKind.APP_NOUNS + ")\\b");

    /** A ceremony or a meeting held once (folded). */
    private static final java.util.regex.Pattern EVENT = java.util.regex.Pattern.compile(
            "\\b(?:le (?:ra mat|khai giang|khai mac|be mac|phat dong|tong ket|trao giai)|hoi nghi|hoi thao|ngay hoi"
                    + "|dien dan|toa dam)\\b");

    private static List<Candidate> candidates(List<Passage> passages) {
        List<Candidate> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            String[] sections = p.sectionPath().split(" › ");
            String heading = sections[sections.length - 1];
            String outer = "";
            // A passage starting at a lettered item ("… › 1. Bộ phận chuyên môn › c) Đầu mối kết nối …") has the
            // item for its last section: the unit it belongs to, who does it, is the section above.
            String unitAbove = sections.length >= 2 && LETTERED_ITEM.matcher(heading).lookingAt()
                    ? sections[sections.length - 2] : "";
            String previous = "";
            List<SentenceSplitter.Segment> segments = SentenceSplitter.segments(p.text());
            for (int j = 0; j < segments.size(); j++) {
                SentenceSplitter.Segment segment = segments.get(j);
                if (CLOSING.matcher(segment.text().strip()).find()) {
                    // "Trên đây là kế hoạch … Đề nghị toàn thể giáo viên …", "Nơi nhận: …": the document's closing,
                    // whatever heading it follows, is no one's task and no answer.
                    break;
                }
                if (segment.heading()) {
                    outer = LineGrammar.isHeading(segment.text()) ? segment.text() : heading;
                    heading = segment.text();
                    unitAbove = "";
                    continue;
                }
                String cleaned = SentenceCleaner.clean(segment.text());
                // A sentence continuing the previous one ("25%/môn/ khối lớp đối với cấp tiểu học; …") inherits
                // its subject as context.
                char first = segment.text().strip().charAt(0);
                String carried = Character.isLowerCase(first) || Character.isDigit(first) ? previous : "";
                previous = segment.text();
                if (Terms.rawTokens(cleaned).size() < 4 || BOILERPLATE.matcher(cleaned).find()
                        || UNFILLED.matcher(cleaned).find() || !seen.add(Terms.fold(cleaned))) {
                    continue;
                }
                String actor = actorHeading(heading, outer.isEmpty() ? unitAbove : outer);
                out.add(new Candidate(segment.text(), cleaned, i, j, QueryTerms.TextForms.of(cleaned),
                        QueryTerms.TextForms.of(outer + " \n " + heading + " \n " + carried), p.document().id(),
                        actor, actor.isEmpty() ? null : QueryTerms.TextForms.of(actor),
                        p.sectionPath().equals(DocumentCard.SECTION)));
            }
        }
        return out;
    }

    private static boolean saysActor(QueryTerms query, Candidate c) {
        return query.actor.stream().allMatch(t -> t.matches(c.forms()));
    }

    /** For each of the question's words: true when none of the retrieved passages (with titles, headings) has it. */
    private static boolean[] inNoPassage(QueryTerms query, List<QueryTerms.TextForms> contexts) {
        boolean[] out = new boolean[query.terms.size()];
        for (int t = 0; t < out.length; t++) {
            out[t] = contexts.stream().noneMatch(query.terms.get(t)::matches);
        }
        return out;
    }

    /** Inverse sentence frequency of each term; a term no sentence has weighs the most. */
    private static double[] weights(QueryTerms query, List<Candidate> candidates) {
        double n = candidates.size();
        double[] w = new double[query.terms.size()];
        for (int t = 0; t < w.length; t++) {
            QueryTerms.Term term = query.terms.get(t);
            int df = 0;
            for (Candidate c : candidates) {
                if (term.matches(c.forms())) {
                    df++;
                }
            }
            w[t] = Math.log(1 + (n + 1) / (df + 0.5)) * (term.numeric() ? 1.3 : 1.0);
        }
        return w;
    }

    private Scored score(QueryTerms query, double[] weights, Candidate c, QueryTerms.TextForms title,
                         QueryTerms.TextForms context, double absentWeight) {
        double total = 0;
        double inSentence = 0;
        double inHeadings = 0;
        double inTitle = 0;
        double inContext = 0;
        double newlyAsked = 0;
        Set<String> matched = new HashSet<>();
        for (int t = 0; t < weights.length; t++) {
            QueryTerms.Term term = query.terms.get(t);
            total += weights[t];
            // What a joined follow-up asks anew ranks the sentences; it weighs no more in their coverage.
            double asked = query.askedAnew.contains(term) ? w.askedWeight() * weights[t] : 0;
            if (term.matches(c.forms())) {
                inSentence += weights[t];
                newlyAsked += asked;
                matched.add(term.surface());
            } else if (term.matches(c.headings())) {
                inHeadings += weights[t];
                newlyAsked += w.headingWeight() * asked;
            } else if (term.matches(title)) {
                inTitle += weights[t];
            } else if (term.matches(context)) {
                inContext += weights[t];
            }
        }
        double pairs = 0;
        for (QueryTerms.Term pair : query.pairs) {
            if (pair.matches(c.forms())) {
                pairs += w.pairBonus();
            }
        }
        Set<String> numbers = numbers(c.cleaned());
        double numberBonus = 0;
        if (query.asksNumber && !answerFigures(query, c).isEmpty()) {
            numberBonus = w.numberBonus();
        }
        if (query.asksPercent && c.cleaned().contains("%")) {
            numberBonus += w.numberBonus();
        }
        if (query.asksSource && c.forms().folded().contains(" nguon ")) {
            numberBonus += w.numberBonus();
        }
        // What is asked for ("nguồn nào", "ngày nào") counts twice, and a figure right after it answers "ngày nào".
        double focusBonus = 0;
        for (QueryTerms.Term f : query.focus) {
            if (f.matches(c.forms())) {
                focusBonus += w.focusWeight() * weights[query.terms.indexOf(f)];
            }
        }
        boolean figureAsked = query.asksNumber && query.focusBeforeNumber(c.cleaned());
        if (figureAsked) {
            focusBonus += w.figureBonus();
        }
        if (query.kind.labels(c.forms().folded())) {
            numberBonus += w.kindLabel();
        }
        double rankPrior = w.rankPrior() / (1 + c.passage());
        int length = Terms.rawTokens(c.cleaned()).size();
        // Long sentences match by chance; one that states the very figure asked for is not penalised as much.
        double lengthPenalty = 1 + Math.max(0, length - w.freeLength()) / (w.lengthSlope() * (figureAsked ? 2 : 1));
        double score = (inSentence + w.headingWeight() * inHeadings + w.titleWeight() * inTitle
                + w.contextWeight() * inContext + newlyAsked + pairs
                + numberBonus + focusBonus + rankPrior)
                / lengthPenalty;
        score *= query.yearFit(c.forms(), c.headings(), context);
        boolean saysKind = saysAskedKind(query, c);
        if (!saysKind) {
            score *= w.kindMiss(); // "ở đâu" is not answered by a sentence naming no place
        }
        if (query.asksDuty && !statesDuty(query, c)) {
            score *= w.dutyMiss(); // "các trường phải làm gì": a task under a unit's name, not the plan's preamble
        }
        double coverage = total == 0 ? 0 : (inSentence + 0.9 * inHeadings + 0.8 * (inTitle + inContext)) / total;
        // A word none of the passages has is no sentence's fault: the gate's margins weigh its absence.
        double ownTotal = total - (1 - w.absentOwn()) * absentWeight;
        double ownCoverage = ownTotal <= 0 ? 0 : (inSentence + inHeadings + w.titleWeight() * inTitle) / ownTotal;
        return new Scored(c, score, coverage, ownCoverage, saysKind, matched, numbers);
    }

    private List<Scored> pick(List<Scored> scored, int limit, boolean askedNumber) {
        Scored best = scored.getFirst();
        List<Scored> picked = new ArrayList<>();
        picked.add(best);
        // Another document giving a different figure for the same thing is shown too, with its own citation.
        for (Scored s : scored) {
            if (picked.size() >= limit) {
                break;
            }
            if (s == best || s.score() < best.score() * 0.7) {
                continue;
            }
            if (askedNumber && s.score() >= best.score() * 0.8 && conflicts(best, s)) {
                picked.add(s);
            }
        }
        for (Scored s : scored) {
            if (picked.size() >= limit) {
                break;
            }
            double threshold = picked.size() == 1 ? w.nextSentence() : w.furtherSentence();
            if (s.score() < best.score() * threshold) {
                break;
            }
            if (!picked.contains(s) && s.coverage() >= w.minCoverage()) {
                picked.add(s);
            }
        }
        return picked;
    }

    /**
     * "Mô hình trường học số … làm trong giai đoạn nào?": a plan's table row is read cell by cell ("Kết quả thực hiện:
     * …;", "Thời gian thực hiện: Năm 2025 - 2030."), and the cell naming the topic is not the one stating the time.
     * When the best sentence is a cell and does not carry the label of the kind asked, the cell of its own row that
     * does ("Thời gian …", "Địa điểm …") answers beside it. A row's cells end with ";", all but its last.
     */
    private static Optional<Scored> rowCellOfKind(AnswerKind kind, Scored best, List<Scored> scored) {
        Candidate b = best.candidate();
        if (!kind.hasLabel() || kind.labels(b.forms().folded())) {
            return Optional.empty();
        }
        Map<Integer, Scored> row = new HashMap<>();
        for (Scored s : scored) {
            if (s.candidate().passage() == b.passage()) {
                row.put(s.candidate().position(), s);
            }
        }
        List<Scored> cells = new ArrayList<>();
        for (int p = b.position() - 1; row.containsKey(p) && endsCell(row.get(p)); p--) {
            cells.add(row.get(p));
        }
        for (int p = b.position(); row.containsKey(p) && endsCell(row.get(p)); p++) {
            if (row.containsKey(p + 1)) {
                cells.add(row.get(p + 1));
            }
        }
        return cells.stream().filter(c -> c.saysKind() && kind.labels(c.candidate().forms().folded())).findFirst();
    }

    private static boolean endsCell(Scored s) {
        return s.candidate().raw().strip().endsWith(";");
    }

    /** Two sentences of different documents about the same words that state different figures. */
    private static boolean conflicts(Scored a, Scored b) {
        if (a.candidate().documentId().equals(b.candidate().documentId()) || a.numbers().isEmpty()
                || b.numbers().isEmpty() || a.numbers().equals(b.numbers())) {
            return false;
        }
        Set<String> shared = new HashSet<>(a.matched());
        shared.retainAll(b.matched());
        int smaller = Math.min(a.matched().size(), b.matched().size());
        return smaller > 0 && shared.size() >= Math.max(2, Math.ceil(smaller * 0.7));
    }

    private Extract compose(List<Scored> picked, List<Candidate> candidates, List<Passage> passages,
                            double coverage, boolean askedNumber, boolean asksWho) {
        StringBuilder text = new StringBuilder();
        Set<String> documents = new HashSet<>();
        boolean conflict = false;
        for (int i = 0; i < picked.size(); i++) {
            Scored s = picked.get(i);
            String sentence = withActor(s.candidate(), withListItems(s.candidate(), candidates), asksWho);
            if (!text.isEmpty() && text.length() + sentence.length() > MAX_ANSWER_CHARS) {
                break;
            }
            if (i > 0 && askedNumber && conflicts(picked.getFirst(), s)) {
                conflict = true;
            }
            if (!text.isEmpty()) {
                text.append(' ');
            }
            if (documents.add(s.candidate().documentId())) {
                // Say whose document each sentence quotes: the first sentence of every document gets its label.
                text.append("Theo ").append(SourceLabel.of(passages.get(s.candidate().passage()).document()))
                        .append(": ");
            }
            text.append(sentence).append(" [").append(s.candidate().passage() + 1).append(']');
        }
        if (conflict && documents.size() > 1) {
            text.append(" Lưu ý: các văn bản nêu số liệu khác nhau, xin xem từng nguồn trích dẫn.");
        }
        return new Extract(text.toString(), passages, coverage);
    }

    /**
     * "Ai phụ trách …?", "Đơn vị nào làm …?": plans list each unit's tasks under the unit's name ("4. Trung tâm sự
     * nghiệp công"), so the task sentence alone does not say who. Its heading is put in front when the sentence does
     * not name it already.
     */
    private static String withActor(Candidate c, String sentence, boolean asksWho) {
        if (!asksWho || c.actor().isEmpty() || Terms.fold(sentence).contains(Terms.fold(c.actor()))) {
            return sentence;
        }
        return c.actor() + ": " + sentence;
    }

    /**
     * The heading above the sentence that names a unit or people ("Phòng Kinh tế …", "Tổ văn phòng", "Các trường"),
     * its own or, under a lettered item ("b) Chủ trì, …"), the one above that; "Phần mở đầu", "Điều 20. …" or "MỤC
     * TIÊU" name nobody: empty. Found once per sentence, when its candidate is made.
     */
    private static String actorHeading(String own, String outer) {
        for (String h : List.of(own, outer)) {
            String heading = LineGrammar.LEADING_MARKERS.matcher(h.strip()).replaceFirst("").strip()
                    .replaceAll("[.:;]+$", "");
            if (heading.length() <= 80 && ACTOR_HEADING.matcher(heading).lookingAt()) {
                return heading;
            }
        }
        return "";
    }

    /**
     * A sentence stating a task of the unit asked about: under a heading naming a unit or people ("2. Các trường Tiểu
     * học, …", "2. Giáo viên, nhân viên") that shares a word with the question.
     */
    private static boolean statesDuty(QueryTerms query, Candidate c) {
        return c.actorWords() != null && query.terms.stream().anyMatch(t -> t.matches(c.actorWords()));
    }

    /**
     * The sentence says something of the kind asked for ({@link AnswerKind#saidIn}); a time, though, is not said by a
     * sentence citing another text (its date is that text's) unless the question names a text, nor by a dateline
     * with its day left blank.
     */
    private static boolean saysAskedKind(QueryTerms query, Candidate c) {
        String folded = c.forms().folded();
        if (!query.kind.saidIn(folded, c.cleaned())) {
            return false;
        }
        if (!query.kind.isTime()) {
            return true;
        }
        if (query.namesDocument) {
            return !BLANK_DAY.matcher(folded).find();
        }
        // "… năm 2026 Căn cứ công văn số 972/GDTĐ ngày 24/12/2025 …": a heading run into a citation dates the text.
        String uncited = CITED_NUMBER_DATE.matcher(folded).replaceAll(" ");
        return !CITES_DOCUMENT.matcher(folded).lookingAt() && !BLANK_DAY.matcher(folded).find()
                && query.kind.saidIn(uncited, c.cleaned());
    }

    /** A text cited by its number and date ("công văn số 972/GDTĐ ngày 24/12/2025", folded and tokenised). */
    private static final java.util.regex.Pattern CITED_NUMBER_DATE = java.util.regex.Pattern.compile(
            "\\b(?:cong van|ke hoach|quyet dinh|thong tu|nghi quyet|chi thi|van ban|nghi dinh|huong dan|to trinh)"
                    + " (?:so )?\\d+(?: \\S+){0,4}? ngay \\d{1,2} (?:thang )?\\d{1,2}(?: (?:nam )?\\d{4})?");

    /**
     * "Căn cứ Công văn số 4977/SGDĐT-GDTrH ngày 13 tháng 8 năm 2024 …": a sentence citing another text, whose date is
     * that text's, not the time of anything the plan does (folded, padded).
     */
    private static final java.util.regex.Pattern CITES_DOCUMENT = java.util.regex.Pattern.compile(
            " (?:can cu|thuc hien|theo|trien khai) (?:\\S+ ){0,2}(?:cong van|ke hoach|quyet dinh|thong tu|nghi quyet"
                    + "|chi thi|van ban|luat|nghi dinh|chuong trinh hanh dong|huong dan)\\b");

    /** A dateline whose day was left blank ("Phú Nhuận, ngày   tháng 11 năm 2024"; folded): no date of anything. */
    private static final java.util.regex.Pattern BLANK_DAY = java.util.regex.Pattern.compile(" ngay thang \\d");

    private static final java.util.regex.Pattern LETTERED_ITEM = java.util.regex.Pattern.compile("\\p{Ll}[)/]\\s",
            java.util.regex.Pattern.UNICODE_CHARACTER_CLASS);

    private static final java.util.regex.Pattern ACTOR_HEADING = java.util.regex.Pattern.compile(
            "(?:Phòng|Ban|Tổ|Trung tâm|Trường|Ủy ban|Uỷ ban|UBND|Sở|Văn phòng|Bộ phận|Hội đồng|Công an|Đoàn|Hội|Các"
                    + "|Cán bộ|Giáo viên|Nhân viên|Hiệu trưởng|Phó|Đề nghị|Kính đề nghị|Cơ quan|Đơn vị|Khoa|Bộ môn)\\b",
            java.util.regex.Pattern.UNICODE_CHARACTER_CLASS);

    /** A sentence ending with ":" announces a list: bring its items along while they fit in {@code listChars}. */
    private String withListItems(Candidate c, List<Candidate> candidates) {
        if (!SentenceCleaner.introducesList(c.cleaned())) {
            return c.cleaned();
        }
        List<String> items = new ArrayList<>();
        int length = c.cleaned().length();
        for (Candidate other : candidates) {
            if (other.passage() == c.passage() && other.position() > c.position()) {
                String item = other.cleaned();
                if (!items.isEmpty() && length + item.length() > w.listChars()) {
                    break;
                }
                items.add(item.substring(0, item.length() - 1));
                length += item.length() + 2;
            }
        }
        if (items.isEmpty()) {
            return c.cleaned().substring(0, c.cleaned().length() - 1) + ".";
        }
        return c.cleaned() + " " + String.join("; ", items) + ".";
    }

    /** The figures of a sentence the question does not state itself: "năm 2026" asked about answers no count. */
    private static Set<String> answerFigures(QueryTerms query, Candidate c) {
        return figuresNotAsked(query, c.cleaned());
    }

    /**
     * Dates ("ngày 11/10", "07/1/2026"), document numbers ("số 61/SGDĐT"), years and the number ending a name
     * ("Trường mầm non Sơn Ca 10") count nothing; a fraction ("1/3 số tiết") does.
     */
    private static final java.util.regex.Pattern NOT_A_COUNT = java.util.regex.Pattern.compile(
            "(?U)\\bngày\\s+\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?|\\d{1,2}/\\d{1,2}/\\d{2,4}|\\d+/\\p{Lu}\\S*"
                    + "|\\b(?:19|20)\\d\\d\\b|(?<=\\b\\p{Lu}\\p{Ll}{0,6}\\s\\p{Lu}\\p{Ll}{0,6}\\s)\\d+\\b");

    /** The figures that may answer "bao nhiêu trường / học sinh …": {@link #answerFigures} less dates and codes. */
    private static Set<String> countFigures(QueryTerms query, Candidate c) {
        String text = NOT_A_COUNT.matcher(c.cleaned()).replaceAll(" ");
        // "Phường có tổng cộng bao nhiêu trường?" asks how many there are: "100% các trường …" is a target's share.
        // (Refusing a share for every count that names no share, target or rate cost the 9,758-question ViRHE4QA set
        // seven answers: regulations state thresholds as "50% thành viên", "trừ 25% điểm".)
        return figuresNotAsked(query, query.asksHowMany ? SHARE.matcher(text).replaceAll(" ") : text);
    }

    private static final java.util.regex.Pattern SHARE = java.util.regex.Pattern.compile("\\d+(?:[.,]\\d+)?\\s*%");

    private static Set<String> figuresNotAsked(QueryTerms query, String text) {
        Set<String> out = numbers(text);
        out.removeAll(query.numbers);
        return out;
    }

    private static Set<String> numbers(String text) {
        Set<String> out = new HashSet<>();
        for (String t : Terms.rawTokens(text)) {
            if (Terms.isNumeric(t)) {
                out.add(t);
            }
        }
        return out;
    }
}

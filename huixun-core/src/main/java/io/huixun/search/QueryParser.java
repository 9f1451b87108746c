package io.huixun.search;

import io.huixun.text.TextFold;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the search language into a {@link QueryNode} tree. Never throws: a query that cannot be run is a
 * {@link QueryProblem}, and small slips (an unclosed quote or bracket, a dangling {@code OR}) are repaired and
 * reported in {@link ParsedQuery#notes()}.
 *
 * <p>Design note. The grammar is deliberately small and forgiving, like a web search box:
 * <pre>
 *   query   := or+                      (top level: stray ')' skipped)
 *   or      := and ( ('OR' | '|' | '||') and )*
 *   and     := unary ( 'AND'? unary )*   (juxtaposition means AND)
 *   unary   := ('-' | 'NOT') unary | primary
 *   primary := '(' or ')' | '"' phrase '"' | name ':' value | word
 * </pre>
 * Full-width forms are folded first (（王毅） and ＂…＂ work), and the quotes “…”, 「…」 and 『…』 count as {@code "}.
 * Wildcards and regular expressions are not supported: {@code *}, {@code ?}, {@code /…/} are punctuation, and a word
 * made only of punctuation is dropped with a note. Only an ASCII-letter name before a colon is a field, so
 * {@code 比分3:2} stays text; an unknown field name is a problem, not silently text, so that a typo such as
 * {@code sourse:新华社} is noticed. Example: {@code 王毅 -美国 source:新华社 after:2024-05} →
 * {@code All[Text(王毅), Not(Text(美国)), FieldMatch(SOURCE, 新华社), DateBound(2024-05-01, onOrAfter)]}.
 *
 * <p>Stateless and thread-safe.
 */
public final class QueryParser {
    /** Longest query accepted, in UTF-16 chars. */
    public static final int MAX_LENGTH = 1_000;
    /** Most words, phrases and filters in one query. */
    public static final int MAX_CLAUSES = 64;
    /** Deepest nesting of parentheses and negations. */
    public static final int MAX_DEPTH = 16;

    private static final Pattern FIELD = Pattern.compile("([A-Za-z]+):(.*)", Pattern.DOTALL);
    private static final Pattern DAY = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})|(\\d{4})(\\d{2})(\\d{2})"
            + "|(\\d{4})年(\\d{1,2})月(\\d{1,2})[日号]?");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})[-/.](\\d{1,2})|(\\d{4})年(\\d{1,2})月");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})年?");

    private QueryParser() {}

    /** Parses {@code input}; see the class comment for the language. */
    public static ParseResult parse(String input) {
        if (input == null) {
            return new QueryProblem("no query given", "");
        }
        if (input.length() > MAX_LENGTH) {
            return new QueryProblem("query is " + input.length() + " characters long; the limit is " + MAX_LENGTH,
                    input.substring(0, 80) + "…");
        }
        try {
            Parser parser = new Parser(input, lex(foldSyntax(input)));
            QueryNode root = parser.parseQuery();
            if (root instanceof QueryNode.MatchAll && parser.dropped > 0) {
                return new QueryProblem("nothing searchable in '" + input.strip() + "': wildcards and regular"
                        + " expressions are not supported; type words or \"a phrase\"", input);
            }
            return new ParsedQuery(input, root, parser.notes);
        } catch (Refusal refusal) {
            return new QueryProblem(refusal.getMessage(), input);
        }
    }

    /** Folds width ({@link TextFold#width}) and the CJK quotation marks so the syntax characters are plain ASCII. */
    static String foldSyntax(String input) {
        StringBuilder out = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = TextFold.width(input.charAt(i));
            out.append("“”„‟「」『』".indexOf(c) >= 0 ? '"' : c);
        }
        return out.toString();
    }

    private enum Kind { WORD, QUOTED, LPAREN, RPAREN, MINUS, OR, AND, NOT }

    private record Token(Kind kind, String text, int start, int end, boolean closed) {}

    private static List<Token> lex(String s) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Kind.LPAREN, "(", i, ++i, true));
            } else if (c == ')') {
                tokens.add(new Token(Kind.RPAREN, ")", i, ++i, true));
            } else if (c == '"') {
                int close = s.indexOf('"', i + 1);
                int end = close < 0 ? n : close;
                tokens.add(new Token(Kind.QUOTED, s.substring(i + 1, end), i, close < 0 ? n : close + 1, close >= 0));
                i = close < 0 ? n : close + 1;
            } else if (c == '-' && i + 1 < n && !Character.isWhitespace(s.charAt(i + 1)) && s.charAt(i + 1) != '-'
                    && s.charAt(i + 1) != ')') {
                tokens.add(new Token(Kind.MINUS, "-", i, ++i, true));
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(s.charAt(i)) && "()\"".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                String word = s.substring(start, i);
                Kind kind = switch (word) {
                    case "OR", "|", "||" -> Kind.OR;
                    case "AND", "&&" -> Kind.AND;
                    case "NOT" -> Kind.NOT;
                    default -> Kind.WORD;
                };
                tokens.add(new Token(kind, word, start, i, true));
            }
        }
        return tokens;
    }

    /** A query that must be refused; becomes a {@link QueryProblem}. Never escapes {@link #parse}. */
    private static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Parser {
        final String input;
        final List<Token> tokens;
        final List<String> notes = new ArrayList<>();
        int at;
        int depth;
        int clauses;
        int dropped;

        Parser(String input, List<Token> tokens) {
            this.input = input;
            this.tokens = tokens;
        }

        Optional<Token> peek() {
            return at < tokens.size() ? Optional.of(tokens.get(at)) : Optional.empty();
        }

        boolean peekIs(Kind kind) {
            return peek().filter(t -> t.kind() == kind).isPresent();
        }

        QueryNode parseQuery() {
            List<QueryNode> parts = new ArrayList<>();
            while (at < tokens.size()) {
                if (peekIs(Kind.RPAREN)) {
                    notes.add("ignored an unmatched ')'");
                    at++;
                    continue;
                }
                if (peekIs(Kind.OR)) {
                    notes.add("ignored '" + tokens.get(at).text() + "' with nothing before it");
                    at++;
                    continue;
                }
                parseOr().ifPresent(parts::add);
            }
            return all(parts);
        }

        Optional<QueryNode> parseOr() {
            List<QueryNode> alternatives = new ArrayList<>();
            parseAnd().ifPresent(alternatives::add);
            while (peekIs(Kind.OR)) {
                Token or = tokens.get(at++);
                if (at >= tokens.size() || peekIs(Kind.RPAREN) || peekIs(Kind.OR)) {
                    notes.add("ignored '" + or.text() + "' with nothing after it");
                    continue;
                }
                parseAnd().ifPresent(alternatives::add);
            }
            if (alternatives.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(alternatives.size() == 1 ? alternatives.get(0) : new QueryNode.Any(alternatives));
        }

        Optional<QueryNode> parseAnd() {
            List<QueryNode> parts = new ArrayList<>();
            while (at < tokens.size() && !peekIs(Kind.RPAREN) && !peekIs(Kind.OR)) {
                if (peekIs(Kind.AND)) {
                    at++;
                    continue;
                }
                parseUnary().ifPresent(parts::add);
            }
            return parts.isEmpty() ? Optional.empty() : Optional.of(all(parts));
        }

        Optional<QueryNode> parseUnary() {
            if (peekIs(Kind.MINUS) || peekIs(Kind.NOT)) {
                Token not = tokens.get(at++);
                if (at >= tokens.size() || peekIs(Kind.RPAREN) || peekIs(Kind.OR) || peekIs(Kind.AND)) {
                    notes.add("ignored '" + not.text() + "' with nothing after it");
                    return Optional.empty();
                }
                enter();
                Optional<QueryNode> child = parseUnary();
                depth--;
                return child.map(c -> c instanceof QueryNode.Not(QueryNode inner) ? inner : new QueryNode.Not(c));
            }
            return parsePrimary();
        }

        Optional<QueryNode> parsePrimary() {
            Token token = tokens.get(at++);
            switch (token.kind()) {
                case LPAREN -> {
                    enter();
                    List<QueryNode> inside = new ArrayList<>();
                    while (at < tokens.size() && !peekIs(Kind.RPAREN)) {
                        if (peekIs(Kind.OR)) {
                            notes.add("ignored '" + tokens.get(at).text() + "' with nothing before it");
                            at++;
                            continue;
                        }
                        parseOr().ifPresent(inside::add);
                    }
                    if (peekIs(Kind.RPAREN)) {
                        at++;
                    } else {
                        notes.add("added the missing ')' at the end");
                    }
                    depth--;
                    return inside.isEmpty() ? Optional.empty() : Optional.of(all(inside));
                }
                case QUOTED -> {
                    if (!token.closed()) {
                        notes.add("unbalanced quote: took the rest of the query as one phrase");
                    }
                    return text(token.text(), true);
                }
                case WORD -> {
                    return word(token);
                }
                default -> {
                    // AND/OR/NOT/')' reaching here were handled by callers; keep going without them.
                    return Optional.empty();
                }
            }
        }

        Optional<QueryNode> word(Token token) {
            Matcher m = FIELD.matcher(token.text());
            if (!m.matches() || isUrlScheme(m.group(1))) {
                return text(token.text(), false);
            }
            String name = m.group(1);
            String value = m.group(2);
            if (value.isEmpty() && peekIs(Kind.QUOTED) && tokens.get(at).start() == token.end()) {
                value = tokens.get(at++).text();
            }
            value = value.strip();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("after") || lower.equals("before")) {
                if (value.isEmpty()) {
                    throw new Refusal("'" + lower + ":' needs a date, e.g. " + lower + ":2024-05-01");
                }
                count();
                boolean after = lower.equals("after");
                return Optional.of(new QueryNode.DateBound(parseDay(lower, value), after));
            }
            Optional<QueryField> field = QueryField.fromPrefix(name);
            if (field.isEmpty()) {
                throw new Refusal("unknown field '" + name + ":' in '" + token.text() + "'; known fields: "
                        + QueryField.knownNames() + " (put text with a colon in quotes to search for it)");
            }
            if (value.isEmpty()) {
                throw new Refusal("'" + field.get().prefix() + ":' needs a value, e.g. " + field.get().prefix()
                        + ":" + example(field.get()));
            }
            count();
            return Optional.of(new QueryNode.FieldMatch(field.get(), value));
        }

        Optional<QueryNode> text(String text, boolean quoted) {
            if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
                if (!text.isBlank()) {
                    dropped++;
                    notes.add("ignored '" + text + "': nothing searchable in it (wildcards and regular expressions"
                            + " are not supported)");
                }
                return Optional.empty();
            }
            count();
            return Optional.of(new QueryNode.Text(text.strip(), quoted));
        }

        void count() {
            if (++clauses > MAX_CLAUSES) {
                throw new Refusal("query has more than " + MAX_CLAUSES + " words, phrases and filters");
            }
        }

        void enter() {
            if (++depth > MAX_DEPTH) {
                throw new Refusal("query nests brackets or negations more than " + MAX_DEPTH + " deep");
            }
        }
    }

    private static boolean isUrlScheme(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("http") || lower.equals("https") || lower.equals("ftp") || lower.equals("mailto");
    }

    private static String example(QueryField field) {
        return switch (field) {
            case SOURCE -> "新华社";
            case PERSON -> "王毅";
            case PLACE -> "北京";
            case ORGANISATION -> "外交部";
            case STORY -> "s123";
            case KEYWORD -> "一带一路";
        };
    }

    private static QueryNode all(List<QueryNode> parts) {
        if (parts.isEmpty()) {
            return new QueryNode.MatchAll();
        }
        return parts.size() == 1 ? parts.get(0) : new QueryNode.All(parts);
    }

    /** {@code 2024-05-01}, {@code 2024/5/1}, {@code 20240501}, {@code 2024年5月1日}, {@code 2024-05}, {@code 2024}. */
    static LocalDate parseDay(String name, String value) {
        try {
            Matcher d = DAY.matcher(value);
            if (d.matches()) {
                int g = d.group(1) != null ? 1 : d.group(4) != null ? 4 : 7;
                return LocalDate.of(Integer.parseInt(d.group(g)), Integer.parseInt(d.group(g + 1)),
                        Integer.parseInt(d.group(g + 2)));
            }
            Matcher m = MONTH.matcher(value);
            if (m.matches()) {
                int g = m.group(1) != null ? 1 : 3;
                return LocalDate.of(Integer.parseInt(m.group(g)), Integer.parseInt(m.group(g + 1)), 1);
            }
            Matcher y = YEAR.matcher(value);
            if (y.matches()) {
                return LocalDate.of(Integer.parseInt(y.group(1)), 1, 1);
            }
        } catch (DateTimeException e) {
            throw new Refusal("'" + name + ":" + value + "' is not a real date (" + e.getMessage() + ")");
        }
        throw new Refusal("'" + name + ":' expects a date like 2024-05-01, 2024-05 or 2024, got '" + value + "'");
    }
}

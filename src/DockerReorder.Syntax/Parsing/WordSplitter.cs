using System.Text;

namespace DockerReorder.Syntax.Parsing;

/// <summary>BuildKit's word splitters (<c>parseWords</c> and the <c>[\t\v\f\r ]+</c> split), keeping where each word is.</summary>
internal static class WordSplitter
{
    /// <summary>
    /// BuildKit's <c>parseWords</c> over <c>s[start..end)</c>: split on white space outside quotes; quotes and
    /// escape characters stay in the words; an escape character at the very end is dropped.
    /// </summary>
    public static void ParseWords(string s, int start, int end, char escape, List<ArgumentPiece> output) =>
        ParseWords(s, start, end, escape, output, new StringBuilder());

    /// <summary><see cref="ParseWords(string, int, int, char, List{ArgumentPiece})"/> with a reusable buffer.</summary>
    public static void ParseWords(string s, int start, int end, char escape, List<ArgumentPiece> output, StringBuilder word) =>
        ParseWords(s, start, end, escape, output, word, deferVerbatim: false);

    /// <summary>
    /// <see cref="ParseWords(string, int, int, char, List{ArgumentPiece}, StringBuilder)"/>; with
    /// <paramref name="deferVerbatim"/>, a word whose value is its text is reported as <see cref="ArgumentPiece.IsVerbatim"/>
    /// without making its string (shell-form words are only ever token values, read rarely).
    /// </summary>
    public static void ParseWords(string s, int start, int end, char escape, List<ArgumentPiece> output, StringBuilder word, bool deferVerbatim) =>
        ParseWords(s, start, end, escape, output, word, deferVerbatim, int.MaxValue);

    /// <summary>
    /// <see cref="ParseWords(string, int, int, char, List{ArgumentPiece}, StringBuilder, bool)"/> stopping after
    /// <paramref name="maxWords"/> words (the parse only needs where the first shell word starts; the rest is read again on demand).
    /// </summary>
    public static void ParseWords(string s, int start, int end, char escape, List<ArgumentPiece> output, StringBuilder word, bool deferVerbatim, int maxWords)
    {
        word.Clear();
        int stopAt = maxWords == int.MaxValue ? int.MaxValue : output.Count + maxWords;
        // While deferring, nothing is copied: the word so far is s[wordStart..pos). Copying starts when the value and the
        // text part ways (a dropped final escape or a replaced byte).
        bool copying = !deferVerbatim;
        bool nonEmpty = false;
        const int inSpaces = 0, inWord = 1, inQuote = 2;
        int phase = inSpaces;
        char quote = '\0';
        bool blankOK = false;
        int wordStart = start;
        int pos = start;
        while (true)
        {
            bool atEnd = pos >= end;
            char ch = atEnd ? '\0' : s[pos];
            int w = atEnd ? 0 : Width(s, pos, end);
            if (phase == inSpaces)
            {
                if (atEnd) break;
                if (GoText.IsSpace(ch)) { pos += w; continue; }
                phase = inWord;
                wordStart = pos;
            }
            if (atEnd)
            {
                if (blankOK || nonEmpty) output.Add(Piece(wordStart, end, word, verbatim: !copying));
                break;
            }
            if (phase == inWord)
            {
                if (GoText.IsSpace(ch))
                {
                    phase = inSpaces;
                    if (blankOK || nonEmpty) output.Add(Piece(wordStart, pos, word, verbatim: !copying));
                    if (output.Count >= stopAt) return;
                    word.Clear();
                    blankOK = false;
                    copying = !deferVerbatim;
                    nonEmpty = false;
                    pos += w;
                    continue;
                }
                if (ch == '\'' || ch == '"')
                {
                    quote = ch;
                    blankOK = true;
                    phase = inQuote;
                }
                if (ch == escape)
                {
                    if (pos + w == end) { Diverge(pos); pos += w; continue; } // an escape at the very end is dropped
                    AppendRune(pos, w);
                    pos += w;
                    w = Width(s, pos, end);
                }
                AppendRune(pos, w);
                pos += w;
                continue;
            }
            // In a quote.
            if (ch == quote) phase = inWord;
            if (ch == escape && quote != '\'')
            {
                if (pos + w == end) { Diverge(pos); phase = inWord; pos += w; continue; }
                AppendRune(pos, w);
                pos += w;
                w = Width(s, pos, end);
            }
            AppendRune(pos, w);
            pos += w;
        }

        // The value stops being the text at p: copy the text so far once, then copy every rune.
        void Diverge(int p)
        {
            if (!copying) word.Append(s, wordStart, p - wordStart);
            copying = true;
        }

        // One Go rune; an escaped invalid byte decodes to U+FFFD in Go.
        void AppendRune(int p, int width)
        {
            nonEmpty = true;
            if (width == 1 && GoText.IsEscapedByte(s, p))
            {
                Diverge(p);
                word.Append('\uFFFD');
            }
            else if (copying) word.Append(s, p, width);
        }
    }

    private static ArgumentPiece Piece(int start, int end, StringBuilder word, bool verbatim) =>
        verbatim ? new ArgumentPiece(start, end, string.Empty, IsVerbatim: true) : new ArgumentPiece(start, end, word.ToString());

    /// <summary>Go's <c>regexp.Split(rest, -1)</c> on <c>[\t\v\f\r ]+</c> for a non-empty, trimmed <c>s[start..end)</c>.</summary>
    public static void SplitOnWhitespace(string s, int start, int end, List<ArgumentPiece> output)
    {
        int p = start;
        while (true)
        {
            int wordStart = p;
            while (p < end && !GoText.IsTokenWhitespace(s[p])) p++;
            output.Add(new ArgumentPiece(wordStart, p, s.Substring(wordStart, p - wordStart)));
            if (p >= end) break;
            while (p < end && GoText.IsTokenWhitespace(s[p])) p++;
            if (p >= end) { output.Add(new ArgumentPiece(p, p, string.Empty)); break; }
        }
    }

    // One Go rune: a surrogate pair is one rune; an escaped invalid byte decodes to U+FFFD in Go.
    private static int Width(string s, int pos, int end) =>
        pos + 1 < end && char.IsHighSurrogate(s[pos]) && char.IsLowSurrogate(s[pos + 1]) ? 2 : 1;
}

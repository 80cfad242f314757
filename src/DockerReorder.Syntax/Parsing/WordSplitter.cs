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
    public static void ParseWords(string s, int start, int end, char escape, List<ArgumentPiece> output, StringBuilder word)
    {
        word.Clear();
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
                if (blankOK || word.Length > 0) output.Add(new ArgumentPiece(wordStart, end, word.ToString()));
                break;
            }
            if (phase == inWord)
            {
                if (GoText.IsSpace(ch))
                {
                    phase = inSpaces;
                    if (blankOK || word.Length > 0) output.Add(new ArgumentPiece(wordStart, pos, word.ToString()));
                    word.Clear();
                    blankOK = false;
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
                    if (pos + w == end) { pos += w; continue; } // an escape at the very end is dropped
                    AppendRune(word, s, pos, w);
                    pos += w;
                    w = Width(s, pos, end);
                }
                AppendRune(word, s, pos, w);
                pos += w;
                continue;
            }
            // In a quote.
            if (ch == quote) phase = inWord;
            if (ch == escape && quote != '\'')
            {
                if (pos + w == end) { phase = inWord; pos += w; continue; }
                AppendRune(word, s, pos, w);
                pos += w;
                w = Width(s, pos, end);
            }
            AppendRune(word, s, pos, w);
            pos += w;
        }
    }

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

    private static void AppendRune(StringBuilder sb, string s, int pos, int w)
    {
        if (w == 1 && GoText.IsEscapedByte(s, pos)) sb.Append('\uFFFD');
        else sb.Append(s, pos, w);
    }
}

namespace DockerReorder.Syntax.Parsing;

/// <summary>
/// Cuts text that belongs to no token into trivia: line breaks, white space, comment lines (with their
/// indentation), line continuations, and anything else as skipped text.
/// </summary>
internal sealed class TriviaScanner
{
    private readonly string _text;
    private readonly List<SyntaxTrivia> _scratch = [];

    public TriviaScanner(string text) => _text = text;

    /// <summary>The escape character in effect.</summary>
    public char Escape { get; set; } = '\\';

    /// <summary>Classifies <c>text[start..end)</c>.</summary>
    public SyntaxTrivia[] Scan(int start, int end)
    {
        if (end <= start) return [];
        var first = Next(start, end);
        if (first.Span.End >= end) return [first];
        var list = _scratch;
        list.Clear();
        list.Add(first);
        for (int p = first.Span.End; p < end;)
        {
            var t = Next(p, end);
            list.Add(t);
            p = t.Span.End;
        }
        return list.ToArray();
    }

    /// <summary>Makes one trivia of a known kind.</summary>
    public SyntaxTrivia Make(TriviaKind kind, int start, int end) => new(kind, TextSpan.FromBounds(start, end), Slice(start, end));

    private SyntaxTrivia Next(int p, int end)
    {
        string s = _text;
        char c = s[p];
        if (c == '\n') return Make(TriviaKind.EndOfLine, p, p + 1);
        if (c == '\r' && p + 1 < end && s[p + 1] == '\n') return Make(TriviaKind.EndOfLine, p, p + 2);
        if ((p == 0 || s[p - 1] == '\n') && IsCommentLine(p, end, out int commentEnd))
            return Make(TriviaKind.Comment, p, commentEnd);
        if (c == Escape && IsContinuation(p, end, out int contEnd))
            return Make(TriviaKind.LineContinuation, p, contEnd);
        if (GoText.IsSpace(c))
        {
            int q = p;
            while (q < end && s[q] != '\n' && GoText.IsSpace(s[q]) && !(s[q] == '\r' && q + 1 < end && s[q + 1] == '\n')) q++;
            return Make(TriviaKind.Whitespace, p, q);
        }
        int r = p + 1;
        while (r < end && !GoText.IsSpace(s[r]) && s[r] != Escape) r++;
        return Make(TriviaKind.Skipped, p, r);
    }

    // A line whose first non-blank character is '#': the comment runs to the line break.
    private bool IsCommentLine(int p, int end, out int commentEnd)
    {
        string s = _text;
        commentEnd = p;
        int q = p;
        while (q < end && s[q] != '\n' && GoText.IsSpace(s[q])) q++;
        if (q >= end || s[q] != '#') return false;
        int nl = s.IndexOf('\n', q, end - q);
        int e = nl < 0 ? end : nl;
        if (nl >= 0 && e > q && s[e - 1] == '\r') e--;
        commentEnd = e;
        return true;
    }

    // The escape character followed by blanks up to the end of the line (CRs before the line feed are trimmed by BuildKit).
    private bool IsContinuation(int p, int end, out int contEnd)
    {
        string s = _text;
        int q = p + 1;
        while (q < end && (s[q] == ' ' || s[q] == '\t')) q++;
        contEnd = q;
        int r = q;
        while (r < s.Length && s[r] == '\r') r++;
        return r >= s.Length || s[r] == '\n';
    }

    private string Slice(int start, int end)
    {
        int len = end - start;
        if (len == 1)
        {
            switch (_text[start])
            {
                case ' ': return " ";
                case '\n': return "\n";
                case '\t': return "\t";
                case '\\': return "\\";
            }
        }
        else if (len == 2 && _text[start] == '\r' && _text[start + 1] == '\n') return "\r\n";
        return _text.Substring(start, len);
    }
}

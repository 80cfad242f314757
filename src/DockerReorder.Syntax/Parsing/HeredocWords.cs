namespace DockerReorder.Syntax.Parsing;

/// <summary>A heredoc found on an instruction line, before its body is read (BuildKit's <c>Heredoc</c> without <c>Content</c>).</summary>
internal readonly record struct HeredocHeader(string Name, bool Expand, bool Chomp, int FileDescriptor);

/// <summary>BuildKit's heredoc word rules: <c>ParseHeredoc</c>, <c>heredocsFromLine</c> and <c>ChompHeredocContent</c>.</summary>
internal static class HeredocWords
{
    /// <summary>
    /// BuildKit's <c>ParseHeredoc</c>: a word matching <c>^(\d*)&lt;&lt;(-?)\s*([^&lt;]*)$</c> whose rest lexes to exactly
    /// one word. Returns false with <paramref name="error"/> set when BuildKit fails; true with a null header when the
    /// word is no heredoc.
    /// </summary>
    public static bool TryParse(string word, out HeredocHeader? heredoc, out string? error)
    {
        heredoc = null;
        error = null;
        int i = 0;
        while (i < word.Length && char.IsAsciiDigit(word[i])) i++;
        if (i + 1 >= word.Length || word[i] != '<' || word[i + 1] != '<') return true;
        int fdEnd = i;
        int j = i + 2;
        bool chomp = j < word.Length && word[j] == '-';
        if (chomp) j++;
        while (j < word.Length && GoText.IsRegexSpace(word[j])) j++;
        if (word.IndexOf('<', j) >= 0) return true;
        string rest = word.Substring(j);
        if (rest.Length == 0) return true;
        var lexer = new ShellWordLexer();
        var words = lexer.ProcessWords(rest, rawQuotes: false, rawEscapes: false);
        if (words is null) { error = lexer.Error; return false; }
        if (words.Count != 1) return true;
        var rawWords = lexer.ProcessWords(rest, rawQuotes: true, rawEscapes: false);
        if (rawWords is null) { error = lexer.Error; return false; }
        if (rawWords.Count != words.Count)
        {
            error = $"internal lexing of heredoc produced inconsistent results: {rest}";
            return false;
        }
        bool expand = CountQuotes(words[0]) == CountQuotes(rawWords[0]);
        int fd = 0;
        for (int k = 0; k < fdEnd; k++) fd = fd > (int.MaxValue - 9) / 10 ? int.MaxValue : fd * 10 + (word[k] - '0');
        heredoc = new HeredocHeader(words[0], expand, chomp, fd);
        return true;
    }

    /// <summary>BuildKit's <c>heredocsFromLine</c>: the heredocs named on a whole instruction line, in order.</summary>
    public static bool TryFromLine(string line, List<HeredocHeader> output, out string? error)
    {
        error = null;
        var words = new ShellWordLexer().ProcessWords(line, rawQuotes: true, rawEscapes: true);
        if (words is null) return true; // BuildKit ignores lexing errors here: no heredocs
        foreach (var word in words)
        {
            if (!TryParse(word, out var heredoc, out error)) return false;
            if (heredoc is { } h) output.Add(h);
        }
        return true;
    }

    /// <summary>BuildKit's <c>ChompHeredocContent</c>: removes leading tabs from every line.</summary>
    public static string Chomp(string content)
    {
        var sb = new System.Text.StringBuilder(content.Length);
        bool lineStart = true;
        foreach (char c in content)
        {
            if (lineStart && c == '\t') continue;
            lineStart = c == '\n';
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static int CountQuotes(string s)
    {
        int n = 0;
        foreach (char c in s) if (c == '\'' || c == '"') n++;
        return n;
    }
}

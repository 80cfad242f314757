using System.Text;

namespace DockerReorder.Syntax.Parsing;

/// <summary>
/// BuildKit's <c>newNodeFromLine</c>: <c>splitCommand</c> (keyword, <c>extractBuilderFlags</c>, arguments) and the
/// per-instruction line parsers of <c>line_parsers.go</c>, over a logical line, keeping positions.
/// </summary>
internal static class CommandParser
{
    private const string NotStringArray = "when using JSON array syntax, arrays must be comprised of strings only";

    /// <summary>
    /// Parses <c>line[start..end)</c> with the file's escape character. The result is reused by the next call on this
    /// <paramref name="scratch"/>: read it before parsing another line.
    /// </summary>
    public static CommandParse Parse(string line, int start, int end, char escape, ParseScratch scratch) => Parse(line, start, end, escape, 0, scratch);

    private static CommandParse Parse(string line, int start, int end, char escape, int depth, ParseScratch scratch)
    {
        var pool = scratch.Parses;
        while (pool.Count <= depth) pool.Add(new CommandParse());
        var result = pool[depth];
        result.Reset();
        // A top-level line's shell words are token material only, made again on demand; an ONBUILD child's tokens are made now.
        result.ShellWordLimit = depth == 0 && !scratch.TokensOnly ? 1 : int.MaxValue;
        int a = GoText.TrimStart(line, start, end);
        int b = GoText.TrimEnd(line, a, end);
        int keywordEnd = a;
        while (keywordEnd < b && !GoText.IsTokenWhitespace(line[keywordEnd])) keywordEnd++;
        result.Kind = InstructionKeywords.Recognize(line, a, keywordEnd, out var lower, out var keyword);
        result.Keyword = new ArgumentPiece(a, keywordEnd, keyword, SyntaxTokenKind.Keyword);
        result.Command = lower;
        result.ErrorPosition = a;
        int argsStart = b;
        if (keywordEnd < b)
        {
            int r = keywordEnd;
            while (r < b && GoText.IsTokenWhitespace(line[r])) r++;
            argsStart = ExtractBuilderFlags(line, r, b, result, scratch.FlagWord);
        }
        argsStart = GoText.TrimStart(line, argsStart, b);
        result.ArgsStart = argsStart;
        result.ArgsEnd = b;
        result.Line = line;
        Dispatch(line, argsStart, b, escape, result, depth, scratch);
        return result;
    }

    private static void Dispatch(string line, int a, int b, char escape, CommandParse r, int depth, ParseScratch scratch)
    {
        // The file's parse of a top-level line makes no argument value: it reads what decides the diagnostics and where the first
        // argument token starts (the node reads the line again for its arguments on first access).
        bool defer = depth == 0 && scratch.DeferArguments;
        switch (r.Kind)
        {
            case InstructionKind.From:
            case InstructionKind.Expose:
                if (a < b) AddWhitespaceWords(line, a, b, r, defer);
                break;
            case InstructionKind.Add:
            case InstructionKind.Copy:
            case InstructionKind.Volume:
                if (TryJson(line, a, b, r, scratch, defer)) break;
                if (r.Error is not null) WordSplitter.ParseWords(line, a, b, escape, r.Pieces, scratch.Word, deferVerbatim: true, r.ShellWordLimit);
                else if (a < b) AddWhitespaceWords(line, a, b, r, defer);
                break;
            case InstructionKind.Run:
            case InstructionKind.Cmd:
            case InstructionKind.Entrypoint:
            case InstructionKind.Shell:
                MaybeJson(line, a, b, escape, r, scratch, deferArgument: depth == 0, defer);
                break;
            case InstructionKind.Arg:
                if (defer)
                {
                    // No ARG line has an error: only the first word's start is wanted.
                    WordSplitter.ParseWords(line, a, b, escape, r.Pieces, scratch.Word, deferVerbatim: true, maxWords: 1);
                    r.ArgumentsDeferred = r.Pieces.Count > 0;
                    break;
                }
                WordSplitter.ParseWords(line, a, b, escape, r.Pieces, scratch.Word);
                foreach (var w in r.Pieces) r.Arguments.Add(w.Value);
                break;
            case InstructionKind.Env:
            case InstructionKind.Label:
                NameValue(line, a, b, escape, r.Kind == InstructionKind.Env ? "ENV" : "LABEL", r, scratch, defer);
                break;
            case InstructionKind.Healthcheck:
                Healthcheck(line, a, b, escape, r, scratch, defer);
                break;
            case InstructionKind.Maintainer:
            case InstructionKind.StopSignal:
            case InstructionKind.User:
            case InstructionKind.Workdir:
                if (a >= b) break;
                if (depth == 0 && !scratch.TokensOnly)
                {
                    // The one argument is the arguments text: not made here (the node reads it again when asked); the piece only locates it.
                    r.ArgumentIsArgsText = true;
                    r.Pieces.Add(new ArgumentPiece(a, b, string.Empty, IsVerbatim: true));
                    break;
                }
                string rest = r.ArgsText;
                r.Arguments.Add(rest);
                r.Pieces.Add(new ArgumentPiece(a, b, rest));
                break;
            case InstructionKind.Onbuild:
                if (a < b)
                {
                    var child = Parse(line, a, b, escape, depth + 1, scratch);
                    r.Child = child;
                    if (child.Error is not null)
                    {
                        r.Error = child.Error;
                        r.ErrorPosition = child.ErrorPosition;
                    }
                }
                break;
            default:
                // BuildKit's parseIgnore: an empty node, dumped as "".
                r.Arguments.Add(string.Empty);
                WordSplitter.ParseWords(line, a, b, escape, r.Pieces, scratch.Word, deferVerbatim: true, r.ShellWordLimit);
                break;
        }
    }

    // With defer, only the first word's start is kept (the split of a non-empty trimmed text has no error).
    private static void AddWhitespaceWords(string line, int a, int b, CommandParse r, bool defer)
    {
        if (defer)
        {
            r.Pieces.Add(new ArgumentPiece(a, a, string.Empty, IsVerbatim: true));
            r.ArgumentsDeferred = true;
            return;
        }
        WordSplitter.SplitOnWhitespace(line, a, b, r.Pieces);
        foreach (var w in r.Pieces) r.Arguments.Add(w.Value);
    }

    // parseJSON: true when the text is a JSON array of strings (exec form); sets the error for non-string elements.
    // With defer, the elements' values are not made (the array is still read whole: whether it is one decides the form and the error).
    private static bool TryJson(string line, int a, int b, CommandParse r, ParseScratch scratch, bool defer)
    {
        var elements = r.JsonElements;
        elements.Clear();
        var status = JsonArrayReader.Read(line, a, b, elements, out int arrayStart, out int arrayEnd, scratch, makeValues: !defer);
        if (status == JsonArrayStatus.NotStringArray)
        {
            elements.Clear();
            r.Error = NotStringArray;
            r.ErrorPosition = arrayStart;
            return false;
        }
        if (status != JsonArrayStatus.Strings)
        {
            elements.Clear();
            return false;
        }
        r.IsJson = true;
        if (defer) r.ArgumentsDeferred = elements.Count > 0;
        else foreach (var e in elements) r.Arguments.Add(e.Value);
        // The array's token value is its text: left unmade until a token is asked for.
        r.Pieces.Add(new ArgumentPiece(arrayStart, arrayEnd, string.Empty, SyntaxTokenKind.JsonArray, IsVerbatim: true));
        return true;
    }

    // parseMaybeJSON: exec form, or the whole text as one argument (tokens per shell word).
    // With deferArgument (a top-level line), the shell-form argument, being the arguments text, is not made (see CommandParse.ArgumentIsArgsText).
    // With defer (the file's parse of a top-level line), no argument value is made.
    private static void MaybeJson(string line, int a, int b, char escape, CommandParse r, ParseScratch scratch, bool deferArgument, bool defer)
    {
        if (a >= b) return;
        if (TryJson(line, a, b, r, scratch, defer) || r.Error is not null)
        {
            if (r.Error is not null) WordSplitter.ParseWords(line, a, b, escape, r.Pieces, scratch.Word, deferVerbatim: true, r.ShellWordLimit);
            return;
        }
        bool wholeArgs = a == r.ArgsStart && b == r.ArgsEnd;
        if (!scratch.TokensOnly)
        {
            if (deferArgument && wholeArgs) r.ArgumentIsArgsText = true;
            else if (defer) r.ArgumentsDeferred = true;
            else r.Arguments.Add(wholeArgs ? r.ArgsText : line.Substring(a, b - a));
        }
        WordSplitter.ParseWords(line, a, b, escape, r.Pieces, scratch.Word, deferVerbatim: true, r.ShellWordLimit);
    }

    // parseNameVal: KEY name value (legacy) or KEY name=value ...
    // With defer, the words are read for the error only: no name or value is made.
    private static void NameValue(string line, int a, int b, char escape, string key, CommandParse r, ParseScratch scratch, bool defer)
    {
        var words = scratch.NameValueWords;
        words.Clear();
        // Words are not copied: only their name and value parts become strings.
        WordSplitter.ParseWords(line, a, b, escape, words, scratch.Word, deferVerbatim: true);
        if (words.Count == 0) return;
        if (!ValueOf(line, words[0]).Contains('='))
        {
            int p = a;
            while (p < b && !GoText.IsTokenWhitespace(line[p])) p++;
            int nameEnd = p;
            while (p < b && GoText.IsTokenWhitespace(line[p])) p++;
            if (nameEnd >= b)
            {
                r.Error = key + " must have two arguments";
                r.Pieces.AddRange(words);
                return;
            }
            if (defer)
            {
                r.Pieces.Add(new ArgumentPiece(a, nameEnd, string.Empty, IsVerbatim: true));
                r.ArgumentsDeferred = true;
                return;
            }
            string name = line.Substring(a, nameEnd - a);
            string value = line.Substring(p, b - p);
            r.Arguments.Add(name);
            r.Arguments.Add(value);
            r.Arguments.Add(string.Empty);
            r.Pieces.Add(new ArgumentPiece(a, nameEnd, name));
            r.Pieces.Add(new ArgumentPiece(p, b, value));
            return;
        }
        r.Pieces.AddRange(words);
        foreach (var w in words)
        {
            var value = ValueOf(line, w);
            int eq = value.IndexOf('=');
            if (eq < 0)
            {
                r.Error = $"Syntax error - can't find = in {GoQuote.Quote(value.ToString())}. Must be of the form: name=value";
                r.ErrorPosition = w.Start;
                r.Arguments.Clear();
                return;
            }
            if (defer) continue;
            r.Arguments.Add(value[..eq].ToString());
            r.Arguments.Add(value[(eq + 1)..].ToString());
            r.Arguments.Add("=");
        }
        r.ArgumentsDeferred = defer;
    }

    // A word's value: its text when it was left unmade (see WordSplitter's deferVerbatim).
    private static ReadOnlySpan<char> ValueOf(string line, ArgumentPiece word) =>
        word.IsVerbatim ? line.AsSpan(word.Start, word.End - word.Start) : word.Value;

    // parseHealthConfig: the type word (CMD, NONE, ...) then parseMaybeJSON of the rest.
    // With defer, neither the type word nor the command is made.
    private static void Healthcheck(string line, int a, int b, char escape, CommandParse r, ParseScratch scratch, bool defer)
    {
        int sep = a;
        while (sep < b && !GoText.IsSpace(line[sep])) sep++;
        int next = sep;
        while (next < b && GoText.IsSpace(line[next])) next++;
        if (sep == a) return;
        if (defer) r.Pieces.Add(new ArgumentPiece(a, sep, string.Empty, IsVerbatim: true));
        else
        {
            string type = line.Substring(a, sep - a);
            r.Arguments.Add(type);
            r.Pieces.Add(new ArgumentPiece(a, sep, type));
        }
        MaybeJson(line, next, b, escape, r, scratch, deferArgument: false, defer);
        if (r.Error is not null) r.Arguments.Clear();
        r.ArgumentsDeferred = defer && r.Error is null;
    }

    /// <summary>
    /// BuildKit's <c>extractBuilderFlags</c> over <c>line[start..end)</c>: leading words starting with <c>--</c> (quotes and
    /// <c>\</c> escapes processed; a bare <c>--</c> ends them). Returns where the arguments start.
    /// </summary>
    public static int ExtractBuilderFlags(string line, int start, int end, CommandParse r, StringBuilder word)
    {
        const int inSpaces = 0, inWord = 1, inQuote = 2;
        word.Clear();
        int phase = inSpaces;
        char quote = '\0';
        bool blankOK = false;
        int wordStart = start;
        for (int pos = start; pos <= end; pos++)
        {
            char ch = pos != end ? line[pos] : '\0';
            if (phase == inSpaces)
            {
                if (pos == end) break;
                if (GoText.IsSpace(ch)) continue;
                if (ch != '-' || pos + 1 == end || line[pos + 1] != '-') return pos;
                phase = inWord;
                wordStart = pos;
            }
            if (pos == end)
            {
                if (IsTerminator(word)) r.FlagTerminator = new ArgumentPiece(wordStart, end, "--", SyntaxTokenKind.Flag);
                else if (blankOK || word.Length > 0) r.Flags.Add(new ArgumentPiece(wordStart, end, word.ToString(), SyntaxTokenKind.Flag));
                break;
            }
            if (phase == inWord)
            {
                if (GoText.IsSpace(ch))
                {
                    phase = inSpaces;
                    if (IsTerminator(word))
                    {
                        r.FlagTerminator = new ArgumentPiece(wordStart, pos, "--", SyntaxTokenKind.Flag);
                        return pos;
                    }
                    if (blankOK || word.Length > 0) r.Flags.Add(new ArgumentPiece(wordStart, pos, word.ToString(), SyntaxTokenKind.Flag));
                    word.Clear();
                    blankOK = false;
                    continue;
                }
                if (ch == '\'' || ch == '"')
                {
                    quote = ch;
                    blankOK = true;
                    phase = inQuote;
                    continue;
                }
                if (ch == '\\')
                {
                    if (pos + 1 == end) continue;
                    pos++;
                }
                pos = AppendByteWise(word, line, pos, end);
                continue;
            }
            if (line[pos] == quote)
            {
                phase = inWord;
                continue;
            }
            if (ch == '\\')
            {
                if (pos + 1 == end) { phase = inWord; continue; }
                pos++;
            }
            pos = AppendByteWise(word, line, pos, end);
        }
        return end;
    }

    private static bool IsTerminator(StringBuilder word) => word.Length == 2 && word[0] == '-' && word[1] == '-';

    // extractBuilderFlags walks bytes and appends each as a rune, so non-ASCII text comes out as Latin-1 mojibake.
    private static int AppendByteWise(StringBuilder word, string line, int pos, int end)
    {
        char c = line[pos];
        if (c < 0x80) { word.Append(c); return pos; }
        if (GoText.IsEscapedByte(line, pos)) { word.Append((char)(c - 0xDC00)); return pos; }
        int width = char.IsHighSurrogate(c) && pos + 1 < end && char.IsLowSurrogate(line[pos + 1]) ? 2 : 1;
        Span<byte> bytes = stackalloc byte[4];
        int n = Encoding.UTF8.GetBytes(line.AsSpan(pos, width), bytes);
        for (int i = 0; i < n; i++) word.Append((char)bytes[i]);
        return pos + width - 1;
    }
}

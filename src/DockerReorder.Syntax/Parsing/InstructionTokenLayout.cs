namespace DockerReorder.Syntax.Parsing;

/// <summary>
/// Makes an instruction's token objects, trivia and flags from its tokens as offsets (see <see cref="TokenSlot"/>): the
/// parser keeps only the offsets, since most tokens of most parses are never looked at.
/// </summary>
internal static class InstructionTokenLayout
{
    /// <summary>Makes the token objects, the instruction's leading trivia, its flags and its argument tokens.</summary>
    public static InstructionTokens Materialize(string text, TriviaScanner trivia, TextSpan fullSpan, TextSpan span, TokenSlot[] slots, ElementSlot[] elements)
    {
        var tokens = BuildTokens(text, trivia, slots, span.Start, span.End);
        int flagCount = 0, argumentCount = elements.Length;
        foreach (var s in slots)
        {
            if (s.Role == TokenRole.Flag) flagCount++;
            else if (s.Role == TokenRole.Argument) argumentCount++;
        }
        var flags = flagCount == 0 ? [] : new FlagSyntax[flagCount];
        var arguments = argumentCount == 0 ? [] : new SyntaxToken[argumentCount];
        int f = 0, a = 0;
        for (int i = 0; i < slots.Length; i++)
        {
            if (slots[i].Role == TokenRole.Flag) flags[f++] = MakeFlag(tokens[i]);
            else if (slots[i].Role == TokenRole.Argument) arguments[a++] = tokens[i];
        }
        foreach (var e in elements)
            arguments[a++] = new SyntaxToken(SyntaxTokenKind.Argument, TextSpan.FromBounds(e.Start, e.End), text.Substring(e.Start, e.End - e.Start), e.Value, [], []);
        var leading = fullSpan.Start < span.Start ? trivia.Scan(fullSpan.Start, span.Start) : [];
        return new InstructionTokens(leading, tokens, flags, arguments, tokens[0]);
    }

    /// <summary>Makes a flag node from its token: name lower-cased without dashes, value after the first <c>=</c>.</summary>
    public static FlagSyntax MakeFlag(SyntaxToken token)
    {
        string v = token.Value;
        int nameStart = v.StartsWith("--", StringComparison.Ordinal) ? 2 : 0;
        int eq = v.IndexOf('=', nameStart);
        string name = (eq < 0 ? v.Substring(nameStart) : v.Substring(nameStart, eq - nameStart)).ToLowerInvariant();
        return new FlagSyntax(token, name, eq < 0 ? null : v.Substring(eq + 1));
    }

    /// <summary>
    /// Makes the tokens of <c>[spanStart, spanEnd)</c>; the text between two tokens is the first's trailing trivia up
    /// to its first line break, the rest the second's leading trivia.
    /// </summary>
    public static SyntaxToken[] BuildTokens(string text, TriviaScanner trivia, IReadOnlyList<TokenSlot> slots, int spanStart, int spanEnd)
    {
        int count = slots.Count;
        var leading = new SyntaxTrivia[count][];
        var trailing = new SyntaxTrivia[count][];
        int previous = spanStart;
        for (int i = 0; i < count; i++)
        {
            var gap = trivia.Scan(previous, slots[i].Start);
            if (i == 0) leading[0] = gap;
            else
            {
                int split = 0;
                while (split < gap.Length && gap[split].Kind != TriviaKind.EndOfLine) split++;
                split = Math.Min(split + 1, gap.Length);
                if (split == gap.Length) { trailing[i - 1] = gap; leading[i] = []; }
                else { trailing[i - 1] = gap[..split]; leading[i] = gap[split..]; }
            }
            previous = slots[i].End;
        }
        trailing[count - 1] = trivia.Scan(previous, spanEnd);
        var tokens = new SyntaxToken[count];
        for (int i = 0; i < count; i++)
        {
            var s = slots[i];
            int length = s.End - s.Start;
            string value = s.Value ?? text.Substring(s.Start, length);
            // Most words are written as they are meant: share the value's string instead of copying the source.
            string tokenText = value.Length == length && string.CompareOrdinal(value, 0, text, s.Start, length) == 0
                ? value
                : text.Substring(s.Start, length);
            tokens[i] = new SyntaxToken(s.Kind, TextSpan.FromBounds(s.Start, s.End), tokenText, value, leading[i], trailing[i]);
        }
        return tokens;
    }
}

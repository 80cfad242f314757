namespace DockerReorder.Syntax.Parsing;

/// <summary>
/// Makes an instruction's token objects, trivia and flags from its tokens as offsets (see <see cref="TokenSlot"/>): the
/// parser keeps only the offsets, since most tokens of most parses are never looked at.
/// </summary>
internal static class InstructionTokenLayout
{
    /// <summary>
    /// Makes the token objects, the instruction's leading trivia, its flags and its argument tokens; the tokens and flags
    /// of <paramref name="head"/>, when it was made first, are reused so every view shares one object per token.
    /// </summary>
    public static InstructionTokens Materialize(string text, TriviaScanner trivia, TextSpan fullSpan, TextSpan span, TokenSlot[] slots, ElementSlot[] elements,
        InstructionHead? head)
    {
        var tokens = BuildTokens(text, trivia, slots, span.Start, span.End, head?.HeadTokens);
        int flagCount = 0, argumentCount = elements.Length;
        foreach (var s in slots)
        {
            if (s.Role == TokenRole.Flag) flagCount++;
            else if (s.Role == TokenRole.Argument) argumentCount++;
        }
        var flags = head is not null ? head.Flags : flagCount == 0 ? [] : new FlagSyntax[flagCount];
        var arguments = argumentCount == 0 ? [] : new SyntaxToken[argumentCount];
        int f = 0, a = 0;
        for (int i = 0; i < slots.Length; i++)
        {
            if (slots[i].Role == TokenRole.Flag) { if (head is null) ((FlagSyntax[])flags)[f++] = MakeFlag(tokens[i]); }
            else if (slots[i].Role == TokenRole.Argument) arguments[a++] = tokens[i];
        }
        foreach (var e in elements)
            arguments[a++] = new SyntaxToken(SyntaxTokenKind.Argument, TextSpan.FromBounds(e.Start, e.End), text.Substring(e.Start, e.End - e.Start), e.Value, [], []);
        var leading = fullSpan.Start < span.Start ? trivia.Scan(fullSpan.Start, span.Start) : [];
        return new InstructionTokens(leading, tokens, flags, arguments, tokens[0]);
    }

    /// <summary>
    /// Makes the keyword, flag and terminator tokens alone. <paramref name="following"/> is where the next token starts
    /// (its gap is split as between two tokens), or -1 when none follows and the last head token owns the rest of the span.
    /// </summary>
    public static InstructionHead MakeHead(string text, TriviaScanner trivia, TokenSlot[] slots, int spanStart, int spanEnd, int following)
    {
        var tokens = BuildTokens(text, trivia, slots, spanStart, following < 0 ? spanEnd : following, made: null, endsAtToken: following >= 0);
        int flagCount = 0;
        foreach (var s in slots) if (s.Role == TokenRole.Flag) flagCount++;
        var flags = flagCount == 0 ? [] : new FlagSyntax[flagCount];
        int f = 0;
        for (int i = 0; i < slots.Length; i++)
            if (slots[i].Role == TokenRole.Flag) flags[f++] = MakeFlag(tokens[i]);
        return new InstructionHead(tokens[0], flags, tokens);
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
    /// to its first line break, the rest the second's leading trivia. The first tokens are taken from <paramref name="made"/>
    /// when given (made before from the same slots). When <paramref name="endsAtToken"/>, a token starts at <paramref name="spanEnd"/>
    /// and the last token's trailing trivia stops after the first line break, as between two tokens.
    /// </summary>
    public static SyntaxToken[] BuildTokens(string text, TriviaScanner trivia, IReadOnlyList<TokenSlot> slots, int spanStart, int spanEnd,
        IReadOnlyList<SyntaxToken>? made = null, bool endsAtToken = false)
    {
        int count = slots.Count;
        int reused = made is null ? 0 : Math.Min(made.Count, count);
        var leading = new SyntaxTrivia[count][];
        var trailing = new SyntaxTrivia[count][];
        var tokens = new SyntaxToken[count];
        for (int i = 0; i < reused; i++) tokens[i] = made![i];
        int previous = reused == 0 ? spanStart : slots[reused - 1].End;
        for (int i = reused; i < count; i++)
        {
            var gap = trivia.Scan(previous, slots[i].Start);
            if (i == 0) leading[0] = gap;
            else
            {
                // A reused token already owns its trailing part of the gap.
                int split = TrailingLength(gap);
                if (i - 1 >= reused) trailing[i - 1] = split == gap.Length ? gap : gap[..split];
                leading[i] = split == gap.Length ? [] : gap[split..];
            }
            previous = slots[i].End;
        }
        if (count > reused)
            trailing[count - 1] = endsAtToken ? TrailingPart(trivia.Scan(previous, spanEnd)) : trivia.Scan(previous, spanEnd);
        for (int i = reused; i < count; i++)
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

    // How much of the gap between two tokens the first one owns: up to and including the first line break.
    private static int TrailingLength(SyntaxTrivia[] gap)
    {
        int split = 0;
        while (split < gap.Length && gap[split].Kind != TriviaKind.EndOfLine) split++;
        return Math.Min(split + 1, gap.Length);
    }

    private static SyntaxTrivia[] TrailingPart(SyntaxTrivia[] gap)
    {
        int split = TrailingLength(gap);
        return split == gap.Length ? gap : gap[..split];
    }
}

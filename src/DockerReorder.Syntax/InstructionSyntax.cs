namespace DockerReorder.Syntax;

/// <summary>
/// One instruction with everything it owns: the trivia above it (blank lines and comments since
/// the previous instruction), its keyword, flags and arguments with their continuations, its
/// heredoc bodies and its final line break. Concatenating <see cref="ToFullString"/> of the
/// header and every instruction, in order, gives back the source.
/// </summary>
public sealed class InstructionSyntax
{
    /// <summary>Creates an instruction node. Used by the parser.</summary>
    /// <exception cref="ArgumentException"><paramref name="fullSpan"/> does not end where <paramref name="span"/> ends, or starts after it.</exception>
    public InstructionSyntax(
        SourceText source,
        TextSpan fullSpan,
        TextSpan span,
        IReadOnlyList<SyntaxTrivia> leadingTrivia,
        IReadOnlyList<SyntaxToken> tokens,
        InstructionKind kind,
        SyntaxToken keyword,
        IReadOnlyList<FlagSyntax> flags,
        IReadOnlyList<string> arguments,
        IReadOnlyList<SyntaxToken> argumentTokens,
        string argumentsText,
        bool isJsonForm,
        IReadOnlyList<HeredocSyntax> heredocs,
        InstructionSyntax? onbuildInstruction,
        int startLine,
        int endLine)
    {
        // The node keeps only the full span's start.
        if (fullSpan.End != span.End || fullSpan.Start > span.Start)
            throw new ArgumentException("the full span must end where the span ends and start before it", nameof(fullSpan));
        Source = source; _fullStart = fullSpan.Start; Span = span;
        _state = new Parsing.InstructionTokens(leadingTrivia, tokens, flags, argumentTokens, keyword)
        {
            Extras = new Parsing.InstructionExtras(heredocs, onbuildInstruction, null, endLine),
        };
        _packed = Pack(kind, isJsonForm, argumentsDeferred: false, argumentIsText: false, keywordLength: 0);
        _arguments = new Parsing.ArgumentsAndText(arguments, argumentsText);
        StartLine = startLine;
    }

    // The parser's constructor: tokens, trivia and flags are made on first access, the keyword and flags from the slots
    // kept (headSlots; null for a plain keyword ending at keywordEnd and no flags), the rest by reading the instruction again.
    // Null arguments are made on first read: by reading the instruction again when argumentsDeferred; as the one arguments text
    // when argumentIsText.
    // The file's escape character is the source's (see SourceText.Escape); the last line is counted when asked for; the keyword's
    // end (kept when there are no head slots) is at most MaxKeywordLength after the span's start.
    internal InstructionSyntax(SourceText source, int fullStart, TextSpan span,
        InstructionKind kind, IReadOnlyList<string>? arguments, bool argumentsDeferred, bool argumentIsText, string? argumentsText, bool isJsonForm,
        IReadOnlyList<HeredocSyntax> heredocs, int startLine, int keywordEnd, Parsing.TokenSlot[]? headSlots, int following)
    {
        Source = source; _fullStart = fullStart; Span = span;
        if (headSlots is null && (uint)(keywordEnd - span.Start) > MaxKeywordLength)
            throw new ArgumentOutOfRangeException(nameof(keywordEnd), "a keyword this long is kept in head slots");
        _packed = Pack(kind, isJsonForm, argumentsDeferred, argumentIsText, headSlots is null ? keywordEnd - span.Start : 0);
        _arguments = arguments is null ? argumentsText : argumentsText is null ? arguments : new Parsing.ArgumentsAndText(arguments, argumentsText);
        _state = Parsing.InstructionExtras.Of(heredocs, null, headSlots);
        StartLine = startLine;
        _following = following;
    }

    /// <summary>The longest keyword whose end the node keeps itself; a longer one is kept in head slots.</summary>
    internal const int MaxKeywordLength = (1 << 24) - 1;

    // Fields are few and small: a long file has one node per ~50 bytes of text (three references and six ints make 64 bytes
    // with the object header; one field more would make 72).
    private readonly int _fullStart;
    private readonly int _following;

    // The keyword's length (bits 0-23, when there are no head slots), the kind (24-28), and three flags.
    private readonly int _packed;
    private const int KeywordLengthMask = MaxKeywordLength;
    private const int KindShift = 24;
    private const int KindMask = 0x1F;
    private const int JsonFormBit = 1 << 29;
    private const int ArgumentsDeferredBit = 1 << 30;
    private const int ArgumentIsTextBit = 1 << 31;

    private static int Pack(InstructionKind kind, bool isJsonForm, bool argumentsDeferred, bool argumentIsText, int keywordLength) =>
        keywordLength | ((int)kind << KindShift) | (isJsonForm ? JsonFormBit : 0) | (argumentsDeferred ? ArgumentsDeferredBit : 0)
        | (argumentIsText ? ArgumentIsTextBit : 0);

    private int KeywordEnd => Span.Start + (_packed & KeywordLengthMask);

    // The file's escape character, to read the instruction again: the parse kept it on the source.
    private char Escape => Source.Escape;

    // Null or the extras (heredocs, ONBUILD child, head slots), then the keyword and flag tokens (the head, holding the extras),
    // then every token (reusing the head's objects); never goes back.
    private object? _state;

    private Parsing.InstructionExtras? Extras
    {
        get
        {
            var state = Volatile.Read(ref _state);
            return state as Parsing.InstructionExtras ?? (state as Parsing.InstructionHead)?.Extras;
        }
    }

    private Parsing.TokenSlot[]? HeadSlots => Extras?.HeadSlots;

    // One winner when threads race, so Keyword, Tokens, Flags and ArgumentTokens always share token objects.
    private Parsing.InstructionHead Head
    {
        get
        {
            var state = Volatile.Read(ref _state);
            if (state is Parsing.InstructionHead head) return head;
            var extras = (Parsing.InstructionExtras?)state;
            var made = MakeHead(extras);
            made.Extras = extras;
            var previous = Interlocked.CompareExchange(ref _state, made, state);
            return ReferenceEquals(previous, state) ? made : (Parsing.InstructionHead)previous!;
        }
    }

    private Parsing.InstructionHead MakeHead(Parsing.InstructionExtras? extras)
    {
        var slots = extras?.HeadSlots ??
        [
            new Parsing.TokenSlot(Span.Start, KeywordEnd, SyntaxTokenKind.Keyword, Parsing.TokenRole.Other,
                Parsing.InstructionKeywords.AsWritten(Source.Text, Span.Start, KeywordEnd)),
        ];
        return Parsing.ParserSession.MakeHead(Source, Escape, slots, Span, _following);
    }

    private Parsing.InstructionTokens Materialized
    {
        get
        {
            var head = Head;
            if (head is Parsing.InstructionTokens made) return made;
            var tokens = Parsing.ParserSession.Rebuild(Source, Escape, FullSpan.Start, Span.Start, Heredocs, head);
            tokens.Extras = head.Extras;
            return Interlocked.CompareExchange(ref _state, tokens, head) is Parsing.InstructionTokens won ? won : tokens;
        }
    }

    /// <summary>The source the node was parsed from.</summary>
    public SourceText Source { get; }

    /// <summary>From the end of the previous instruction (or of the directives) to the end of this one, final line break included.</summary>
    public TextSpan FullSpan => TextSpan.FromBounds(_fullStart, Span.End);

    /// <summary>From the keyword to the end of the instruction: continuation lines and heredoc bodies included, the final line break included when there is one.</summary>
    public TextSpan Span { get; }

    /// <summary>The trivia between <see cref="FullSpan"/>'s start and the keyword: blank lines, comments, indentation.</summary>
    public IReadOnlyList<SyntaxTrivia> LeadingTrivia => Materialized.LeadingTrivia;

    /// <summary>Every token of the instruction, in order, each owning its trivia (keyword first).</summary>
    public IReadOnlyList<SyntaxToken> Tokens => Materialized.Tokens;

    /// <summary>Which instruction this is.</summary>
    public InstructionKind Kind => (InstructionKind)((_packed >> KindShift) & KindMask);

    /// <summary>The keyword token, as written (<c>copy</c>, <c>COPY</c>, ...).</summary>
    public SyntaxToken Keyword => Head.Keyword;

    /// <summary>The flags, in order (BuildKit's <c>Node.Flags</c>).</summary>
    // A lazy instruction with no head slots has no flags: no token needs making to say so.
    public IReadOnlyList<FlagSyntax> Flags => Volatile.Read(ref _state) is not Parsing.InstructionHead && HeadSlots is null ? [] : Head.Flags;

    // Null, the arguments text (a string), the arguments (a list; for ArgumentIsTextBit the one-item array holding the text), or
    // both (ArgumentsAndText); it only gains what is read, so one winner when threads race.
    private object? _arguments;

    /// <summary>The argument values exactly as BuildKit's AST holds them (the <c>Next</c> chain its dump prints).</summary>
    // Made on first read when the one argument is the arguments text (a shell-form RUN, CMD or ENTRYPOINT; WORKDIR, USER, ...),
    // or when the parse left the values unmade (ArgumentsDeferredBit: exec form, FROM, COPY, ENV, ...; read again from the source).
    public IReadOnlyList<string> Arguments
    {
        get
        {
            IReadOnlyList<string>? made = null;
            while (true)
            {
                var state = Volatile.Read(ref _arguments);
                if (state is Parsing.ArgumentsAndText both) return both.Arguments;
                if (state is IReadOnlyList<string> list) return list;
                object next;
                if ((_packed & ArgumentIsTextBit) != 0)
                {
                    // The one argument is the text itself: the text is published first, then the array holding it stands for both.
                    if (state is not string text) { _ = ArgumentsText; continue; }
                    made = new[] { text };
                    next = made;
                }
                else
                {
                    made ??= Parsing.ParserSession.ReadArguments(Source, Escape, Span.Start);
                    next = state is string text ? new Parsing.ArgumentsAndText(made, text) : made;
                }
                if (ReferenceEquals(Interlocked.CompareExchange(ref _arguments, next, state), state)) return made;
            }
        }
    }

    /// <summary>The argument tokens with their spans: one per word in shell form, one per element in exec form.</summary>
    public IReadOnlyList<SyntaxToken> ArgumentTokens => Materialized.ArgumentTokens;

    /// <summary>The logical text after the keyword and flags: continuations joined, comment lines dropped (BuildKit's args string).</summary>
    // Kept by the parser only when an argument already holds it; otherwise read again on first access, from where the first
    // argument token starts (_following: the parse keeps the text itself when that is not where it starts).
    public string ArgumentsText
    {
        get
        {
            string? made = null;
            while (true)
            {
                var state = Volatile.Read(ref _arguments);
                if (state is string known) return known;
                if (state is Parsing.ArgumentsAndText both) return both.Text;
                if (state is IReadOnlyList<string> list && (_packed & ArgumentIsTextBit) != 0) return list[0];
                made ??= ReadArgumentsText();
                object next = state is null ? made : new Parsing.ArgumentsAndText((IReadOnlyList<string>)state, made);
                if (ReferenceEquals(Interlocked.CompareExchange(ref _arguments, next, state), state)) return made;
            }
        }
    }

    private string ReadArgumentsText() =>
        _following < 0 ? string.Empty
        : Parsing.ParserSession.ReadArgumentsText(Source, Escape, Span.Start, HeadSlots is null ? KeywordEnd : -1, _following);

    /// <summary>True for exec (JSON array) form.</summary>
    public bool IsJsonForm => (_packed & JsonFormBit) != 0;

    /// <summary>The heredocs, in order.</summary>
    public IReadOnlyList<HeredocSyntax> Heredocs => Extras?.Heredocs ?? [];

    /// <summary>For <c>ONBUILD</c>, the instruction it wraps.</summary>
    public InstructionSyntax? OnbuildInstruction => Extras?.OnbuildInstruction;

    /// <summary>1-based line of the keyword.</summary>
    public int StartLine { get; }

    /// <summary>1-based last line (continuations and heredoc bodies included).</summary>
    // Counted when asked for (no analysis reads it): the lines the span's line breaks start, its final line break aside.
    public int EndLine => Extras is { EndLine: >= 0 } extras ? extras.EndLine
        : Span.Length == 0 ? StartLine
        : StartLine + Source.Text.AsSpan(Span.Start, Span.Length - 1).Count('\n');

    /// <summary>
    /// The comment lines directly above the keyword with no blank line between them and it
    /// (they travel with the instruction when it moves).
    /// </summary>
    public IReadOnlyList<SyntaxTrivia> AttachedComments
    {
        get
        {
            var result = new List<SyntaxTrivia>();
            // Walk back over: [indent] comment EOL groups; stop at a blank line.
            int i = LeadingTrivia.Count - 1;
            if (i >= 0 && LeadingTrivia[i].Kind == TriviaKind.Whitespace) i--; // indentation of the keyword
            while (i >= 0)
            {
                if (LeadingTrivia[i].Kind != TriviaKind.EndOfLine) break;
                int j = i - 1;
                if (j < 0 || LeadingTrivia[j].Kind != TriviaKind.Comment) break;
                result.Insert(0, LeadingTrivia[j]);
                i = j - 1;
                if (i >= 0 && LeadingTrivia[i].Kind == TriviaKind.Whitespace) i--;
            }
            return result;
        }
    }

    /// <summary>
    /// What moves when the instruction moves: from the start of the line of the first attached
    /// comment (or of the keyword's line) to the end of <see cref="Span"/>.
    /// </summary>
    public TextSpan MovableSpan
    {
        get
        {
            var comments = AttachedComments;
            int start = comments.Count > 0 ? comments[0].Span.Start : Span.Start;
            // Include the indentation before the first moved line.
            var text = Source.Text;
            while (start > FullSpan.Start && (text[start - 1] == ' ' || text[start - 1] == '\t')) start--;
            return TextSpan.FromBounds(start, Span.End);
        }
    }

    /// <summary>True when the instruction's text ends with a line break.</summary>
    public bool EndsWithLineBreak => Span.Length > 0 && Source.Text[Span.End - 1] == '\n';

    /// <summary>The exact source text of <see cref="FullSpan"/>.</summary>
    public string ToFullString() => Source.Text.Substring(FullSpan.Start, FullSpan.Length);

    /// <summary>The exact source text of <see cref="Span"/>.</summary>
    public override string ToString() => Source.Text.Substring(Span.Start, Span.Length);
}
